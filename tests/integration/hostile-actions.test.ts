/**
 * Every server action, called the way an attacker can (any argument, any fields): wrong types,
 * missing fields, megabyte strings, out-of-range numbers and dates, control characters. Each must
 * answer with a refusal (ok: false, or the form's error state), never throw (a 500), and write
 * nothing. The route handlers have their own file (hostile-input.test.ts); over HTTP, the proxy's
 * and the server's side of it is tests/e2e/hostile.spec.ts and security.spec.ts.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getTableName, is, sql, Table } from 'drizzle-orm';
import * as schema from '@/db/schema';
import { countOf, makeUser } from '../support/fixtures';

const session = vi.hoisted(() => ({ user: null as null | { id: number; name: string; email: string; role: 'student' | 'instructor'; sessionId: string } }));
vi.mock('@/app/_lib/session', () => ({
  currentUser: async () => session.user,
  signOutThisBrowser: async () => {
    throw new Error('signed out: not expected from hostile input');
  },
}));
vi.mock('@/auth', () => ({
  signIn: async () => {
    throw new Error('signIn reached: validation let hostile input through');
  },
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

type AnyAction = (prev: never, input: never) => Promise<unknown>;

const modules = {
  auth: await import('@/app/(auth)/actions'),
  reset: await import('@/app/(auth)/reset-actions'),
  teach: await import('@/app/(teach)/teach/actions'),
  assignments: await import('@/app/(teach)/teach/assignment-actions'),
  decks: await import('@/app/(teach)/teach/decks/actions'),
  review: await import('@/app/(focus)/review/[deckId]/actions'),
  leeches: await import('@/app/(study)/progress/leeches/actions'),
  quiz: await import('@/app/(study)/quiz/actions'),
  settings: await import('@/app/(study)/settings/actions'),
  sessions: await import('@/app/(study)/settings/session-actions'),
  join: await import('@/app/(study)/join/actions'),
  overrules: await import('@/app/(study)/quiz/overrule-actions'),
  decisions: await import('@/app/(teach)/teach/overrule-actions'),
  invitations: await import('@/app/(teach)/teach/invitation-actions'),
  invite: await import('@/app/(auth)/invite-actions'),
  // Issue 17: delete my account, resend verification mail (the user here is verified), confirm an email.
  account: await import('@/app/(study)/settings/account-actions'),
  verify: await import('@/app/(auth)/verify-actions'),
  staff: await import('@/app/(teach)/teach/class-staff-actions'),
  classes: await import('@/app/(study)/classes/actions'),
  reports: await import('@/app/(study)/reports/actions'),
  reportDecisions: await import('@/app/(teach)/teach/decks/report-actions'),
};

// "Sign out everywhere" takes no input at all: nothing hostile can be sent to it. Sign-out likewise.
const NO_INPUT = new Set(['signOutEverywhereAction', 'signOutAction']);
const actions: [string, AnyAction][] = Object.values(modules).flatMap((m) =>
  Object.entries(m).filter(([name, v]) => typeof v === 'function' && name.endsWith('Action') && !NO_INPUT.has(name)) as [string, AnyAction][],
);

const MB = 'x'.repeat(1024 * 1024);
const JUNK: string[] = [
  '',
  MB,
  '-1',
  '0',
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '9007199254740993',
  '1.5',
  '+275760-09-13T00:00:01.000Z',
  '99999-12-31',
  '0000-00-00T25:61',
  '\u0000',
  '\u001b[31mred\u001b[0m',
  '\u202eesrever\u202c',
  'a\r\nb',
  '%E0%A4%A',
  '[object Object]',
  '{"__proto__":{"admin":true}}',
];
// Every field name any action reads (a FormData with all of them set to the same junk).
const FIELDS = ['name', 'email', 'password', 'callbackUrl', 'timeZone', 'classId', 'userId', 'archived', 'deckId', 'sectionKeys', 'dueDate', 'dueTime', 'dueAt', 'goalQuizScore', 'goalRecall', 'assignmentId', 'title', 'author', 'publisher', 'published', 'sourceUrl', 'description', 'sectionTitle', 'sectionNotes', 'key', 'notes', 'direction', 'itemId', 'type', 'prompt', 'answer', 'cardId', 'attemptId', 'response', 'count', 'feedback', 'currentPassword', 'newPassword', 'confirmPassword', 'desiredRetention', 'newPerDay', 'reviewsPerDay', 'rolloverHour', 'passFail', 'maximumInterval', 'leechThreshold', 'quizFeedback', 'code', 'id', 'csv', 'rows', 'text', 'overruleId', 'decision', 'quizScope', 'quizSectionKeys', 'quizAll', 'quizQuestions', 'quizTypes', 'quizAttempts', 'quizFeedback', 'roster', 'invitationId', 'token', 'confirm', 'userIds', 'reason', 'note', 'source', 'reportId', 'reply', 'format', 'data'];

function formWith(value: string): FormData {
  const form = new FormData();
  for (const f of FIELDS) form.set(f, value);
  return form;
}

const NOT_FORMS: unknown[] = [undefined, null, 42, 'text', true, [], [1, 2], {}, { name: 7 }, { classId: { $gt: 0 } }, { __proto__: { admin: true } }, new Date(8.64e15), new Map()];

/** Rows in every table but the throttle counters (a wrong join code is counted: that write is the point). */
async function totalRows(): Promise<number> {
  const tables = (Object.values(schema) as unknown[]).filter((t): t is Table => is(t, Table) && getTableName(t) !== 'auth_throttle');
  let n = 0;
  for (const table of tables) n += await countOf(sql`SELECT count(*) AS "n" FROM ${table}`);
  return n;
}

/** A refusal in either shape: an ActionResult, or the sign-in/up form state. */
function isRefusal(out: unknown): boolean {
  const r = out as { ok?: boolean; result?: { ok?: boolean } } | null;
  return r?.ok === false || r?.result?.ok === false;
}

describe('hostile input to every server action', () => {
  beforeAll(async () => {
    const u = await makeUser('instructor');
    session.user = { ...u, role: 'instructor', sessionId: 'hostile-session' };
  });

  it('finds the actions', async () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
  });

  it.each(actions)('%s refuses non-form arguments, junk in every field, and an empty form, and writes nothing', async (name, action) => {
    const before = await totalRows();
    const inputs: unknown[] = [...NOT_FORMS, new FormData(), ...JUNK.map(formWith)];
    for (const input of inputs) {
      let out: unknown;
      try {
        out = await action(undefined as never, input as never);
      } catch (error) {
        throw new Error(`${name} threw on ${String(input).slice(0, 40)}: ${(error as Error).message.slice(0, 200)}`);
      }
      expect(isRefusal(out), `${name} accepted ${input instanceof FormData ? `a form of ${JSON.stringify(String(input.get('name')).slice(0, 30))}` : JSON.stringify(input)?.slice(0, 40)}`).toBe(true);
      expect(JSON.stringify(out ?? null).length, `${name} echoed a huge input`).toBeLessThan(5000);
    }
    expect(await totalRows()).toBe(before);
  });

  it('the deck-file actions refuse hostile files in a deck of the caller, and write nothing', async () => {
    const { createDeck } = await import('@/db/queries/authoring-decks');
    const { strToU8, zipSync } = await import('fflate');
    const deckId = await createDeck(session.user!, { title: 'Hostile', author: 'A', sourceUrl: 'https://example.org', description: 'D', sectionTitle: 'One', sectionNotes: '' }, new Date());
    const b64 = (files: Record<string, Uint8Array>) => Buffer.from(zipSync(files)).toString('base64');
    const files = [
      { format: 'zip', data: b64({ '../../deck.yaml': strToU8('id: x') }) },
      { format: 'zip', data: b64(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`items/${i}.yaml`, strToU8('[]')]))) },
      { format: 'zip', data: b64({ 'deck.yaml': new Uint8Array(5_000_000) }) },
      { format: 'zip', data: Buffer.from('not a zip').toString('base64') },
      { format: 'zip', data: 'not base64!' },
      { format: 'yaml', data: 'deck: [' },
      { format: 'yaml', data: MB },
      { format: 'yaml', data: 'deck: {}\nitems: [{ id: x }]\n' },
    ];
    const before = await totalRows();
    for (const file of files) {
      const preview = (await modules.decks.previewDeckUploadAction(undefined as never, { deckId, ...file } as never)) as { ok: boolean; data?: { errors: string[] } };
      // A file that reads as a deck gets a preview listing its errors; anything else is refused.
      expect(preview.ok === false || (preview.data?.errors.length ?? 0) > 0, `preview of ${file.format} ${file.data.slice(0, 30)}`).toBe(true);
      const out = await modules.decks.importDeckUploadAction(undefined as never, { deckId, ...file } as never);
      expect(isRefusal(out), `import of ${file.format} ${file.data.slice(0, 30)}`).toBe(true);
    }
    expect(await totalRows()).toBe(before);
  });

  it('signed out, every action refuses before reading its input', async () => {
    const saved = session.user;
    session.user = null;
    const before = await totalRows();
    for (const [name, action] of actions) {
      // Open to visitors by design (the invited sign-up is gated by its token, which junk is not).
      if (name === 'signInAction' || name === 'signUpAction') continue;
      expect(isRefusal(await action(undefined as never, formWith('1') as never)), name).toBe(true);
    }
    expect(await totalRows()).toBe(before);
    session.user = saved;
  });
});

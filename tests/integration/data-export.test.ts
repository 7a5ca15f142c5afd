/**
 * "Take my data" (issue 17) on a real SQLite file: the zip opens, holds what its README says, its
 * review count matches the history CSV and the database, and nothing of another user is in it.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'drizzle-orm';
import { bare } from '@/db/engine/fragments';
import { reviewLogs, typedAnswers } from '@/db/schema';
import { ownDecksOf, personalData } from '@/db/queries/data-export';
import { reviewHistoryCsv } from '@/db/queries/review-history';
import { createClass } from '@/db/queries/classes';
import { createDeck } from '@/db/queries/authoring-decks';
import { deckToYaml } from '@/lib/content/export-yaml';
import { parseDelimited } from '@/lib/content/import-csv';
import { buildDataZip } from '@/lib/export/data-zip';
import { countOf, exec, makeUser } from '../support/fixtures';
import { DAY, enroll, logReview, makeTinyDeck, quizAttempt } from '../support/teach-fixtures';

const session = vi.hoisted(() => ({ user: null as null | { id: number; name: string; email: string; role: 'student' | 'instructor'; sessionId: string } }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => session.user }));
const { GET } = await import('@/app/(study)/settings/data-export/route');

const T0 = Date.parse('2026-05-04T00:00:00Z');
const EXPORTED = new Date(T0 + 10 * DAY);
let ownDeck = '';
let ids: { student: { id: number; email: string }; other: { id: number; email: string }; teacher: { id: number } };

beforeAll(async () => {
  const teacher = await makeUser('instructor');
  const student = await makeUser();
  const other = await makeUser();
  const deck = await makeTinyDeck('export-deck');
  ownDeck = await createDeck(teacher, { title: 'My own deck', author: 'T', sourceUrl: 'https://example.org/own', description: 'd', sectionTitle: 'Introduction', sectionNotes: '' }, new Date(T0));
  const classId = await createClass(teacher.id, { name: 'Export class', timeZone: 'UTC' }, new Date(T0));
  await enroll(classId, student.id, T0 + DAY);
  await logReview(student.id, deck.c1, T0 + DAY, { stateBefore: 0, rating: 3, stability: 2 });
  await logReview(student.id, deck.c1, T0 + 3 * DAY, { stateBefore: 2, rating: 4, stability: 9 });
  await logReview(student.id, deck.c2, T0 + 2 * DAY, { stateBefore: 0, rating: 1, stability: 1, undone: true });
  await logReview(other.id, deck.c1, T0 + DAY, { stateBefore: 0, rating: 2, stability: 1 });
  await quizAttempt(student.id, 'export-deck', T0 + 4 * DAY, [{ cardId: deck.c3, correct: true }]);
  await exec(sql`INSERT INTO ${typedAnswers} (${bare(typedAnswers.userId)}, ${bare(typedAnswers.cardId)}, ${bare(typedAnswers.answer)}, ${bare(typedAnswers.answeredAt)})
                 VALUES (${student.id}, ${deck.c4}, 'my guess', ${T0 + 5 * DAY})`);
  ids = { student, other, teacher };
});

async function zipOf(user: { id: number }) {
  const bytes = buildDataZip({
    json: await personalData(user.id),
    reviewHistoryCsv: await reviewHistoryCsv(user.id),
    decks: (await ownDecksOf(user)).map((d) => ({ id: d.id, yaml: deckToYaml(d.deck, d.items, EXPORTED) })),
    exportedAt: EXPORTED,
  });
  return unzipSync(bytes);
}

describe('the data export zip', () => {
  it('opens, and its review count matches the history CSV and the database', async () => {
    const files = await zipOf(ids.student);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.json', 'review-history.csv']);
    const data = JSON.parse(strFromU8(files['data.json']!)) as { profile: { email: string }; reviews: { undoneAt: string | null }[]; enrolments: { className: string }[]; quizAttempts: { answers: unknown[] }[]; typedAnswers: { answer: string }[]; settings: { timeZone: string } };
    const csvRows = parseDelimited(strFromU8(files['review-history.csv']!), ',').filter((r) => r.cells.some((f) => f !== ''));
    const inDb = await countOf(sql`SELECT count(*) AS "n" FROM ${reviewLogs} WHERE ${reviewLogs.userId} = ${ids.student.id}`);
    expect(inDb).toBe(3);
    expect(data.reviews).toHaveLength(inDb);
    expect(csvRows.length - 1).toBe(inDb); // less the header
    expect(data.reviews.filter((r) => r.undoneAt !== null)).toHaveLength(1);
    expect(data.profile.email).toBe(ids.student.email);
    expect(data.enrolments.map((e) => e.className)).toEqual(['Export class']);
    expect(data.quizAttempts[0]?.answers).toHaveLength(1);
    expect(data.typedAnswers.map((t) => t.answer)).toEqual(['my guess']);
    expect(data.settings.timeZone).toBe('UTC');
    const json = strFromU8(files['data.json']!);
    expect(json).not.toContain(ids.other.email);
    expect(json).not.toContain('password');
  });

  it("holds an instructor's own decks in the content format", async () => {
    const files = await zipOf(ids.teacher);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.json', `decks/${ownDeck}.yaml`, 'review-history.csv']);
    const yaml = strFromU8(files[`decks/${ownDeck}.yaml`]!);
    expect(yaml).toContain('title: My own deck');
    expect(yaml).toContain('Introduction');
  });
});

describe('GET /settings/data-export', () => {
  it('answers 401 signed out, a zip signed in, and 429 (with Retry-After) past 10 an hour', async () => {
    session.user = null;
    const out = await GET();
    expect(out.status).toBe(401);
    expect(await out.text()).toBe('Sign in to download your data.');

    session.user = { id: ids.student.id, name: 'S', email: ids.student.email, role: 'student', sessionId: 's' };
    for (let i = 0; i < 10; i += 1) {
      const ok = await GET();
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('application/zip');
      expect(ok.headers.get('cache-control')).toBe('private, no-store');
      if (i === 0) {
        const files = unzipSync(new Uint8Array(await ok.arrayBuffer()));
        expect((JSON.parse(strFromU8(files['data.json']!)) as { reviews: unknown[] }).reviews).toHaveLength(3);
      }
    }
    const limited = await GET();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await limited.text()).toContain('Try again in 60 minutes.');
  });
});

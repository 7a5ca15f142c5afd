/**
 * The study settings action, the leech actions and the CSV route, called as Next.js would call
 * them, with the session replaced by whoever the test says is signed in.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/app/_lib/session';
import { bare } from '@/db/engine/fragments';
import { flag } from '@/db/engine/rows';
import { cardStates, reviewLogs, userSettings } from '@/db/schema';

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => signedIn.user }));
vi.mock('@/auth', () => ({ signIn: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { engine } = await import('@/db/engine');
const { saveStudySettingsAction } = await import('@/app/(study)/settings/actions');
const { clearLeechFlagAction, unsuspendCardAction } = await import('@/app/(study)/progress/leeches/actions');
const { GET } = await import('@/app/(study)/progress/export/route');
const { flaggedCardsFor } = await import('@/db/queries/leeches');
const { studySettingsFor } = await import('@/db/queries/settings');
const { cardIds, exec, loadRealDeck, makeUser } = await import('../support/fixtures');

type Account = Awaited<ReturnType<typeof makeUser>>;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

const goodSettings = {
  desiredRetention: '0.85',
  newPerDay: '5',
  reviewsPerDay: '150',
  timeZone: 'Asia/Kolkata',
  rolloverHour: '3',
  passFail: 'true',
  maximumInterval: '365',
  leechThreshold: '0',
  quizFeedback: 'end',
};

async function stateOf(userId: number, cardId: number) {
  const cs = cardStates;
  return (await engine()).get(
    sql`SELECT ${cs.suspended} AS "suspended", ${cs.leech} AS "leech" FROM ${cs} WHERE ${cs.userId} = ${userId} AND ${cs.cardId} = ${cardId}`,
    z.object({ suspended: flag, leech: flag }),
  );
}

describe('study settings action', () => {
  let user: Account;
  beforeEach(async () => {
    user = await makeUser('student', 'Europe/Berlin');
    signedIn.user = user;
  });

  it('saves every field and reads back what the scheduler and queue use', async () => {
    const result = await saveStudySettingsAction(null, form(goodSettings));
    expect(result).toEqual({ ok: true, data: undefined });
    const s = await studySettingsFor(user.id);
    expect(s).toMatchObject({ newPerDay: 5, reviewsPerDay: 150, timeZone: 'Asia/Kolkata', rolloverHour: 3, passFail: true, leechThreshold: 0, quizFeedback: 'end' });
    expect(s.scheduler).toMatchObject({ desiredRetention: 0.85, maximumInterval: 365 });
  });

  it('rejects a bad field with a field error and changes nothing, not even the valid fields', async () => {
    const before = await studySettingsFor(user.id);
    const result = await saveStudySettingsAction(null, form({ ...goodSettings, desiredRetention: '0.99' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.desiredRetention).toEqual(['Choose a desired retention from 0.70 to 0.97.']);
    expect(await studySettingsFor(user.id)).toEqual(before);
  });

  it('keeps personal FSRS weights when the form is saved', async () => {
    const f = (await engine()).fragments;
    await exec(sql`UPDATE ${userSettings} SET ${bare(userSettings.fsrsWeights)} = ${f.json([1, 2, 3])} WHERE ${userSettings.userId} = ${user.id}`);
    await saveStudySettingsAction(null, form(goodSettings));
    expect((await studySettingsFor(user.id)).scheduler.weights).toEqual([1, 2, 3]);
  });

  it('refuses without a session', async () => {
    signedIn.user = null;
    const result = await saveStudySettingsAction(null, form(goodSettings));
    expect(result.ok).toBe(false);
  });
});

describe('leeches', () => {
  let cards: number[];
  let owner: Account;
  let other: Account;
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
    owner = await makeUser();
    other = await makeUser();
    const f = (await engine()).fragments;
    const cs = cardStates;
    const insert = (userId: number, cardId: number | undefined, lapses: number, suspended: boolean, leech: boolean) =>
      exec(sql`INSERT INTO ${cs} (${bare(cs.userId)}, ${bare(cs.cardId)}, ${bare(cs.due)}, ${bare(cs.stability)}, ${bare(cs.difficulty)}, ${bare(cs.scheduledDays)},
                 ${bare(cs.learningSteps)}, ${bare(cs.reps)}, ${bare(cs.lapses)}, ${bare(cs.state)}, ${bare(cs.lastReview)}, ${bare(cs.suspended)}, ${bare(cs.leech)}, ${bare(cs.updatedAt)})
               VALUES (${userId}, ${cardId}, 0, 1, 5, 1, 0, 10, ${lapses}, 2, 0, ${f.bool(suspended)}, ${f.bool(leech)}, 0)`);
    await insert(owner.id, cards[0], 8, true, true); // leech, suspended
    await insert(owner.id, cards[1], 2, true, false); // suspended by hand
    await insert(owner.id, cards[2], 1, false, false); // fine: not listed
    await insert(other.id, cards[0], 9, true, true);
  });

  it('lists only this learner’s leeches and suspended cards', async () => {
    expect((await flaggedCardsFor(owner.id)).map((f) => [f.cardId, f.suspended, f.leech])).toEqual([
      [cards[0], true, true],
      [cards[1], true, false],
    ]);
  });

  it('unsuspends but keeps the leech flag, then clears the flag', async () => {
    signedIn.user = owner;
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[0]) }))).toMatchObject({ ok: true });
    expect(await stateOf(owner.id, cards[0] as number)).toEqual({ suspended: false, leech: true });
    expect((await flaggedCardsFor(owner.id)).map((f) => f.cardId)).toContain(cards[0]);
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[0]) }))).toMatchObject({ ok: false });
    expect(await clearLeechFlagAction(null, form({ cardId: String(cards[0]) }))).toMatchObject({ ok: true });
    expect((await flaggedCardsFor(owner.id)).map((f) => f.cardId)).not.toContain(cards[0]);
  });

  it('cannot touch another learner’s card, and rejects a bad id', async () => {
    const before = await stateOf(other.id, cards[0] as number);
    signedIn.user = owner;
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[2]) }))).toMatchObject({ ok: false }); // own card, not suspended
    signedIn.user = other;
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[1]) }))).toMatchObject({ ok: false }); // only the owner has a row for it
    expect(await stateOf(owner.id, cards[1] as number)).toEqual({ suspended: true, leech: false });
    expect(await unsuspendCardAction(null, form({ cardId: 'abc' }))).toMatchObject({ ok: false, fieldErrors: { cardId: expect.any(Array) } });
    expect(await stateOf(other.id, cards[0] as number)).toEqual(before);
  });
});

describe('review history download', () => {
  it('answers 401 without a session', async () => {
    signedIn.user = null;
    const res = await GET();
    expect(res.status).toBe(401);
  });

  it('sends this learner’s CSV as an attachment', async () => {
    await loadRealDeck();
    const user = await makeUser();
    const other = await makeUser();
    const card = (await cardIds())[0];
    const l = reviewLogs;
    const insert = (userId: number, clientId: string, reviewedAt: number) =>
      exec(sql`INSERT INTO ${l} (${bare(l.userId)}, ${bare(l.cardId)}, ${bare(l.clientId)}, ${bare(l.rating)}, ${bare(l.reviewedAt)}, ${bare(l.durationMs)}, ${bare(l.stateBefore)},
                 ${bare(l.dueAfter)}, ${bare(l.stabilityAfter)}, ${bare(l.difficultyAfter)}, ${bare(l.scheduledDays)}, ${bare(l.source)}, ${bare(l.createdAt)})
               VALUES (${userId}, ${card}, ${clientId}, 3, ${reviewedAt}, 1234, 0, 0, 1, 5, 0, 'review', 0)`);
    await insert(user.id, 'mine', Date.parse('2026-03-01T10:00:00Z'));
    await insert(other.id, 'theirs', Date.parse('2026-03-01T11:00:00Z'));
    signedIn.user = user;
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="review-history.csv"');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('card_id,item_id,deck_id,reviewed_at_iso,rating,state_before,duration_ms,source,undone');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${card},[a-z0-9-]+,war-for-peace,2026-03-01T10:00:00.000Z,3,0,1234,review,0$`));
  });
});

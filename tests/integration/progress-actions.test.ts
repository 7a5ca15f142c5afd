/**
 * The study settings action, the leech actions and the CSV route, called as Next.js would call
 * them, with the session replaced by whoever the test says is signed in.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/app/_lib/session';

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => signedIn.user }));
vi.mock('@/auth', () => ({ signIn: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { db } = await import('@/db');
const { saveStudySettingsAction } = await import('@/app/(study)/settings/actions');
const { clearLeechFlagAction, unsuspendCardAction } = await import('@/app/(study)/progress/leeches/actions');
const { GET } = await import('@/app/(study)/progress/export/route');
const { flaggedCardsFor } = await import('@/db/queries/leeches');
const { studySettingsFor } = await import('@/db/queries/settings');
const { cardIds, loadRealDeck, makeUser } = await import('../support/fixtures');

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

function stateOf(userId: number, cardId: number) {
  return db.$client.prepare('SELECT suspended, leech FROM card_states WHERE user_id = ? AND card_id = ?').get(userId, cardId);
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
    const s = studySettingsFor(user.id);
    expect(s).toMatchObject({ newPerDay: 5, reviewsPerDay: 150, timeZone: 'Asia/Kolkata', rolloverHour: 3, passFail: true, leechThreshold: 0, quizFeedback: 'end' });
    expect(s.scheduler).toMatchObject({ desiredRetention: 0.85, maximumInterval: 365 });
  });

  it('rejects a bad field with a field error and changes nothing, not even the valid fields', async () => {
    const before = studySettingsFor(user.id);
    const result = await saveStudySettingsAction(null, form({ ...goodSettings, desiredRetention: '0.99' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.desiredRetention).toEqual(['Choose a desired retention from 0.70 to 0.97.']);
    expect(studySettingsFor(user.id)).toEqual(before);
  });

  it('keeps personal FSRS weights when the form is saved', async () => {
    db.$client.prepare('UPDATE user_settings SET fsrs_weights = ? WHERE user_id = ?').run(JSON.stringify([1, 2, 3]), user.id);
    await saveStudySettingsAction(null, form(goodSettings));
    expect(studySettingsFor(user.id).scheduler.weights).toEqual([1, 2, 3]);
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
    const insert = db.$client.prepare(
      `INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, updated_at)
       VALUES (?, ?, 0, 1, 5, 1, 0, 10, ?, 2, 0, ?, ?, 0)`,
    );
    insert.run(owner.id, cards[0], 8, 1, 1); // leech, suspended
    insert.run(owner.id, cards[1], 2, 1, 0); // suspended by hand
    insert.run(owner.id, cards[2], 1, 0, 0); // fine: not listed
    insert.run(other.id, cards[0], 9, 1, 1);
  });

  it('lists only this learner’s leeches and suspended cards', () => {
    expect(flaggedCardsFor(owner.id).map((f) => [f.cardId, f.suspended, f.leech])).toEqual([
      [cards[0], true, true],
      [cards[1], true, false],
    ]);
  });

  it('unsuspends but keeps the leech flag, then clears the flag', async () => {
    signedIn.user = owner;
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[0]) }))).toMatchObject({ ok: true });
    expect(stateOf(owner.id, cards[0] as number)).toEqual({ suspended: 0, leech: 1 });
    expect(flaggedCardsFor(owner.id).map((f) => f.cardId)).toContain(cards[0]);
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[0]) }))).toMatchObject({ ok: false });
    expect(await clearLeechFlagAction(null, form({ cardId: String(cards[0]) }))).toMatchObject({ ok: true });
    expect(flaggedCardsFor(owner.id).map((f) => f.cardId)).not.toContain(cards[0]);
  });

  it('cannot touch another learner’s card, and rejects a bad id', async () => {
    const before = stateOf(other.id, cards[0] as number);
    signedIn.user = owner;
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[2]) }))).toMatchObject({ ok: false }); // own card, not suspended
    signedIn.user = other;
    expect(await unsuspendCardAction(null, form({ cardId: String(cards[1]) }))).toMatchObject({ ok: false }); // only the owner has a row for it
    expect(stateOf(owner.id, cards[1] as number)).toEqual({ suspended: 1, leech: 0 });
    expect(await unsuspendCardAction(null, form({ cardId: 'abc' }))).toMatchObject({ ok: false, fieldErrors: { cardId: expect.any(Array) } });
    expect(stateOf(other.id, cards[0] as number)).toEqual(before);
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
    const insert = db.$client.prepare(
      `INSERT INTO review_logs (user_id, card_id, client_id, rating, reviewed_at, duration_ms, state_before, due_after, stability_after, difficulty_after, scheduled_days, source, created_at)
       VALUES (?, ?, ?, 3, ?, 1234, 0, 0, 1, 5, 0, 'review', 0)`,
    );
    insert.run(user.id, card, 'mine', Date.parse('2026-03-01T10:00:00Z'));
    insert.run(other.id, card, 'theirs', Date.parse('2026-03-01T11:00:00Z'));
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

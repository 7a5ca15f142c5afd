import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { recordReview, undoReview } from '@/db/queries/reviews';
import { setCardSuspended } from '@/db/queries/suspend';
import { studySettingsFor } from '@/db/queries/settings';
import { replayLog, type Grade } from '@/lib/scheduler';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const T0 = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function logCount(userId: number, cardId?: number) {
  const sql = cardId === undefined ? 'SELECT count(*) n FROM review_logs WHERE user_id = ?' : 'SELECT count(*) n FROM review_logs WHERE user_id = ? AND card_id = ?';
  return (db.$client.prepare(sql).get(...(cardId === undefined ? [userId] : [userId, cardId])) as { n: number }).n;
}

function stateRow(userId: number, cardId: number) {
  return db.$client.prepare('SELECT * FROM card_states WHERE user_id = ? AND card_id = ?').get(userId, cardId) as Record<string, number> | undefined;
}

function logOf(userId: number, cardId: number) {
  return (db.$client.prepare('SELECT rating, reviewed_at FROM review_logs WHERE user_id = ? AND card_id = ? AND undone_at IS NULL ORDER BY reviewed_at, id').all(userId, cardId) as { rating: number; reviewed_at: number }[]).map((r) => ({ grade: r.rating as Grade, reviewedAt: new Date(r.reviewed_at) }));
}

describe('recording reviews on a real SQLite file', () => {
  let cards: number[];
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
  });

  it('writes the log row and the new state together', async () => {
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const card = cards[0] as number;
    const out = recordReview(user.id, { cardId: card, grade: 3, clientId: 'a1', reviewedAt: T0, durationMs: 4200, source: 'review' }, settings, T0);
    expect(out.ok).toBe(true);
    expect(logCount(user.id, card)).toBe(1);
    const row = stateRow(user.id, card);
    // Good on a new card with steps 1m, 10m: due in 10 minutes, still learning.
    expect(row?.due).toBe(minutes(10).getTime());
    expect(row?.state).toBe(1);
    const log = db.$client.prepare('SELECT * FROM review_logs WHERE user_id = ?').get(user.id) as Record<string, unknown>;
    expect(log).toMatchObject({ rating: 3, duration_ms: 4200, state_before: 0, source: 'review', client_id: 'a1' });
  });

  it('records a grade sent five times once', async () => {
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const card = cards[1] as number;
    const outcomes = Array.from({ length: 5 }, () =>
      recordReview(user.id, { cardId: card, grade: 3, clientId: 'same-id', reviewedAt: T0, durationMs: 1000, source: 'review' }, settings, T0),
    );
    expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(4);
    expect(logCount(user.id, card)).toBe(1);
    expect(stateRow(user.id, card)?.reps).toBe(1);
  });

  it('merges a late grade from another device by replaying the log in time order', async () => {
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const card = cards[2] as number;
    // Device A grades at t0 and t+20m; device B's grade made at t+10m arrives last.
    recordReview(user.id, { cardId: card, grade: 3, clientId: 'A1', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    recordReview(user.id, { cardId: card, grade: 3, clientId: 'A2', reviewedAt: minutes(20), durationMs: 1, source: 'review' }, settings, minutes(20));
    recordReview(user.id, { cardId: card, grade: 1, clientId: 'B1', reviewedAt: minutes(10), durationMs: 1, source: 'review' }, settings, minutes(30));
    const replayed = replayLog(logOf(user.id, card), settings.scheduler);
    const row = stateRow(user.id, card);
    expect(logCount(user.id, card)).toBe(3);
    expect(row?.due).toBe(replayed?.due.getTime());
    expect(row?.stability).toBeCloseTo(replayed?.stability ?? -1, 10);
    expect(row?.reps).toBe(3);
    expect(row?.last_review).toBe(minutes(20).getTime());
    // The late log row records the state the card was in at its own time (learning after A1).
    const late = db.$client.prepare("SELECT state_before FROM review_logs WHERE client_id = 'B1' AND user_id = ?").get(user.id) as { state_before: number };
    expect(late.state_before).toBe(1);
  });

  it('undo restores the exact previous state, including due', async () => {
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const card = cards[3] as number;
    recordReview(user.id, { cardId: card, grade: 3, clientId: 'u1', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    recordReview(user.id, { cardId: card, grade: 3, clientId: 'u2', reviewedAt: minutes(15), durationMs: 1, source: 'review' }, settings, minutes(15));
    const before = stateRow(user.id, card);
    recordReview(user.id, { cardId: card, grade: 1, clientId: 'u3', reviewedAt: minutes(3000), durationMs: 1, source: 'review' }, settings, minutes(3000));
    expect(stateRow(user.id, card)).not.toEqual(before);
    expect(undoReview(user.id, 'u3', minutes(3001)).ok).toBe(true);
    const after = stateRow(user.id, card);
    expect({ ...after, updated_at: 0 }).toEqual({ ...before, updated_at: 0 });
    // An older review can't be undone once a later one stands; undoing the first review of a card deletes its state.
    expect(undoReview(user.id, 'u1', minutes(3002)).ok).toBe(false);
    expect(undoReview(user.id, 'u2', minutes(3002)).ok).toBe(true);
    expect(undoReview(user.id, 'u1', minutes(3003)).ok).toBe(true);
    expect(stateRow(user.id, card)).toBeUndefined();
    expect(logCount(user.id, card)).toBe(3); // history stays, marked undone
  });

  it('flags and suspends a leech at the eighth lapse', async () => {
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const card = cards[4] as number;
    let t = T0.getTime();
    let n = 0;
    const grade = (g: Grade) => {
      n += 1;
      return recordReview(user.id, { cardId: card, grade: g, clientId: `l${n}`, reviewedAt: new Date(t), durationMs: 1, source: 'review' }, settings, new Date(t));
    };
    grade(4); // straight to review
    for (let lapse = 1; lapse <= 8; lapse++) {
      t = (stateRow(user.id, card)?.due ?? t) + 60_000;
      const out = grade(1);
      t = (stateRow(user.id, card)?.due ?? t) + 60_000;
      grade(3);
      if (lapse < 8) expect(out.status === 'recorded' && out.leech).toBe(false);
      else expect(out.status === 'recorded' && out.leech && out.suspended).toBe(true);
    }
    expect(stateRow(user.id, card)).toMatchObject({ lapses: 8, leech: 1, suspended: 1 });
  });

  it('undo keeps a suspension made by hand after the undone review', async () => {
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const [fresh, seen] = [cards[5] as number, cards[6] as number];
    const grade = (cardId: number, clientId: string, at: Date) => recordReview(user.id, { cardId, grade: 3, clientId, reviewedAt: at, durationMs: 1, source: 'review' }, settings, at);
    // First review of a card, then suspended: undoing the review leaves a new card, still suspended.
    grade(fresh, 's1', minutes(0));
    setCardSuspended(user.id, fresh, true, minutes(1));
    expect(undoReview(user.id, 's1', minutes(2)).ok).toBe(true);
    expect(stateRow(user.id, fresh)).toMatchObject({ state: 0, reps: 0, last_review: null, suspended: 1, leech: 0 });
    // A later review undone after a suspension: the memory state goes back, the suspension stays.
    grade(seen, 's2', minutes(0));
    const afterFirst = stateRow(user.id, seen);
    grade(seen, 's3', minutes(20));
    setCardSuspended(user.id, seen, true, minutes(21));
    expect(undoReview(user.id, 's3', minutes(22)).ok).toBe(true);
    expect(stateRow(user.id, seen)).toMatchObject({ due: afterFirst?.due, stability: afterFirst?.stability, reps: afterFirst?.reps, suspended: 1 });
    // Without any change by hand, undoing a first review still removes the card's state.
    grade(cards[7] as number, 's4', minutes(30));
    expect(undoReview(user.id, 's4', minutes(31)).ok).toBe(true);
    expect(stateRow(user.id, cards[7] as number)).toBeUndefined();
  });

  it('undoing the review that made a card a leech clears the flag and its suspension', async () => {
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const card = cards[8] as number;
    let t = T0.getTime();
    let n = 0;
    const grade = (g: Grade) => {
      n += 1;
      recordReview(user.id, { cardId: card, grade: g, clientId: `k${n}`, reviewedAt: new Date(t), durationMs: 1, source: 'review' }, settings, new Date(t));
      return `k${n}`;
    };
    grade(4);
    let last = '';
    for (let lapse = 1; lapse <= 8; lapse++) {
      t = (stateRow(user.id, card)?.due ?? t) + 60_000;
      last = grade(1);
      if (lapse < 8) {
        t = (stateRow(user.id, card)?.due ?? t) + 60_000;
        grade(3);
      }
    }
    expect(stateRow(user.id, card)).toMatchObject({ lapses: 8, leech: 1, suspended: 1 });
    expect(undoReview(user.id, last, new Date(t + 1000)).ok).toBe(true);
    expect(stateRow(user.id, card)).toMatchObject({ lapses: 7, leech: 0, suspended: 0 });
  });

  it('refuses a card from another user’s private deck and a time in the future', async () => {
    const owner = await makeUser('instructor');
    const other = await makeUser();
    db.$client.prepare("INSERT INTO decks (id, title, owner_id) VALUES ('private-deck', 'Private', ?)").run(owner.id);
    const section = db.$client.prepare("INSERT INTO sections (deck_id, key, title, position) VALUES ('private-deck', 's', 'S', 0)").run();
    const card = db.$client
      .prepare("INSERT INTO cards (deck_id, section_id, key, item_id, type, position, prompt, answer, payload, content_hash, updated_at) VALUES ('private-deck', ?, 'k', 'k', 'basic', 0, 'p', 'a', '{}', 'h', 0)")
      .run(section.lastInsertRowid);
    const settings = studySettingsFor(other.id);
    const foreign = recordReview(other.id, { cardId: Number(card.lastInsertRowid), grade: 3, clientId: 'f1', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    expect(foreign).toMatchObject({ ok: false, reason: 'unknown_card' });
    const future = recordReview(other.id, { cardId: cards[0] as number, grade: 3, clientId: 'f2', reviewedAt: minutes(60), durationMs: 1, source: 'review' }, settings, T0);
    expect(future).toMatchObject({ ok: false, reason: 'future_time' });
    expect(logCount(other.id)).toBe(0);
  });
});

describe('two tabs grading the same card at the same moment', () => {
  it('records both and leaves the state equal to a replay of the log', async () => {
    await loadRealDeck();
    const user = await makeUser();
    const settings = studySettingsFor(user.id);
    const card = (await cardIds())[5] as number;
    recordReview(user.id, { cardId: card, grade: 3, clientId: 'tab-a', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    recordReview(user.id, { cardId: card, grade: 1, clientId: 'tab-b', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    const replayed = replayLog(logOf(user.id, card), settings.scheduler);
    const row = stateRow(user.id, card);
    expect(logCount(user.id, card)).toBe(2);
    expect(row?.reps).toBe(2);
    expect(row?.due).toBe(replayed?.due.getTime());
    expect(row?.state).toBe(replayed?.state);
  });
});

/**
 * Today's per-deck counts come from one SQL aggregate (queueCountsByDeck) instead of building every
 * deck's queue; they must equal the counts of the queue the review screen builds (deckQueueFor).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { deckQueueFor, queueCountsByDeck } from '@/db/queries/study';
import { setCardSuspended } from '@/db/queries/suspend';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const NOW = new Date('2026-03-02T15:00:00Z');
const HOUR = 3_600_000;

function putState(userId: number, cardId: number, state: number, dueOffsetMs: number, suspended = false) {
  db.$client
    .prepare(
      `INSERT OR REPLACE INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, updated_at)
       VALUES (?, ?, ?, 5, 5, 3, 0, 3, 0, ?, ?, ?, 0, ?)`,
    )
    .run(userId, cardId, NOW.getTime() + dueOffsetMs, state, NOW.getTime() - 3 * 24 * HOUR, suspended ? 1 : 0, NOW.getTime());
}

function makeAssignedPrivateDeck(studentId: number, visible: boolean) {
  const id = `private-${studentId}-${visible ? 'assigned' : 'hidden'}`;
  const owner = db.$client.prepare("INSERT INTO users (email, name, password_hash, role) VALUES (?, 'Owner', 'x', 'instructor')").run(`${id}@t.example`);
  db.$client.prepare("INSERT INTO decks (id, title, owner_id) VALUES (?, 'Private', ?)").run(id, owner.lastInsertRowid);
  const section = db.$client.prepare("INSERT INTO sections (deck_id, key, title, position) VALUES (?, 's', 'S', 0)").run(id);
  const ids: number[] = [];
  for (let i = 0; i < 4; i++) {
    const card = db.$client
      .prepare("INSERT INTO cards (deck_id, section_id, key, item_id, type, position, prompt, answer, payload, content_hash, updated_at) VALUES (?, ?, ?, ?, 'basic', ?, 'p', 'a', '{}', 'h', 0)")
      .run(id, section.lastInsertRowid, `k${i}`, `k${i}`, i);
    ids.push(Number(card.lastInsertRowid));
  }
  if (visible) {
    const klass = db.$client.prepare("INSERT INTO classes (instructor_id, name, join_code) VALUES (?, 'C', ?)").run(owner.lastInsertRowid, `J-${id}`);
    db.$client.prepare('INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (?, ?, 0)').run(klass.lastInsertRowid, studentId);
    db.$client.prepare('INSERT INTO assignments (class_id, deck_id, due_at) VALUES (?, ?, 0)').run(klass.lastInsertRowid, id);
  }
  return { id, ids };
}

function expectSameAsQueues(userId: number) {
  const counts = queueCountsByDeck(userId, NOW);
  expect(counts.size).toBeGreaterThan(0);
  for (const [deckId, { learning, review, new: fresh }] of counts) {
    expect({ deckId, learning, review, new: fresh }).toEqual({ deckId, ...deckQueueFor(userId, deckId, NOW)?.queue.counts });
  }
  return counts;
}

describe('queueCountsByDeck', () => {
  let cards: number[];
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
  });

  it('counts learning, due reviews and new cards exactly as the queue does', async () => {
    const user = await makeUser();
    // No daily caps here, so every new card shows in the count.
    db.$client.prepare('UPDATE user_settings SET new_per_day = 9999, reviews_per_day = 9999 WHERE user_id = ?').run(user.id);
    const c = (i: number) => cards[i] as number;
    putState(user.id, c(0), 2, -2 * 24 * HOUR); // review, overdue
    putState(user.id, c(1), 2, 2 * HOUR); // review due later today
    putState(user.id, c(2), 2, 5 * 24 * HOUR); // review not due
    putState(user.id, c(3), 1, -5 * 60_000); // learning, due
    putState(user.id, c(4), 3, 3 * HOUR); // relearning later today: listed
    putState(user.id, c(5), 1, 20 * HOUR); // learning after the day ends: not today
    putState(user.id, c(6), 2, -HOUR, true); // suspended review
    setCardSuspended(user.id, c(7), true, NOW); // suspended new card (state 0 row)
    setCardSuspended(user.id, c(8), true, NOW);
    setCardSuspended(user.id, c(8), false, NOW); // unsuspended: new again
    putState(user.id, c(9), 2, -HOUR);
    db.$client.prepare('UPDATE cards SET retired_at = 1 WHERE id IN (?, ?)').run(c(9), c(10)); // retired: studied one stays due, unstudied one is not new
    const mine = makeAssignedPrivateDeck(user.id, true);
    putState(user.id, mine.ids[0] as number, 2, -HOUR);
    const hidden = makeAssignedPrivateDeck(user.id, false);
    try {
      const counts = expectSameAsQueues(user.id);
      // Cards 0–10 all have a state or are retired except the unsuspended card 8 (new again).
      // Studied: cards 0–6 (suspended new cards 7 and 8 were never seen; 9 is retired); total: all but the two retired.
      expect(counts.get('war-for-peace')).toEqual({ learning: 2, review: 3, new: cards.length - 11 + 1, total: cards.length - 2, studied: 7 });
      expect(counts.get(mine.id)).toEqual({ learning: 0, review: 1, new: 3, total: 4, studied: 1 });
      expect(counts.has(hidden.id)).toBe(false);
    } finally {
      db.$client.prepare('UPDATE cards SET retired_at = NULL WHERE id IN (?, ?)').run(c(9), c(10));
    }
  });

  it('applies the daily limits after what was done today', async () => {
    const user = await makeUser();
    db.$client.prepare('UPDATE user_settings SET new_per_day = 3, reviews_per_day = 2 WHERE user_id = ?').run(user.id);
    for (let i = 20; i < 25; i++) putState(user.id, cards[i] as number, 2, -HOUR);
    const settings = studySettingsFor(user.id);
    // Two new cards studied this morning: one new card left today.
    for (let i = 0; i < 2; i++) {
      const at = new Date(NOW.getTime() - HOUR);
      recordReview(user.id, { cardId: cards[40 + i] as number, grade: 4, clientId: `done-today-${i}`, reviewedAt: at, durationMs: 1, source: 'review' }, settings, at);
    }
    const counts = expectSameAsQueues(user.id);
    expect(counts.get('war-for-peace')).toEqual({ learning: 0, review: 2, new: 1, total: cards.length, studied: 7 });
  });
});

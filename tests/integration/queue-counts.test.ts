/**
 * Today's per-deck counts come from one SQL aggregate (queueCountsByDeck) instead of building every
 * deck's queue; they must equal the counts of the queue the review screen builds (deckQueueFor).
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { assignments, cards as cardsTable, cardStates as cs, classes, decks, enrollments, sections, userSettings as us } from '@/db/schema';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { deckQueueFor, queueCountsByDeck } from '@/db/queries/study';
import { setCardSuspended } from '@/db/queries/suspend';
import { cardIds, exec, loadRealDeck, makeUser } from '../support/fixtures';

const NOW = new Date('2026-03-02T15:00:00Z');
const HOUR = 3_600_000;

async function putState(userId: number, cardId: number, state: number, dueOffsetMs: number, suspended = false) {
  const f = (await engine()).fragments;
  const columns = [cs.userId, cs.cardId, cs.due, cs.stability, cs.difficulty, cs.scheduledDays, cs.learningSteps, cs.reps, cs.lapses, cs.state, cs.lastReview, cs.suspended, cs.leech, cs.updatedAt];
  await exec(
    sql`INSERT INTO ${cs} (${sql.join(columns.map(bare), sql`, `)})
        VALUES (${userId}, ${cardId}, ${NOW.getTime() + dueOffsetMs}, 5, 5, 3, 0, 3, 0, ${state}, ${NOW.getTime() - 3 * 24 * HOUR}, ${f.bool(suspended)}, ${f.bool(false)}, ${NOW.getTime()})
        ON CONFLICT (${bare(cs.userId)}, ${bare(cs.cardId)}) DO UPDATE SET ${sql.join(
          columns.slice(2).map((c) => sql`${bare(c)} = excluded.${bare(c)}`),
          sql`, `,
        )}`,
  );
}

const idRow = z.object({ id: int });

async function makeAssignedPrivateDeck(studentId: number, visible: boolean) {
  const e = await engine();
  const id = `private-${studentId}-${visible ? 'assigned' : 'hidden'}`;
  const owner = await makeUser('instructor');
  await e.run(sql`INSERT INTO ${decks} (${bare(decks.id)}, ${bare(decks.title)}, ${bare(decks.ownerId)}) VALUES (${id}, 'Private', ${owner.id})`);
  const section = await e.get(
    sql`INSERT INTO ${sections} (${bare(sections.deckId)}, ${bare(sections.key)}, ${bare(sections.title)}, ${bare(sections.position)})
        VALUES (${id}, 's', 'S', 0) RETURNING ${sections.id} AS "id"`,
    idRow,
  );
  const ids: number[] = [];
  const c = cardsTable;
  for (let i = 0; i < 4; i++) {
    const card = await e.get(
      sql`INSERT INTO ${c} (${bare(c.deckId)}, ${bare(c.sectionId)}, ${bare(c.key)}, ${bare(c.itemId)}, ${bare(c.type)}, ${bare(c.position)}, ${bare(c.prompt)},
            ${bare(c.answer)}, ${bare(c.payload)}, ${bare(c.contentHash)}, ${bare(c.updatedAt)})
          VALUES (${id}, ${section?.id}, ${`k${i}`}, ${`k${i}`}, 'basic', ${i}, 'p', 'a', ${e.fragments.json({})}, 'h', 0) RETURNING ${c.id} AS "id"`,
      idRow,
    );
    if (!card) throw new Error('inserting a card returned no id');
    ids.push(card.id);
  }
  if (visible) {
    const klass = await e.get(
      sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)}) VALUES (${owner.id}, 'C', ${`J-${id}`})
          RETURNING ${classes.id} AS "id"`,
      idRow,
    );
    await e.run(sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)}) VALUES (${klass?.id}, ${studentId}, 0)`);
    await e.run(sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.deckId)}, ${bare(assignments.dueAt)}) VALUES (${klass?.id}, ${id}, 0)`);
  }
  return { id, ids };
}

const limits = (userId: number, newPerDay: number, reviewsPerDay: number) =>
  exec(sql`UPDATE ${us} SET ${bare(us.newPerDay)} = ${newPerDay}, ${bare(us.reviewsPerDay)} = ${reviewsPerDay} WHERE ${us.userId} = ${userId}`);
const retire = (ids: number[], retiredAt: number | null) =>
  exec(sql`UPDATE ${cardsTable} SET ${bare(cardsTable.retiredAt)} = ${retiredAt} WHERE ${cardsTable.id} IN (${sql.join(ids, sql`, `)})`);

async function expectSameAsQueues(userId: number) {
  const counts = await queueCountsByDeck(userId, NOW);
  expect(counts.size).toBeGreaterThan(0);
  for (const [deckId, { learning, review, new: fresh }] of counts) {
    expect({ deckId, learning, review, new: fresh }).toEqual({ deckId, ...(await deckQueueFor(userId, deckId, NOW))?.queue.counts });
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
    await limits(user.id, 9999, 9999);
    const c = (i: number) => cards[i] as number;
    await putState(user.id, c(0), 2, -2 * 24 * HOUR); // review, overdue
    await putState(user.id, c(1), 2, 2 * HOUR); // review due later today
    await putState(user.id, c(2), 2, 5 * 24 * HOUR); // review not due
    await putState(user.id, c(3), 1, -5 * 60_000); // learning, due
    await putState(user.id, c(4), 3, 3 * HOUR); // relearning later today: listed
    await putState(user.id, c(5), 1, 20 * HOUR); // learning after the day ends: not today
    await putState(user.id, c(6), 2, -HOUR, true); // suspended review
    await setCardSuspended(user.id, c(7), true, NOW); // suspended new card (state 0 row)
    await setCardSuspended(user.id, c(8), true, NOW);
    await setCardSuspended(user.id, c(8), false, NOW); // unsuspended: new again
    await putState(user.id, c(9), 2, -HOUR);
    await retire([c(9), c(10)], 1); // retired: studied one stays due, unstudied one is not new
    const mine = await makeAssignedPrivateDeck(user.id, true);
    await putState(user.id, mine.ids[0] as number, 2, -HOUR);
    const hidden = await makeAssignedPrivateDeck(user.id, false);
    try {
      const counts = await expectSameAsQueues(user.id);
      // Cards 0–10 all have a state or are retired except the unsuspended card 8 (new again).
      // Studied: cards 0–6 (suspended new cards 7 and 8 were never seen; 9 is retired); total: all but the two retired.
      expect(counts.get('war-for-peace')).toEqual({ learning: 2, review: 3, new: cards.length - 11 + 1, total: cards.length - 2, studied: 7 });
      expect(counts.get(mine.id)).toEqual({ learning: 0, review: 1, new: 3, total: 4, studied: 1 });
      expect(counts.has(hidden.id)).toBe(false);
    } finally {
      await retire([c(9), c(10)], null);
    }
  });

  it('applies the daily limits after what was done today', async () => {
    const user = await makeUser();
    await limits(user.id, 3, 2);
    for (let i = 20; i < 25; i++) await putState(user.id, cards[i] as number, 2, -HOUR);
    const settings = await studySettingsFor(user.id);
    // Two new cards studied this morning: one new card left today.
    for (let i = 0; i < 2; i++) {
      const at = new Date(NOW.getTime() - HOUR);
      await recordReview(user.id, { cardId: cards[40 + i] as number, grade: 4, clientId: `done-today-${i}`, reviewedAt: at, durationMs: 1, source: 'review' }, settings, at);
    }
    const counts = await expectSameAsQueues(user.id);
    expect(counts.get('war-for-peace')).toEqual({ learning: 0, review: 2, new: 1, total: cards.length, studied: 7 });
  });
});

/**
 * A learner's leeches and suspended cards, and the two ways out of that list.
 * Unsuspending keeps the leech flag on purpose: the card stays listed as a leech (a card worth
 * rewriting or reading up on) until the learner clears the flag, and recordReview suspends it
 * again at the next leech mark (threshold, then every half-threshold lapses, as in Anki).
 * Every statement is scoped to the asking user's own card_states rows.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { cardStates, cards, sections } from '@/db/schema';

const flaggedRow = z.object({
  cardId: int,
  prompt: z.string(),
  deckId: z.string(),
  sectionKey: z.string(),
  sectionTitle: z.string(),
  lapses: int,
  leech: flag,
  suspended: flag,
});

export type FlaggedCard = z.infer<typeof flaggedRow>;

/** This user's cards flagged as leeches or suspended: suspended first, then by lapses. */
export async function flaggedCardsFor(userId: number): Promise<FlaggedCard[]> {
  const db = await engine();
  const s = cardStates;
  const yes = db.fragments.bool(true);
  return db.all(
    sql`SELECT ${s.cardId} AS "cardId", ${cards.prompt} AS "prompt", ${cards.deckId} AS "deckId", ${sections.key} AS "sectionKey",
          ${sections.title} AS "sectionTitle", ${s.lapses} AS "lapses", ${s.leech} AS "leech", ${s.suspended} AS "suspended"
        FROM ${s} JOIN ${cards} ON ${cards.id} = ${s.cardId} JOIN ${sections} ON ${sections.id} = ${cards.sectionId}
        WHERE ${s.userId} = ${userId} AND (${s.leech} = ${yes} OR ${s.suspended} = ${yes})
        ORDER BY ${s.suspended} DESC, ${s.lapses} DESC, ${cards.deckId}, ${cards.position}`,
    flaggedRow,
  );
}

/** Clears `column` (suspended or leech) on this user's card if it is set; true when it was. */
async function clearFlag(column: typeof cardStates.suspended | typeof cardStates.leech, userId: number, cardId: number, now: Date): Promise<boolean> {
  const db = await engine();
  const s = cardStates;
  const { changes } = await db.run(
    sql`UPDATE ${s} SET ${bare(column)} = ${db.fragments.bool(false)}, ${bare(s.updatedAt)} = ${now.getTime()}
        WHERE ${s.userId} = ${userId} AND ${s.cardId} = ${cardId} AND ${column} = ${db.fragments.bool(true)}`,
  );
  return changes === 1;
}

/** Lets a suspended card come back in reviews. False if this user has no such suspended card. */
export async function unsuspendCard(userId: number, cardId: number, now: Date): Promise<boolean> {
  return clearFlag(cardStates.suspended, userId, cardId, now);
}

/** Removes the leech flag (the card leaves the list once it is not suspended either). */
export async function clearLeechFlag(userId: number, cardId: number, now: Date): Promise<boolean> {
  return clearFlag(cardStates.leech, userId, cardId, now);
}

/**
 * Which decks a user may study: the shared decks loaded from content/, decks they wrote,
 * and decks assigned to a class they are enrolled in. One SQL fragment, used by every query
 * that touches study data, so the rule lives in one place.
 */
import 'server-only';
import { db } from '@/db';

/** SQL condition on a decks row aliased `d`, for the user bound as @userId. */
export const DECK_VISIBLE_SQL = `(d.owner_id IS NULL OR d.owner_id = @userId OR EXISTS (
  SELECT 1 FROM assignments a JOIN enrollments e ON e.class_id = a.class_id JOIN classes k ON k.id = a.class_id
  WHERE a.deck_id = d.id AND e.user_id = @userId AND k.archived_at IS NULL))`;

const deckVisible = db.$client.prepare<{ userId: number; deckId: string }, { ok: number }>(
  `SELECT 1 AS ok FROM decks d WHERE d.id = @deckId AND ${DECK_VISIBLE_SQL}`,
);

export function canStudyDeck(userId: number, deckId: string): boolean {
  return deckVisible.get({ userId, deckId }) !== undefined;
}

const cardVisible = db.$client.prepare<{ userId: number; cardId: number }, { ok: number; retired: number; studied: number }>(
  `SELECT 1 AS ok, c.retired_at IS NOT NULL AS retired,
          EXISTS (SELECT 1 FROM card_states s WHERE s.user_id = @userId AND s.card_id = c.id) AS studied
   FROM cards c JOIN decks d ON d.id = c.deck_id
   WHERE c.id = @cardId AND ${DECK_VISIBLE_SQL}`,
);

/** A card may be studied if its deck is visible; a retired card only if the user already has progress on it. */
export function canStudyCard(userId: number, cardId: number): boolean {
  const row = cardVisible.get({ userId, cardId });
  return row !== undefined && (!row.retired || row.studied === 1);
}

/**
 * Who teaches a class: its owner (classes.instructor_id) or a co-instructor (class_instructors).
 * A SQL condition on a class id expression, for the instructor bound as @instructorId (or @param). Every
 * instructor query goes through it, so adding or removing a co-instructor takes effect on the
 * next request. Owner-only writes (archive, co-instructor removal) use CLASS_OWNER_SQL instead.
 * @example `SELECT … FROM assignments a WHERE ${teachesClassSql('a.class_id')}`
 */
export function teachesClassSql(classIdExpr: string, param = 'instructorId'): string {
  return `${classIdExpr} IN (SELECT id FROM classes WHERE instructor_id = @${param}
    UNION ALL SELECT class_id FROM class_instructors WHERE user_id = @${param})`;
}

/** SQL condition: the class row aliased `cl` is owned by @instructorId (archiving, co-instructor removal). */
export const CLASS_OWNER_SQL = 'cl.instructor_id = @instructorId';

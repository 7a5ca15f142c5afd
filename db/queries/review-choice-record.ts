/**
 * The option chosen in a review session for a multiple-choice or true/false card, the review half
 * of the instructor's response analysis (db/queries/response-analysis.ts). Like the typed answer
 * (typed-answer-record.ts) it travels in the grade itself (the outbox, then POST /api/reviews), so
 * it is kept offline like the grade, and it is written in the grade's own transaction, once per
 * grade: a grade sent again is a duplicate that writes nothing. Undoing the grade removes it.
 */
import 'server-only';
import { db } from '@/db';
import { cardPayload } from '@/db/json-column';
import { choiceOptions } from '@/lib/quiz/choice-options';
import type { ChoicePart } from '@/lib/validation/reviews';

const choicePayload = db.$client.prepare<{ cardId: number }, { payload: string }>("SELECT payload FROM cards WHERE id = @cardId AND type IN ('mcq', 'truefalse')");
const insert = db.$client.prepare<{ userId: number; cardId: number; clientId: string; choice: number; correct: number; at: number }>(`
  INSERT INTO review_choices (user_id, card_id, client_id, choice, correct, answered_at)
  VALUES (@userId, @cardId, @clientId, @choice, @correct, @at)
  ON CONFLICT (user_id, client_id) DO NOTHING`);
const remove = db.$client.prepare<{ userId: number; clientId: string }>('DELETE FROM review_choices WHERE user_id = @userId AND client_id = @clientId');

/**
 * Records the choice part of a grade, inside the caller's transaction (the caller has checked the
 * card is one this user studies). Checked against the card as it is now: a choice sent with a card
 * that is not a choice card, or past its options (edited since), is not recorded; the grade stands.
 * The verdict is the server's, kept with the row, so a key changed later does not rewrite history.
 */
export function recordChoicePart(userId: number, cardId: number, clientId: string, choice: ChoicePart, answeredAt: Date): boolean {
  const row = choicePayload.get({ cardId });
  const options = row ? choiceOptions(cardPayload(row.payload)) : null;
  if (!options || choice.index >= options.texts.length) return false;
  insert.run({ userId, cardId, clientId, choice: choice.index, correct: choice.index === options.correctIndex ? 1 : 0, at: answeredAt.getTime() });
  return true;
}

/** Forgets the choice part of an undone grade (inside the undo's transaction). */
export function forgetChoicePart(userId: number, clientId: string): void {
  remove.run({ userId, clientId });
}

/**
 * The typed answer that came with a grade: what the student typed when the checker marked it wrong,
 * and whether they overruled it ("I was right"). It travels in the grade itself (the outbox, then
 * POST /api/reviews), so it is kept offline like the grade, and it is written in the grade's own
 * transaction, once per grade: the row carries the grade's client id, and a grade sent again is a
 * duplicate that writes nothing. Undoing the grade removes it with the grade.
 */
import 'server-only';
import { db } from '@/db';
import { gradeTyped } from '@/lib/quiz/grade';
import type { TypedAnswerPart } from '@/lib/validation/reviews';
import { typedCardPayload } from '@/db/json-column';

const typedPayload = db.$client.prepare<{ cardId: number }, { payload: string }>("SELECT payload FROM cards WHERE id = @cardId AND type = 'typed'");
const insert = db.$client.prepare<{ userId: number; cardId: number; clientId: string; answer: string; overruled: number; at: number }>(`
  INSERT INTO typed_answers (user_id, card_id, client_id, answer, overruled, answered_at)
  VALUES (@userId, @cardId, @clientId, @answer, @overruled, @at)
  ON CONFLICT (user_id, client_id) DO NOTHING`);
const remove = db.$client.prepare<{ userId: number; clientId: string }>('DELETE FROM typed_answers WHERE user_id = @userId AND client_id = @clientId');

/**
 * Records the typed part of a grade, inside the caller's transaction (the caller has checked the
 * card is one this user studies). The server checks the answer again: one its checker accepts is
 * not a wrong answer and is not recorded, nor is a typed part sent with a card that is not typed.
 */
export function recordTypedPart(userId: number, cardId: number, clientId: string, typed: TypedAnswerPart, answeredAt: Date): boolean {
  const row = typedPayload.get({ cardId });
  if (!row) return false;
  const payload = typedCardPayload(row.payload);
  if (!payload) return false;
  if (gradeTyped(typed.answer, payload.answers, payload.question).correct) return false;
  insert.run({ userId, cardId, clientId, answer: typed.answer, overruled: typed.overruled ? 1 : 0, at: answeredAt.getTime() });
  return true;
}

/** Forgets the typed part of an undone grade (inside the undo's transaction). */
export function forgetTypedPart(userId: number, clientId: string): void {
  remove.run({ userId, clientId });
}

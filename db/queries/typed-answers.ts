/**
 * Typed answers marked wrong: recorded with review grades (db/queries/grade-parts.ts, with
 * the student's "I was right"), read back for instructors together with the wrong typed answers
 * of quizzes, and turned into an accepted answer in one click on an instructor's own deck.
 */
import 'server-only';
import { db } from '@/db';
import { itemToDraft } from '@/lib/content/item-form';
import { gradeTyped } from '@/lib/quiz/grade';
import { groupWrongAnswers, type WrongAnswerGroup } from '@/lib/teach/typed-answers';
import { ASSIGNED_CARD_SQL } from './assignments';
import { deckForEditor } from './authoring-decks';
import { isDeckOwner } from './authoring-edit';
import { saveItem } from './authoring-items';
import { classForInstructor } from './classes';
import { typedCardPayload } from '@/db/json-column';

const SCOPE_CARDS = `SELECT c.id FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
  WHERE a.id = @assignmentId AND c.type = 'typed' AND ${ASSIGNED_CARD_SQL}`;

const cardsStmt = db.$client.prepare<{ assignmentId: number }, { cardId: number; itemId: string; deckId: string; prompt: string; payload: string }>(`
  SELECT c.id AS cardId, c.item_id AS itemId, c.deck_id AS deckId, c.prompt, c.payload FROM cards c WHERE c.id IN (${SCOPE_CARDS}) ORDER BY c.position
`);

// Wrong typed answers of the class's students: from review (typed_answers) and from quizzes.
const eventsStmt = db.$client.prepare<{ assignmentId: number; classId: number }, { cardId: number; answer: string; overruled: number }>(`
  SELECT t.card_id AS cardId, t.answer, t.overruled FROM typed_answers t
  WHERE t.card_id IN (${SCOPE_CARDS}) AND t.user_id IN (SELECT user_id FROM enrollments WHERE class_id = @classId)
  UNION ALL
  SELECT qa.card_id, json_extract(qa.response, '$'), 0 FROM quiz_answers qa JOIN quiz_attempts q ON q.id = qa.attempt_id
  WHERE qa.correct = 0 AND qa.card_id IN (${SCOPE_CARDS}) AND q.user_id IN (SELECT user_id FROM enrollments WHERE class_id = @classId)
    AND json_type(qa.response) = 'text'
`);

export interface TypedItemReport {
  cardId: number;
  itemId: string;
  deckId: string;
  prompt: string;
  accepted: string[];
  wrong: WrongAnswerGroup[];
  /** The instructor owns the deck, so an answer can be added to it. */
  canAccept: boolean;
}

/** Per typed item of an assignment, the distinct wrong answers the class typed; undefined if the class is not this instructor's. */
export async function typedAnswerReport(instructorId: number, classId: number, assignmentId: number): Promise<TypedItemReport[] | undefined> {
  if (!(await classForInstructor(instructorId, classId))) return undefined;
  const events = eventsStmt.all({ assignmentId, classId }).map((e) => ({ cardId: e.cardId, answer: String(e.answer ?? ''), overruled: e.overruled === 1 }));
  const groups = groupWrongAnswers(events);
  const owned = new Map<string, boolean>();
  return cardsStmt
    .all({ assignmentId })
    .filter((c) => groups.has(c.cardId))
    .map((c) => {
      if (!owned.has(c.deckId)) owned.set(c.deckId, isDeckOwner({ id: instructorId }, c.deckId));
      // The checker may accept an answer now that it did not accept then (an answer added since): leave those out.
      const payload = typedCardPayload(c.payload);
      if (!payload) return null;
      const wrong = (groups.get(c.cardId) ?? []).filter((g) => !gradeTyped(g.answer, payload.answers, payload.question).correct);
      return { cardId: c.cardId, itemId: c.itemId, deckId: c.deckId, prompt: c.prompt, accepted: payload.answers, wrong, canAccept: owned.get(c.deckId) === true };
    })
    .filter((r): r is TypedItemReport => r !== null && r.wrong.length > 0);
}

/** Adds `answer` to the accepted answers of an item of the instructor's own deck; false when the deck is not theirs or the item is gone. */
export function addAcceptedAnswer(instructorId: number, deckId: string, itemId: string, answer: string, now: Date): boolean {
  const editable = deckForEditor({ id: instructorId }, deckId);
  const item = editable?.items.find((i) => i.id === itemId);
  if (!item || item.type !== 'typed') return false;
  if (item.answers.some((a) => a.trim().toLowerCase() === answer.trim().toLowerCase())) return true;
  const draft = itemToDraft(item);
  saveItem({ id: instructorId }, deckId, itemId, { ...draft, answers: `${draft.answers}\n${answer.trim()}` }, now);
  return true;
}

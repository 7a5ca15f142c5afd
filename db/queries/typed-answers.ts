/**
 * Typed answers marked wrong: recorded with review grades (db/queries/grade-parts.ts, every typed
 * answer with its verdict and the student's "I was right"), read back for instructors together with
 * the wrong typed answers of quizzes, and turned into an accepted answer in one click on an
 * instructor's own deck.
 * On the engine (db/engine).
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import type { Fragments } from '@/db/engine/fragments';
import { flag, int, jsonText } from '@/db/engine/rows';
import { assignments, cards, enrollments, quizAnswers, quizAttempts, sections, typedAnswers } from '@/db/schema';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import { itemToDraft } from '@/lib/content/item-form';
import { gradeTyped } from '@/lib/quiz/grade';
import { groupWrongAnswers, type WrongAnswerGroup } from '@/lib/teach/typed-answers';
import { a as asg, assignedCard, c as ac, sec as asec } from './assignment-sql';
import { deckForEditor } from './authoring-decks';
import { isDeckOwner } from './authoring-edit';
import { saveItem } from './authoring-items';
import { classForInstructor } from './classes';

const c = alias(cards, 'c');
const t = alias(typedAnswers, 't');
const qa = alias(quizAnswers, 'qa');
const q = alias(quizAttempts, 'q');

// The live typed cards the assignment covers (its sections, or the whole deck).
// (A subquery over assignment-sql.ts's aliases, whose assignedCard is the one "card of the assignment" rule.)
function scopeCards(f: Fragments, assignmentId: number): SQL {
  return sql`SELECT ${ac.id} FROM ${assignments} ${asg} JOIN ${cards} ${ac} ON ${ac.deckId} = ${asg.deckId} JOIN ${sections} ${asec} ON ${asec.id} = ${ac.sectionId}
    WHERE ${asg.id} = ${assignmentId} AND ${ac.type} = 'typed' AND ${assignedCard(f)}`;
}

const cardRow = z.object({ cardId: int, itemId: z.string(), deckId: z.string(), prompt: z.string(), payload: jsonText(cardPayloadSchema) });
const eventRow = z.object({ cardId: int, answer: z.string().nullable(), overruled: flag });

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
  const db = await engine();
  const f = db.fragments;
  const classStudents = sql`(SELECT ${enrollments.userId} FROM ${enrollments} WHERE ${enrollments.classId} = ${classId})`;
  // Wrong typed answers of the class's students: from review (typed_answers) and from quizzes (a typed response is a JSON string).
  const events = await db.all(
    sql`SELECT ${t.cardId} AS "cardId", ${t.answer} AS "answer", ${t.overruled} AS "overruled" FROM ${typedAnswers} ${t}
        WHERE COALESCE(${t.correct}, ${f.bool(false)}) = ${f.bool(false)} AND ${t.cardId} IN (${scopeCards(f, assignmentId)}) AND ${t.userId} IN ${classStudents}
        UNION ALL
        SELECT ${qa.cardId}, ${f.jsonString(qa.response)}, ${f.bool(false)} FROM ${quizAnswers} ${qa} JOIN ${quizAttempts} ${q} ON ${q.id} = ${qa.attemptId}
        WHERE ${qa.correct} = ${f.bool(false)} AND ${qa.cardId} IN (${scopeCards(f, assignmentId)}) AND ${q.userId} IN ${classStudents}
          AND ${f.jsonString(qa.response)} IS NOT NULL`,
    eventRow,
  );
  const groups = groupWrongAnswers(events.map((e) => ({ cardId: e.cardId, answer: e.answer ?? '', overruled: e.overruled })));
  const typedCards = await db.all(
    sql`SELECT ${c.id} AS "cardId", ${c.itemId} AS "itemId", ${c.deckId} AS "deckId", ${c.prompt} AS "prompt", ${f.jsonText(c.payload)} AS "payload"
        FROM ${cards} ${c} WHERE ${c.id} IN (${scopeCards(f, assignmentId)}) ORDER BY ${c.position}`,
    cardRow,
  );
  const owned = new Map<string, boolean>();
  const reports: TypedItemReport[] = [];
  for (const card of typedCards) {
    if (!groups.has(card.cardId) || card.payload.type !== 'typed') continue;
    if (!owned.has(card.deckId)) owned.set(card.deckId, await isDeckOwner({ id: instructorId }, card.deckId));
    const { answers, question } = card.payload;
    // The checker may accept an answer now that it did not accept then (an answer added since): leave those out.
    const wrong = (groups.get(card.cardId) ?? []).filter((g) => !gradeTyped(g.answer, answers, question).correct);
    if (wrong.length > 0) reports.push({ cardId: card.cardId, itemId: card.itemId, deckId: card.deckId, prompt: card.prompt, accepted: answers, wrong, canAccept: owned.get(card.deckId) === true });
  }
  return reports;
}

/** Adds `answer` to the accepted answers of an item of the instructor's own deck; false when the deck is not theirs or the item is gone. */
export async function addAcceptedAnswer(instructorId: number, deckId: string, itemId: string, answer: string, now: Date): Promise<boolean> {
  const editable = await deckForEditor({ id: instructorId }, deckId);
  const item = editable?.items.find((i) => i.id === itemId);
  if (!item || item.type !== 'typed') return false;
  if (item.answers.some((x) => x.trim().toLowerCase() === answer.trim().toLowerCase())) return true;
  const draft = itemToDraft(item);
  await saveItem({ id: instructorId }, deckId, itemId, { ...draft, answers: `${draft.answers}\n${answer.trim()}` }, now);
  return true;
}

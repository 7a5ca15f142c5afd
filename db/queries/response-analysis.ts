/**
 * Response analysis for an instructor, per objective item of one assignment of a class they
 * teach: every option of a multiple-choice or true/false item with how many of the class chose
 * it, in quizzes (quiz_answers) and in review sessions (review_choices), and the distinct answers
 * typed for a typed item, in quizzes and in review sessions (typed_answers, each with its verdict;
 * rows from before migration 0019, when review kept only wrong ones, have none: listed as wrong,
 * left out of the review facility). Facility
 * and discrimination come from the class analytics' own computation (assignment-facts.ts), so the
 * two pages always agree. Only students enrolled in the class count.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import type { Fragments } from '@/db/engine/fragments';
import { flag, int, jsonText } from '@/db/engine/rows';
import { assignments, cards, enrollments, quizAnswers, quizAttempts, reviewChoices, sections, typedAnswers } from '@/db/schema';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import { choiceOptions, trueFalseIndex } from '@/lib/quiz/choice-options';
import { originalChoice } from '@/lib/teach/mcq-choice';
import { facility, optionResponses, typedResponses, type ChoiceAnswer, type ItemResponses, type ResponseItemType, type TypedAnswer } from '@/lib/teach/response-analysis';
import { teachesClass } from './access-sql';
import { itemQuizFacts } from './assignment-facts';
import { a, assignedCard, c, sec } from './assignment-sql';

export type { ItemResponses } from '@/lib/teach/response-analysis';

interface Scope {
  assignmentId: number;
  classId: number;
}

const qa = alias(quizAnswers, 'qa');
const q = alias(quizAttempts, 'q');
const rc = alias(reviewChoices, 'rc');
const ta = alias(typedAnswers, 'ta');

/** The assignment's multiple-choice, true/false and typed cards. */
function objectiveCards(f: Fragments, scope: Scope): SQL {
  return sql`SELECT ${c.id} FROM ${assignments} ${a} JOIN ${cards} ${c} ON ${c.deckId} = ${a.deckId} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId}
    WHERE ${a.id} = ${scope.assignmentId} AND ${c.type} IN ('mcq', 'truefalse', 'typed') AND ${assignedCard(f)}`;
}

/** Students enrolled in the class now. */
function students(scope: Scope): SQL {
  return sql`SELECT ${enrollments.userId} FROM ${enrollments} WHERE ${enrollments.classId} = ${scope.classId}`;
}

const cardRow = z.object({ cardId: int, itemId: z.string(), type: z.string(), prompt: z.string(), payload: jsonText(cardPayloadSchema), sectionTitle: z.string() });
const quizAnswerRow = z.object({ attemptId: int, cardId: int, response: z.string(), correct: flag });
const reviewChoiceRow = z.object({ cardId: int, choice: int, correct: flag });
const reviewTypedRow = z.object({ cardId: int, answer: z.string(), correct: flag.nullable() });

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function isResponseType(type: string): type is ResponseItemType {
  return type === 'mcq' || type === 'truefalse' || type === 'typed';
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Per objective item of the assignment, the class's responses; undefined if the class or assignment is not this instructor's. */
export async function responseAnalysisFor(instructorId: number, classId: number, assignmentId: number): Promise<ItemResponses[] | undefined> {
  const scope = { assignmentId, classId };
  const db = await engine();
  const f = db.fragments;
  // The assignment, if it belongs to this class and the class is taught by the asking instructor
  // (its owner or a co-instructor).
  const found = await db.get(
    sql`SELECT ${a.id} AS "id" FROM ${assignments} ${a}
      WHERE ${a.id} = ${assignmentId} AND ${a.classId} = ${classId} AND ${teachesClass(instructorId, a.classId)}`,
    z.object({ id: int }),
  );
  if (!found) return undefined;
  const { quiz: quizFacts } = await itemQuizFacts(scope);
  const objective = objectiveCards(f, scope);
  const cardRows = await db.all(
    sql`SELECT ${c.id} AS "cardId", ${c.itemId} AS "itemId", ${c.type} AS "type", ${c.prompt} AS "prompt", ${f.jsonText(c.payload)} AS "payload", ${sec.title} AS "sectionTitle"
      FROM ${cards} ${c} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId}
      WHERE ${c.id} IN (${objective})
      ORDER BY ${sec.position}, ${c.position}`,
    cardRow,
  );
  const quizAnswerRows = await db.all(
    sql`SELECT ${qa.attemptId} AS "attemptId", ${qa.cardId} AS "cardId", ${f.jsonText(qa.response)} AS "response", ${qa.correct} AS "correct"
      FROM ${quizAnswers} ${qa} JOIN ${quizAttempts} ${q} ON ${q.id} = ${qa.attemptId}
      WHERE ${qa.cardId} IN (${objective}) AND ${q.userId} IN (${students(scope)})
      ORDER BY ${qa.id}`,
    quizAnswerRow,
  );
  const reviewChoiceRows = await db.all(
    sql`SELECT ${rc.cardId} AS "cardId", ${rc.choice} AS "choice", ${rc.correct} AS "correct" FROM ${reviewChoices} ${rc}
      WHERE ${rc.cardId} IN (${objective}) AND ${rc.userId} IN (${students(scope)})
      ORDER BY ${rc.id}`,
    reviewChoiceRow,
  );
  const reviewTypedRows = await db.all(
    sql`SELECT ${ta.cardId} AS "cardId", ${ta.answer} AS "answer", ${ta.correct} AS "correct" FROM ${typedAnswers} ${ta}
      WHERE ${ta.cardId} IN (${objective}) AND ${ta.userId} IN (${students(scope)})
      ORDER BY ${ta.id}`,
    reviewTypedRow,
  );
  const items = cardRows.flatMap((card) => (isResponseType(card.type) ? [{ ...card, type: card.type }] : []));
  const byId = new Map(items.map((item) => [item.cardId, item]));

  const choices = new Map<number, ChoiceAnswer[]>();
  const typed = new Map<number, TypedAnswer[]>();
  const reviewCounts = new Map<number, { answers: number; correct: number }>();
  for (const a of quizAnswerRows) {
    const card = byId.get(a.cardId);
    if (!card) continue;
    const response = parseJson(a.response);
    if (card.payload.type === 'mcq') {
      // Stored as the shown (shuffled) index: decoded to the card's own order.
      const index = originalChoice(response, a.attemptId, a.cardId, card.payload.options.length);
      if (index !== null) push(choices, a.cardId, { source: 'quiz', index });
    } else if (card.payload.type === 'truefalse') {
      if (typeof response === 'boolean') push(choices, a.cardId, { source: 'quiz', index: trueFalseIndex(response) });
    } else if (typeof response === 'string') {
      push(typed, a.cardId, { source: 'quiz', text: response, correct: a.correct });
    }
  }
  for (const r of reviewChoiceRows) {
    push(choices, r.cardId, { source: 'review', index: r.choice });
    const n = reviewCounts.get(r.cardId) ?? { answers: 0, correct: 0 };
    reviewCounts.set(r.cardId, { answers: n.answers + 1, correct: n.correct + (r.correct ? 1 : 0) });
  }
  for (const t of reviewTypedRows) {
    push(typed, t.cardId, { source: 'review', text: t.answer, correct: t.correct === true });
    if (t.correct === null) continue;
    const n = reviewCounts.get(t.cardId) ?? { answers: 0, correct: 0 };
    reviewCounts.set(t.cardId, { answers: n.answers + 1, correct: n.correct + (t.correct ? 1 : 0) });
  }

  return items.map((c) => {
    const q = quizFacts.get(c.cardId);
    const quiz = { answers: q?.answers ?? 0, correct: q?.correct ?? 0 };
    const review = reviewCounts.get(c.cardId) ?? { answers: 0, correct: 0 };
    const options = choiceOptions(c.payload);
    return {
      cardId: c.cardId,
      itemId: c.itemId,
      type: c.type,
      prompt: c.prompt,
      sectionTitle: c.sectionTitle,
      facility: facility(quiz, review),
      answers: { quiz: quiz.answers, review: review.answers },
      discrimination: q?.discrimination?.index ?? null,
      discriminationStudents: q?.discrimination?.students ?? 0,
      options: options ? optionResponses(options.texts, options.correctIndex, choices.get(c.cardId) ?? []) : null,
      typed: c.type === 'typed' ? typedResponses(typed.get(c.cardId) ?? []) : null,
    };
  });
}

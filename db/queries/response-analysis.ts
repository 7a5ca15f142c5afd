/**
 * Response analysis for an instructor, per objective item of one assignment of a class they
 * teach: every option of a multiple-choice or true/false item with how many of the class chose
 * it, in quizzes (quiz_answers) and in review sessions (review_choices), and the distinct answers
 * typed for a typed item (quiz_answers, and typed_answers: review keeps only wrong ones). Facility
 * and discrimination come from the class analytics' own computation (assignment-facts.ts), so the
 * two pages always agree. Only students enrolled in the class count.
 */
import 'server-only';
import { db } from '@/db';
import { teachesClassSql } from './access';
import { cardPayload } from '@/db/json-column';
import { choiceOptions, trueFalseIndex } from '@/lib/quiz/choice-options';
import { originalChoice } from '@/lib/teach/mcq-choice';
import { facility, optionResponses, typedResponses, type ChoiceAnswer, type ItemResponses, type ResponseItemType, type TypedAnswer } from '@/lib/teach/response-analysis';

export type { ItemResponses } from '@/lib/teach/response-analysis';
import { itemQuizFacts } from './assignment-facts';
import { ASSIGNED_CARD_SQL } from './assignments';

interface Scope {
  assignmentId: number;
  classId: number;
}

// The assignment, if it belongs to this class and the class is taught by the asking instructor
// (its owner or a co-instructor).
const scopeStmt = db.$client.prepare<Scope & { userId: number }, { id: number }>(`
  SELECT a.id FROM assignments a
  WHERE a.id = @assignmentId AND a.class_id = @classId AND ${teachesClassSql('a.class_id', 'userId')}
`);

const OBJECTIVE_CARDS = `SELECT c.id FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
  WHERE a.id = @assignmentId AND c.type IN ('mcq', 'truefalse', 'typed') AND ${ASSIGNED_CARD_SQL}`;
const STUDENTS = 'SELECT user_id FROM enrollments WHERE class_id = @classId';

const cardsStmt = db.$client.prepare<Scope, { cardId: number; itemId: string; type: string; prompt: string; payload: string; sectionTitle: string }>(`
  SELECT c.id AS cardId, c.item_id AS itemId, c.type, c.prompt, c.payload, sec.title AS sectionTitle
  FROM cards c JOIN sections sec ON sec.id = c.section_id
  WHERE c.id IN (${OBJECTIVE_CARDS})
  ORDER BY sec.position, c.position
`);

const quizAnswersStmt = db.$client.prepare<Scope, { attemptId: number; cardId: number; response: string; correct: number }>(`
  SELECT qa.attempt_id AS attemptId, qa.card_id AS cardId, qa.response, qa.correct
  FROM quiz_answers qa JOIN quiz_attempts q ON q.id = qa.attempt_id
  WHERE qa.card_id IN (${OBJECTIVE_CARDS}) AND q.user_id IN (${STUDENTS})
  ORDER BY qa.id
`);

const reviewChoicesStmt = db.$client.prepare<Scope, { cardId: number; choice: number; correct: number }>(`
  SELECT r.card_id AS cardId, r.choice, r.correct FROM review_choices r
  WHERE r.card_id IN (${OBJECTIVE_CARDS}) AND r.user_id IN (${STUDENTS})
  ORDER BY r.id
`);

const reviewTypedStmt = db.$client.prepare<Scope, { cardId: number; answer: string }>(`
  SELECT t.card_id AS cardId, t.answer FROM typed_answers t
  WHERE t.card_id IN (${OBJECTIVE_CARDS}) AND t.user_id IN (${STUDENTS})
  ORDER BY t.id
`);

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
export function responseAnalysisFor(instructorId: number, classId: number, assignmentId: number): ItemResponses[] | undefined {
  const scope = { assignmentId, classId };
  if (!scopeStmt.get({ ...scope, userId: instructorId })) return undefined;
  const { quiz: quizFacts } = itemQuizFacts(scope);
  const cards = cardsStmt.all(scope).flatMap((c) => {
    if (!isResponseType(c.type)) return [];
    return [{ ...c, type: c.type, payload: cardPayload(c.payload) }];
  });
  const byId = new Map(cards.map((c) => [c.cardId, c]));

  const choices = new Map<number, ChoiceAnswer[]>();
  const typed = new Map<number, TypedAnswer[]>();
  const reviewCounts = new Map<number, { answers: number; correct: number }>();
  for (const a of quizAnswersStmt.all(scope)) {
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
      push(typed, a.cardId, { source: 'quiz', text: response, correct: a.correct === 1 });
    }
  }
  for (const r of reviewChoicesStmt.all(scope)) {
    push(choices, r.cardId, { source: 'review', index: r.choice });
    const n = reviewCounts.get(r.cardId) ?? { answers: 0, correct: 0 };
    reviewCounts.set(r.cardId, { answers: n.answers + 1, correct: n.correct + r.correct });
  }
  for (const t of reviewTypedStmt.all(scope)) {
    push(typed, t.cardId, { source: 'review', text: t.answer, correct: false });
    const n = reviewCounts.get(t.cardId) ?? { answers: 0, correct: 0 };
    reviewCounts.set(t.cardId, { answers: n.answers + 1, correct: n.correct });
  }

  return cards.map((c) => {
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
      // Typed answers right in review are not kept, so review cannot give a typed item's facility.
      facility: facility(quiz, c.type === 'typed' ? { answers: 0, correct: 0 } : review),
      answers: { quiz: quiz.answers, review: review.answers },
      discrimination: q?.discrimination?.index ?? null,
      discriminationStudents: q?.discrimination?.students ?? 0,
      options: options ? optionResponses(options.texts, options.correctIndex, choices.get(c.cardId) ?? []) : null,
      typed: c.type === 'typed' ? typedResponses(typed.get(c.cardId) ?? []) : null,
    };
  });
}

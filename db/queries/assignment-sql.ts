/**
 * The SQL shared by the teaching queries (assignments, class analytics, Today's assignments, the
 * student detail and the response analysis), as typed `sql` fragments over fixed aliases: an
 * assignment is `a`, a card `c`, its section `sec`. A query writes `FROM ${assignments} ${a}` and
 * the fragments below refer to `${a.deckId}` etc., so a renamed column fails to compile everywhere.
 * A CTE may stand in for `a` when it has the columns the fragment reads (id, deck_id, section_keys).
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { Fragments } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import { assignments, cards, reviewLogs, sections } from '@/db/schema';
import { isQuizType, type AssignmentQuizSpec } from '@/lib/teach/assignment-quiz';
import { QUIZ_TYPES } from '@/lib/quiz/present';

export const a = alias(assignments, 'a');
export const c = alias(cards, 'c');
export const sec = alias(sections, 'sec');
const l = alias(reviewLogs, 'l');

type Value = SQL | AnyColumn | number;

/** Card `c` (with its section `sec`) belongs to assignment `a`. Retired cards are not assigned. */
export function assignedCard(f: Fragments): SQL {
  return sql`${c.deckId} = ${a.deckId} AND ${c.retiredAt} IS NULL
    AND (${a.sectionKeys} IS NULL OR ${sec.key} IN ${f.jsonTexts(a.sectionKeys)})`;
}

/** Card `c` (section `sec`) is a question the quiz of assignment `a` may ask. */
export function assignmentQuizCard(f: Fragments): SQL {
  const from = sql`coalesce(${a.quizSectionKeys}, ${a.sectionKeys})`;
  return sql`${c.deckId} = ${a.deckId} AND ${c.retiredAt} IS NULL
    AND ${c.type} IN ${f.jsonTexts(sql`coalesce(${a.quizTypes}, ${f.json(QUIZ_TYPES)})`)}
    AND (${from} IS NULL OR ${sec.key} IN ${f.jsonTexts(from)})`;
}

/**
 * The id of `user`'s last review (not undone) of `card` at or before `at`, or NULL; one seek of
 * the review_logs_user_card index. The state it left is the card's memory as of `at`.
 */
export function lastReviewId(user: Value, card: Value, at: Value): SQL {
  return sql`(SELECT ${l.id} FROM ${reviewLogs} ${l}
    WHERE ${l.userId} = ${user} AND ${l.cardId} = ${card} AND ${l.undoneAt} IS NULL AND ${l.reviewedAt} <= ${at}
    ORDER BY ${l.reviewedAt} DESC LIMIT 1)`;
}

/** The quiz columns of assignment `a`, selected under the names quizSpecRow decodes. */
export function quizColumns(f: Fragments): SQL {
  return sql`${f.jsonText(a.quizSectionKeys)} AS "quizSectionKeys", ${a.quizQuestions} AS "quizQuestions",
    ${f.jsonText(a.quizTypes)} AS "quizTypes", ${a.quizAttempts} AS "quizAttempts", ${a.quizFeedback} AS "quizFeedback"`;
}

const quizTypeList = z.array(z.string().refine(isQuizType)).transform((types) => types.filter(isQuizType));

/** The row fields quizColumns selects, decoded. */
export const quizSpecRow = {
  quizSectionKeys: jsonText(z.array(z.string())).nullable(),
  quizQuestions: int.nullable(),
  quizTypes: jsonText(quizTypeList).nullable(),
  quizAttempts: int.nullable(),
  quizFeedback: z.enum(['immediate', 'end']),
};

type QuizSpecRow = z.infer<z.ZodObject<typeof quizSpecRow>>;

/** The assignment's quiz, from its decoded columns. */
export function quizSpecFrom(row: QuizSpecRow): AssignmentQuizSpec {
  return { sectionKeys: row.quizSectionKeys, questions: row.quizQuestions, types: row.quizTypes, attempts: row.quizAttempts, feedback: row.quizFeedback };
}

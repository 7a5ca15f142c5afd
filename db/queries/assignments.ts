/**
 * Assignments as their instructor manages them: a deck (or some of its sections) given to a
 * class with a due date and optional goals. Every statement checks that the asking instructor
 * teaches the class (teachesClassSql: owner or co-instructor), and that the deck is one they may assign (shared, or their own).
 */
import 'server-only';
import { db } from '@/db';
import { teachesClassSql } from './access';
import { jsonColumn, stringList } from '@/db/json-column';
import { DEFAULT_ASSIGNMENT_QUIZ, isQuizType, quizSections, type AssignmentQuizSpec } from '@/lib/teach/assignment-quiz';
import { QUIZ_TYPES } from '@/lib/quiz/present';
import { z } from 'zod';

/** SQL condition: card `c` (with its section `sec`) belongs to assignment `a`. Retired cards are not assigned. */
export const ASSIGNED_CARD_SQL = `c.deck_id = a.deck_id AND c.retired_at IS NULL
  AND (a.section_keys IS NULL OR sec.key IN (SELECT value FROM json_each(a.section_keys)))`;

/**
 * SQL expression: the id of `user`'s last review (not undone) of `card` at or before `at`, or NULL;
 * one seek of the review_logs_user_card index. The state it left is the card's memory as of `at`.
 */
export function lastReviewIdSql(user: string, card: string, at: string): string {
  return `(SELECT l.id FROM review_logs l WHERE l.user_id = ${user} AND l.card_id = ${card} AND l.undone_at IS NULL AND l.reviewed_at <= ${at}
    ORDER BY l.reviewed_at DESC LIMIT 1)`;
}

export interface AssignableDeck {
  id: string;
  title: string;
  sections: { key: string; title: string }[];
}

// A deck may be assigned in a class if it is shared, the instructor's own, or already assigned to
// that class (so a co-instructor can edit an assignment of the owner's deck; editing the deck
// itself stays its owner's).
const ASSIGNABLE_DECK_SQL = `(d.owner_id IS NULL OR d.owner_id = @instructorId
  OR (${teachesClassSql('@classId')} AND d.id IN (SELECT deck_id FROM assignments WHERE class_id = @classId)))`;

const decksStmt = db.$client.prepare<{ instructorId: number; classId: number }, { id: string; title: string; key: string | null; sectionTitle: string | null }>(`
  SELECT d.id, d.title, s.key, s.title AS sectionTitle
  FROM decks d LEFT JOIN sections s ON s.deck_id = d.id
  WHERE ${ASSIGNABLE_DECK_SQL}
  ORDER BY d.position, d.title, s.position
`);

/** Decks this instructor may assign in this class, with their sections in reading order. */
export function assignableDecks(instructorId: number, classId: number): AssignableDeck[] {
  const out = new Map<string, AssignableDeck>();
  for (const row of decksStmt.all({ instructorId, classId })) {
    const deck = out.get(row.id) ?? { id: row.id, title: row.title, sections: [] };
    out.set(row.id, deck);
    if (row.key !== null) deck.sections.push({ key: row.key, title: row.sectionTitle ?? row.key });
  }
  return [...out.values()];
}

export interface AssignmentInput {
  deckId: string;
  /** null: the whole deck. */
  sectionKeys: string[] | null;
  dueAt: number;
  /** Percent, 0–100. */
  goalQuizScore: number | null;
  /** Mean predicted recall at the due date, 0–1. */
  goalRecall: number | null;
  /** The assignment's quiz; omitted means the default one (DEFAULT_ASSIGNMENT_QUIZ). */
  quiz?: AssignmentQuizSpec;
}

export interface AssignmentView extends AssignmentInput {
  quiz: AssignmentQuizSpec;
  /** Quiz questions the assignment's quiz can draw from (its sections and types, retired cards left out). */
  quizAvailable: number;
  id: number;
  classId: number;
  deckTitle: string;
  sectionTitles: string[];
  items: number;
  createdAt: number;
}

type ListRow = Omit<AssignmentView, 'sectionTitles' | 'sectionKeys' | 'quiz'> & {
  sectionKeys: string | null;
  titles: string | null;
  quizSectionKeys: string | null;
  quizQuestions: number | null;
  quizTypes: string | null;
  quizAttempts: number | null;
  quizFeedback: 'immediate' | 'end';
};

/** SQL condition: card `c` (section `sec`) is a question the quiz of assignment `a` may ask. */
export const ASSIGNMENT_QUIZ_CARD_SQL = `c.deck_id = a.deck_id AND c.retired_at IS NULL
  AND c.type IN (SELECT value FROM json_each(coalesce(a.quiz_types, '${JSON.stringify(QUIZ_TYPES)}')))
  AND (coalesce(a.quiz_section_keys, a.section_keys) IS NULL
       OR sec.key IN (SELECT value FROM json_each(coalesce(a.quiz_section_keys, a.section_keys))))`;

const listStmt = db.$client.prepare<{ instructorId: number; classId: number }, ListRow>(`
  SELECT a.id, a.class_id AS classId, a.deck_id AS deckId, d.title AS deckTitle, a.section_keys AS sectionKeys, a.due_at AS dueAt,
         a.goal_quiz_score AS goalQuizScore, a.goal_recall AS goalRecall, a.created_at AS createdAt,
         a.quiz_section_keys AS quizSectionKeys, a.quiz_questions AS quizQuestions, a.quiz_types AS quizTypes,
         a.quiz_attempts AS quizAttempts, a.quiz_feedback AS quizFeedback,
         (SELECT count(*) FROM cards c JOIN sections sec ON sec.id = c.section_id WHERE ${ASSIGNED_CARD_SQL}) AS items,
         (SELECT count(*) FROM cards c JOIN sections sec ON sec.id = c.section_id WHERE ${ASSIGNMENT_QUIZ_CARD_SQL}) AS quizAvailable,
         (SELECT json_group_array(title) FROM (SELECT s2.title FROM sections s2 WHERE s2.deck_id = a.deck_id
            AND s2.key IN (SELECT value FROM json_each(a.section_keys)) ORDER BY s2.position)) AS titles
  FROM assignments a JOIN classes cl ON cl.id = a.class_id JOIN decks d ON d.id = a.deck_id
  WHERE a.class_id = @classId AND ${teachesClassSql('cl.id')}
  ORDER BY a.due_at, a.id
`);

const quizTypeList = z.array(z.string().refine(isQuizType)).transform((types) => types.filter(isQuizType));

/** The quiz columns of an assignment row, decoded. */
export function quizSpecOf(row: Pick<ListRow, 'quizSectionKeys' | 'quizQuestions' | 'quizTypes' | 'quizAttempts' | 'quizFeedback'>): AssignmentQuizSpec {
  return {
    sectionKeys: row.quizSectionKeys === null ? null : jsonColumn(row.quizSectionKeys, stringList, 'assignments.quiz_section_keys'),
    questions: row.quizQuestions,
    types: row.quizTypes === null ? null : jsonColumn(row.quizTypes, quizTypeList, 'assignments.quiz_types'),
    attempts: row.quizAttempts,
    feedback: row.quizFeedback,
  };
}

function toView(row: ListRow): AssignmentView {
  const sectionKeys = row.sectionKeys === null ? null : jsonColumn(row.sectionKeys, stringList, 'assignments.section_keys');
  const { quizSectionKeys: _a, quizQuestions: _b, quizTypes: _c, quizAttempts: _d, quizFeedback: _e, titles, ...rest } = row;
  return {
    ...rest,
    sectionKeys,
    quiz: quizSpecOf(row),
    sectionTitles: sectionKeys === null ? [] : jsonColumn(titles ?? '[]', stringList, 'section titles'),
  };
}

/** The class's assignments, soonest due first; empty if the class is not this instructor's. */
export function assignmentsForClass(instructorId: number, classId: number): AssignmentView[] {
  return listStmt.all({ instructorId, classId }).map(toView);
}

export type AssignmentWriteError = 'not-found' | 'deck' | 'sections' | 'quiz-sections' | 'quiz-empty';

const ownsClass = db.$client.prepare<{ instructorId: number; classId: number }, { ok: number }>(
  `SELECT 1 AS ok FROM classes cl WHERE cl.id = @classId AND ${teachesClassSql('cl.id')}`,
);
const deckSections = db.$client.prepare<{ instructorId: number; classId: number; deckId: string }, { key: string | null }>(`
  SELECT s.key FROM decks d LEFT JOIN sections s ON s.deck_id = d.id
  WHERE d.id = @deckId AND ${ASSIGNABLE_DECK_SQL}
`);

const quizQuestionsStmt = db.$client.prepare<{ deckId: string; sectionKeys: string | null; types: string }, number>(`
  SELECT count(*) FROM cards c JOIN sections sec ON sec.id = c.section_id
  WHERE c.deck_id = @deckId AND c.retired_at IS NULL AND c.type IN (SELECT value FROM json_each(@types))
    AND (@sectionKeys IS NULL OR sec.key IN (SELECT value FROM json_each(@sectionKeys)))
`).pluck();

/** Why this input can't be assigned by this instructor, or null when it can. */
function checkInput(instructorId: number, classId: number, input: AssignmentInput): AssignmentWriteError | null {
  const rows = deckSections.all({ instructorId, classId, deckId: input.deckId });
  if (rows.length === 0) return 'deck';
  const keys = new Set(rows.map((r) => r.key));
  if (input.sectionKeys !== null && (input.sectionKeys.length === 0 || input.sectionKeys.some((k) => !keys.has(k)))) return 'sections';
  const quiz = input.quiz ?? DEFAULT_ASSIGNMENT_QUIZ;
  if (quiz.sectionKeys !== null && (quiz.sectionKeys.length === 0 || quiz.sectionKeys.some((k) => !keys.has(k)))) return 'quiz-sections';
  if (input.goalQuizScore !== null) {
    const from = quizSections(quiz, input.sectionKeys);
    const available = quizQuestionsStmt.get({ deckId: input.deckId, sectionKeys: from === null ? null : JSON.stringify(from), types: JSON.stringify(quiz.types ?? QUIZ_TYPES) }) ?? 0;
    if (available === 0) return 'quiz-empty';
  }
  return null;
}

type Columns = ReturnType<typeof columns>;

const insertStmt = db.$client.prepare<Columns & { classId: number; now: number }>(`
  INSERT INTO assignments (class_id, deck_id, section_keys, due_at, goal_quiz_score, goal_recall, created_at,
                           quiz_section_keys, quiz_questions, quiz_types, quiz_attempts, quiz_feedback)
  VALUES (@classId, @deckId, @sectionKeys, @dueAt, @goalQuizScore, @goalRecall, @now,
          @quizSectionKeys, @quizQuestions, @quizTypes, @quizAttempts, @quizFeedback)
`);

const json = (v: unknown[] | null) => (v === null ? null : JSON.stringify(v));

function columns(input: AssignmentInput) {
  const quiz = input.quiz ?? DEFAULT_ASSIGNMENT_QUIZ;
  return {
    deckId: input.deckId,
    sectionKeys: json(input.sectionKeys),
    dueAt: input.dueAt,
    goalQuizScore: input.goalQuizScore,
    goalRecall: input.goalRecall,
    quizSectionKeys: json(quiz.sectionKeys),
    quizQuestions: quiz.questions,
    quizTypes: json(quiz.types),
    quizAttempts: quiz.attempts,
    quizFeedback: quiz.feedback,
  };
}

export function createAssignment(instructorId: number, classId: number, input: AssignmentInput, now: Date): { id: number } | { error: AssignmentWriteError } {
  if (!ownsClass.get({ instructorId, classId })) return { error: 'not-found' };
  const error = checkInput(instructorId, classId, input);
  if (error) return { error };
  const result = insertStmt.run({ classId, ...columns(input), now: now.getTime() });
  return { id: Number(result.lastInsertRowid) };
}

const ownedAssignment = db.$client.prepare<{ instructorId: number; assignmentId: number }, { classId: number }>(`
  SELECT a.class_id AS classId FROM assignments a JOIN classes cl ON cl.id = a.class_id
  WHERE a.id = @assignmentId AND ${teachesClassSql('cl.id')}
`);

/** One assignment, only if it belongs to one of this instructor's classes. */
export function assignmentForInstructor(instructorId: number, assignmentId: number): AssignmentView | undefined {
  const owner = ownedAssignment.get({ instructorId, assignmentId });
  return owner ? assignmentsForClass(instructorId, owner.classId).find((a) => a.id === assignmentId) : undefined;
}

const updateStmt = db.$client.prepare<Columns & { instructorId: number; id: number }>(`
  UPDATE assignments SET deck_id = @deckId, section_keys = @sectionKeys, due_at = @dueAt, goal_quiz_score = @goalQuizScore, goal_recall = @goalRecall,
         quiz_section_keys = @quizSectionKeys, quiz_questions = @quizQuestions, quiz_types = @quizTypes,
         quiz_attempts = @quizAttempts, quiz_feedback = @quizFeedback
  WHERE id = @id AND ${teachesClassSql('class_id')}
`);

export function updateAssignment(instructorId: number, assignmentId: number, input: AssignmentInput): { classId: number } | { error: AssignmentWriteError } {
  const owner = ownedAssignment.get({ instructorId, assignmentId });
  if (!owner) return { error: 'not-found' };
  const error = checkInput(instructorId, owner.classId, input);
  if (error) return { error };
  updateStmt.run({ instructorId, id: assignmentId, ...columns(input) });
  return owner;
}

const deleteStmt = db.$client.prepare<{ instructorId: number; assignmentId: number }>(`
  DELETE FROM assignments WHERE id = @assignmentId
    AND ${teachesClassSql('class_id')}
`);

export function deleteAssignment(instructorId: number, assignmentId: number): boolean {
  return deleteStmt.run({ instructorId, assignmentId }).changes === 1;
}

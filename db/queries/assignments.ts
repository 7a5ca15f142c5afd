/**
 * Assignments as their instructor manages them: a deck (or some of its sections) given to a
 * class with a due date and optional goals. Every statement checks that the asking instructor
 * teaches the class (teachesClass: owner or co-instructor), and that the deck is one they may assign (shared, or their own).
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { assignments, cards, classes, decks, sections } from '@/db/schema';
import { DEFAULT_ASSIGNMENT_QUIZ, quizSections, type AssignmentQuizSpec } from '@/lib/teach/assignment-quiz';
import { QUIZ_TYPES } from '@/lib/quiz/present';
import { stringList } from '@/db/json-column';
import { teachesClass } from './access-sql';
import { a, assignedCard, assignmentQuizCard, c, quizColumns, quizSpecFrom, quizSpecRow, sec } from './assignment-sql';


export interface AssignableDeck {
  id: string;
  title: string;
  sections: { key: string; title: string }[];
}

const d = alias(decks, 'd');
const s = alias(sections, 's');
const cl = alias(classes, 'cl');

// A deck may be assigned in a class if it is shared, the instructor's own, or already assigned to
// that class (so a co-instructor can edit an assignment of the owner's deck; editing the deck
// itself stays its owner's).
function assignableDeck(instructorId: number, classId: number): SQL {
  return sql`(${d.ownerId} IS NULL OR ${d.ownerId} = ${instructorId}
    OR (${teachesClass(instructorId, sql`${classId}`)} AND ${d.id} IN (SELECT ${assignments.deckId} FROM ${assignments} WHERE ${assignments.classId} = ${classId})))`;
}

const deckRow = z.object({ id: z.string(), title: z.string(), key: z.string().nullable(), sectionTitle: z.string().nullable() });

/** Decks this instructor may assign in this class, with their sections in reading order. */
export async function assignableDecks(instructorId: number, classId: number): Promise<AssignableDeck[]> {
  const db = await engine();
  const rows = await db.all(
    sql`SELECT ${d.id} AS "id", ${d.title} AS "title", ${s.key} AS "key", ${s.title} AS "sectionTitle"
      FROM ${decks} ${d} LEFT JOIN ${sections} ${s} ON ${s.deckId} = ${d.id}
      WHERE ${assignableDeck(instructorId, classId)}
      ORDER BY ${d.position}, ${d.title}, ${s.position}`,
    deckRow,
  );
  const out = new Map<string, AssignableDeck>();
  for (const row of rows) {
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

/**
 * The quiz columns of an assignment row as SQLite's prepared statements return them (JSON text),
 * decoded: for assignment-quiz.ts until it moves onto the engine (assignment-sql.ts quizSpecFrom
 * decodes the engine's rows).
 */
export function quizSpecOf(row: { quizSectionKeys: string | null; quizQuestions: number | null; quizTypes: string | null; quizAttempts: number | null; quizFeedback: 'immediate' | 'end' }): AssignmentQuizSpec {
  const decoded = z.object(quizSpecRow).parse(row);
  return quizSpecFrom(decoded);
}

/** Titles of the sections each of `ids` (assignments of `a`'s table) covers, in deck order; none for a whole-deck assignment. */
export async function sectionTitlesOf(db: Queryable, ids: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await db.all(
    sql`SELECT ${a.id} AS "id", ${s.title} AS "title" FROM ${assignments} ${a} JOIN ${sections} ${s} ON ${s.deckId} = ${a.deckId}
      WHERE ${a.id} IN ${db.fragments.intsIn(ids)} AND ${a.sectionKeys} IS NOT NULL AND ${s.key} IN ${db.fragments.jsonTexts(a.sectionKeys)}
      ORDER BY ${a.id}, ${s.position}`,
    z.object({ id: int, title: z.string() }),
  );
  const out = new Map<number, string[]>();
  for (const row of rows) out.set(row.id, [...(out.get(row.id) ?? []), row.title]);
  return out;
}

const listRow = z.object({
  id: int,
  classId: int,
  deckId: z.string(),
  deckTitle: z.string(),
  sectionKeys: jsonText(stringList).nullable(),
  dueAt: int,
  goalQuizScore: z.number().nullable(),
  goalRecall: z.number().nullable(),
  createdAt: int,
  ...quizSpecRow,
  items: int,
  quizAvailable: int,
});

/** The class's assignments, soonest due first; empty if the class is not this instructor's. */
export async function assignmentsForClass(instructorId: number, classId: number): Promise<AssignmentView[]> {
  const db = await engine();
  const f = db.fragments;
  const rows = await db.all(
    sql`SELECT ${a.id} AS "id", ${a.classId} AS "classId", ${a.deckId} AS "deckId", ${d.title} AS "deckTitle", ${f.jsonText(a.sectionKeys)} AS "sectionKeys",
           ${a.dueAt} AS "dueAt", ${a.goalQuizScore} AS "goalQuizScore", ${a.goalRecall} AS "goalRecall", ${a.createdAt} AS "createdAt", ${quizColumns(f)},
           (SELECT count(*) FROM ${cards} ${c} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId} WHERE ${assignedCard(f)}) AS "items",
           (SELECT count(*) FROM ${cards} ${c} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId} WHERE ${assignmentQuizCard(f)}) AS "quizAvailable"
      FROM ${assignments} ${a} JOIN ${classes} ${cl} ON ${cl.id} = ${a.classId} JOIN ${decks} ${d} ON ${d.id} = ${a.deckId}
      WHERE ${a.classId} = ${classId} AND ${teachesClass(instructorId, cl.id)}
      ORDER BY ${a.dueAt}, ${a.id}`,
    listRow,
  );
  const titles = await sectionTitlesOf(db, rows.map((r) => r.id));
  return rows.map(({ quizSectionKeys, quizQuestions, quizTypes, quizAttempts, quizFeedback, ...rest }) => ({
    ...rest,
    quiz: quizSpecFrom({ quizSectionKeys, quizQuestions, quizTypes, quizAttempts, quizFeedback }),
    sectionTitles: rest.sectionKeys === null ? [] : (titles.get(rest.id) ?? []),
  }));
}

export type AssignmentWriteError = 'not-found' | 'deck' | 'sections' | 'quiz-sections' | 'quiz-empty';

const countRow = z.object({ n: int });

/** Why this input can't be assigned by this instructor, or null when it can. */
async function checkInput(q: Queryable, instructorId: number, classId: number, input: AssignmentInput): Promise<AssignmentWriteError | null> {
  const rows = await q.all(
    sql`SELECT ${s.key} AS "key" FROM ${decks} ${d} LEFT JOIN ${sections} ${s} ON ${s.deckId} = ${d.id}
      WHERE ${d.id} = ${input.deckId} AND ${assignableDeck(instructorId, classId)}`,
    z.object({ key: z.string().nullable() }),
  );
  if (rows.length === 0) return 'deck';
  const keys = new Set(rows.map((r) => r.key));
  if (input.sectionKeys !== null && (input.sectionKeys.length === 0 || input.sectionKeys.some((k) => !keys.has(k)))) return 'sections';
  const quiz = input.quiz ?? DEFAULT_ASSIGNMENT_QUIZ;
  if (quiz.sectionKeys !== null && (quiz.sectionKeys.length === 0 || quiz.sectionKeys.some((k) => !keys.has(k)))) return 'quiz-sections';
  if (input.goalQuizScore !== null) {
    const from = quizSections(quiz, input.sectionKeys);
    const f = q.fragments;
    const available = await q.get(
      sql`SELECT count(*) AS "n" FROM ${cards} ${c} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId}
        WHERE ${c.deckId} = ${input.deckId} AND ${c.retiredAt} IS NULL AND ${c.type} IN ${f.textsIn(quiz.types ?? QUIZ_TYPES)}
          ${from === null ? sql`` : sql`AND ${sec.key} IN ${f.textsIn(from)}`}`,
      countRow,
    );
    if ((available?.n ?? 0) === 0) return 'quiz-empty';
  }
  return null;
}

/** The assignment's columns as stored (JSON columns through the engine's json fragment). */
function columns(q: Queryable, input: AssignmentInput) {
  const quiz = input.quiz ?? DEFAULT_ASSIGNMENT_QUIZ;
  const json = (v: unknown[] | null) => (v === null ? sql`NULL` : q.fragments.json(v));
  return [
    [a.deckId, sql`${input.deckId}`],
    [a.sectionKeys, json(input.sectionKeys)],
    [a.dueAt, sql`${input.dueAt}`],
    [a.goalQuizScore, sql`${input.goalQuizScore}`],
    [a.goalRecall, sql`${input.goalRecall}`],
    [a.quizSectionKeys, json(quiz.sectionKeys)],
    [a.quizQuestions, sql`${quiz.questions}`],
    [a.quizTypes, json(quiz.types)],
    [a.quizAttempts, sql`${quiz.attempts}`],
    [a.quizFeedback, sql`${quiz.feedback}`],
  ] as const;
}

async function teaches(q: Queryable, instructorId: number, classId: number): Promise<boolean> {
  const row = await q.get(sql`SELECT 1 AS "n" FROM ${classes} ${cl} WHERE ${cl.id} = ${classId} AND ${teachesClass(instructorId, cl.id)}`, countRow);
  return row !== undefined;
}

export async function createAssignment(instructorId: number, classId: number, input: AssignmentInput, now: Date): Promise<{ id: number } | { error: AssignmentWriteError }> {
  const db = await engine();
  return db.transaction(async (tx) => {
    if (!(await teaches(tx, instructorId, classId))) return { error: 'not-found' as const };
    const error = await checkInput(tx, instructorId, classId, input);
    if (error) return { error };
    const cols = columns(tx, input);
    const row = await tx.get(
      sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.createdAt)}, ${sql.join(cols.map(([col]) => bare(col)), sql`, `)})
        VALUES (${classId}, ${now.getTime()}, ${sql.join(cols.map(([, value]) => value), sql`, `)})
        RETURNING ${assignments.id} AS "id"`,
      z.object({ id: int }),
    );
    if (!row) throw new Error('The assignment was not stored');
    return row;
  });
}

const ownedRow = z.object({ classId: int });

function ownedAssignment(q: Queryable, instructorId: number, assignmentId: number) {
  return q.get(
    sql`SELECT ${a.classId} AS "classId" FROM ${assignments} ${a} JOIN ${classes} ${cl} ON ${cl.id} = ${a.classId}
      WHERE ${a.id} = ${assignmentId} AND ${teachesClass(instructorId, cl.id)}`,
    ownedRow,
  );
}

/** One assignment, only if it belongs to one of this instructor's classes. */
export async function assignmentForInstructor(instructorId: number, assignmentId: number): Promise<AssignmentView | undefined> {
  const owner = await ownedAssignment(await engine(), instructorId, assignmentId);
  return owner ? (await assignmentsForClass(instructorId, owner.classId)).find((x) => x.id === assignmentId) : undefined;
}

export async function updateAssignment(instructorId: number, assignmentId: number, input: AssignmentInput): Promise<{ classId: number } | { error: AssignmentWriteError }> {
  const db = await engine();
  return db.transaction(async (tx) => {
    const owner = await ownedAssignment(tx, instructorId, assignmentId);
    if (!owner) return { error: 'not-found' as const };
    const error = await checkInput(tx, instructorId, owner.classId, input);
    if (error) return { error };
    const set = sql.join(columns(tx, input).map(([col, value]) => sql`${bare(col)} = ${value}`), sql`, `);
    await tx.run(sql`UPDATE ${assignments} SET ${set} WHERE ${assignments.id} = ${assignmentId} AND ${teachesClass(instructorId, assignments.classId)}`);
    return owner;
  });
}

export async function deleteAssignment(instructorId: number, assignmentId: number): Promise<boolean> {
  const db = await engine();
  const { changes } = await db.run(sql`DELETE FROM ${assignments} WHERE ${assignments.id} = ${assignmentId} AND ${teachesClass(instructorId, assignments.classId)}`);
  return changes === 1;
}

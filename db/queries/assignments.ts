/**
 * Assignments as their instructor manages them: a deck (or some of its sections) given to a
 * class with a due date and optional goals. Every statement checks that the class belongs to
 * the asking instructor, and that the deck is one they may assign (shared, or their own).
 */
import 'server-only';
import { db } from '@/db';
import { jsonColumn, stringList } from '@/db/json-column';

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

const decksStmt = db.$client.prepare<{ instructorId: number }, { id: string; title: string; key: string | null; sectionTitle: string | null }>(`
  SELECT d.id, d.title, s.key, s.title AS sectionTitle
  FROM decks d LEFT JOIN sections s ON s.deck_id = d.id
  WHERE d.owner_id IS NULL OR d.owner_id = @instructorId
  ORDER BY d.position, d.title, s.position
`);

/** Decks this instructor may assign, with their sections in reading order. */
export function assignableDecks(instructorId: number): AssignableDeck[] {
  const out = new Map<string, AssignableDeck>();
  for (const row of decksStmt.all({ instructorId })) {
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
}

export interface AssignmentView extends AssignmentInput {
  id: number;
  classId: number;
  deckTitle: string;
  sectionTitles: string[];
  items: number;
  createdAt: number;
}

const listStmt = db.$client.prepare<{ instructorId: number; classId: number }, Omit<AssignmentView, 'sectionTitles' | 'sectionKeys'> & { sectionKeys: string | null; titles: string | null }>(`
  SELECT a.id, a.class_id AS classId, a.deck_id AS deckId, d.title AS deckTitle, a.section_keys AS sectionKeys, a.due_at AS dueAt,
         a.goal_quiz_score AS goalQuizScore, a.goal_recall AS goalRecall, a.created_at AS createdAt,
         (SELECT count(*) FROM cards c JOIN sections sec ON sec.id = c.section_id WHERE ${ASSIGNED_CARD_SQL}) AS items,
         (SELECT json_group_array(title) FROM (SELECT s2.title FROM sections s2 WHERE s2.deck_id = a.deck_id
            AND s2.key IN (SELECT value FROM json_each(a.section_keys)) ORDER BY s2.position)) AS titles
  FROM assignments a JOIN classes cl ON cl.id = a.class_id JOIN decks d ON d.id = a.deck_id
  WHERE a.class_id = @classId AND cl.instructor_id = @instructorId
  ORDER BY a.due_at, a.id
`);

function toView(row: ReturnType<typeof listStmt.all>[number]): AssignmentView {
  const sectionKeys = row.sectionKeys === null ? null : jsonColumn(row.sectionKeys, stringList, 'assignments.section_keys');
  return { ...row, sectionKeys, sectionTitles: sectionKeys === null ? [] : jsonColumn(row.titles ?? '[]', stringList, 'section titles') };
}

/** The class's assignments, soonest due first; empty if the class is not this instructor's. */
export function assignmentsForClass(instructorId: number, classId: number): AssignmentView[] {
  return listStmt.all({ instructorId, classId }).map(toView);
}

export type AssignmentWriteError = 'not-found' | 'deck' | 'sections';

const ownsClass = db.$client.prepare<{ instructorId: number; classId: number }, { ok: number }>(
  'SELECT 1 AS ok FROM classes WHERE id = @classId AND instructor_id = @instructorId',
);
const deckSections = db.$client.prepare<{ instructorId: number; deckId: string }, { key: string | null }>(`
  SELECT s.key FROM decks d LEFT JOIN sections s ON s.deck_id = d.id
  WHERE d.id = @deckId AND (d.owner_id IS NULL OR d.owner_id = @instructorId)
`);

/** Why this input can't be assigned by this instructor, or null when it can. */
function checkInput(instructorId: number, input: AssignmentInput): AssignmentWriteError | null {
  const rows = deckSections.all({ instructorId, deckId: input.deckId });
  if (rows.length === 0) return 'deck';
  const keys = new Set(rows.map((r) => r.key));
  if (input.sectionKeys !== null && (input.sectionKeys.length === 0 || input.sectionKeys.some((k) => !keys.has(k)))) return 'sections';
  return null;
}

const insertStmt = db.$client.prepare<{ classId: number; deckId: string; sectionKeys: string | null; dueAt: number; goalQuizScore: number | null; goalRecall: number | null; now: number }>(`
  INSERT INTO assignments (class_id, deck_id, section_keys, due_at, goal_quiz_score, goal_recall, created_at)
  VALUES (@classId, @deckId, @sectionKeys, @dueAt, @goalQuizScore, @goalRecall, @now)
`);

function columns(input: AssignmentInput) {
  return { ...input, sectionKeys: input.sectionKeys === null ? null : JSON.stringify(input.sectionKeys) };
}

export function createAssignment(instructorId: number, classId: number, input: AssignmentInput, now: Date): { id: number } | { error: AssignmentWriteError } {
  if (!ownsClass.get({ instructorId, classId })) return { error: 'not-found' };
  const error = checkInput(instructorId, input);
  if (error) return { error };
  const result = insertStmt.run({ classId, ...columns(input), now: now.getTime() });
  return { id: Number(result.lastInsertRowid) };
}

const ownedAssignment = db.$client.prepare<{ instructorId: number; assignmentId: number }, { classId: number }>(`
  SELECT a.class_id AS classId FROM assignments a JOIN classes cl ON cl.id = a.class_id
  WHERE a.id = @assignmentId AND cl.instructor_id = @instructorId
`);

/** One assignment, only if it belongs to one of this instructor's classes. */
export function assignmentForInstructor(instructorId: number, assignmentId: number): AssignmentView | undefined {
  const owner = ownedAssignment.get({ instructorId, assignmentId });
  return owner ? assignmentsForClass(instructorId, owner.classId).find((a) => a.id === assignmentId) : undefined;
}

const updateStmt = db.$client.prepare<{ instructorId: number; id: number; deckId: string; sectionKeys: string | null; dueAt: number; goalQuizScore: number | null; goalRecall: number | null }>(`
  UPDATE assignments SET deck_id = @deckId, section_keys = @sectionKeys, due_at = @dueAt, goal_quiz_score = @goalQuizScore, goal_recall = @goalRecall
  WHERE id = @id AND class_id IN (SELECT id FROM classes WHERE instructor_id = @instructorId)
`);

export function updateAssignment(instructorId: number, assignmentId: number, input: AssignmentInput): { classId: number } | { error: AssignmentWriteError } {
  const owner = ownedAssignment.get({ instructorId, assignmentId });
  if (!owner) return { error: 'not-found' };
  const error = checkInput(instructorId, input);
  if (error) return { error };
  updateStmt.run({ instructorId, id: assignmentId, ...columns(input) });
  return owner;
}

const deleteStmt = db.$client.prepare<{ instructorId: number; assignmentId: number }>(`
  DELETE FROM assignments WHERE id = @assignmentId
    AND class_id IN (SELECT id FROM classes WHERE instructor_id = @instructorId)
`);

export function deleteAssignment(instructorId: number, assignmentId: number): boolean {
  return deleteStmt.run({ instructorId, assignmentId }).changes === 1;
}

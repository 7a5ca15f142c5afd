/**
 * Demo data created on a fresh default database so the app can be tried at once: a student,
 * an instructor, and the instructor's class (the student enrolled) with the article assigned.
 */
import type { Db } from './connection';
import { countUsers, createUser } from './admin/users';
import { sqliteEngine } from './engine/sqlite';
import { generateJoinCode } from '@/lib/teach/join-code';

export const DEMO_ACCOUNTS = [
  { role: 'student', name: 'Sam Student', email: 'student@demo.test', password: 'demo-student-pass' },
  { role: 'instructor', name: 'Iris Instructor', email: 'instructor@demo.test', password: 'demo-instructor-pass' },
] as const;

export const DEMO_DECK = 'war-for-peace';

/** Creates the demo accounts and class when the database has no users; returns the class join code, or null. */
export async function ensureDemoUsers(db: Db, now = new Date()): Promise<string | null> {
  const engine = sqliteEngine(db);
  if ((await countUsers(engine)) > 0) return null;
  const [student, instructor] = [await createUser(engine, DEMO_ACCOUNTS[0]), await createUser(engine, DEMO_ACCOUNTS[1])];
  const hasDeck = db.$client.prepare('SELECT 1 FROM decks WHERE id = ?').get(DEMO_DECK) !== undefined;
  if (!hasDeck) return null;
  const joinCode = generateJoinCode();
  db.$client.transaction(() => {
    const cls = db.$client
      .prepare("INSERT INTO classes (instructor_id, name, join_code, time_zone, created_at) VALUES (?, 'POLS 210 · Russia and its neighbours', ?, 'UTC', ?)")
      .run(instructor.id, joinCode, now.getTime());
    db.$client.prepare('INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (?, ?, ?)').run(cls.lastInsertRowid, student.id, now.getTime());
    // Due a week from now at 17:00 UTC, with a quiz goal of 70 % (its quiz: 10 questions, answers at the end) and a memory goal of 0.85.
    const due = new Date(now.getTime() + 7 * 86_400_000);
    due.setUTCHours(17, 0, 0, 0);
    db.$client
      .prepare('INSERT INTO assignments (class_id, deck_id, section_keys, due_at, goal_quiz_score, goal_recall, created_at, quiz_questions) VALUES (?, ?, NULL, ?, 70, 0.85, ?, 10)')
      .run(cls.lastInsertRowid, DEMO_DECK, due.getTime(), now.getTime());
  })();
  return joinCode;
}

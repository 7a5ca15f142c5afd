/**
 * Demo data created on a fresh default database so the app can be tried at once: a student,
 * an instructor, and the instructor's class (the student enrolled) with the article assigned.
 * On the engine (db/engine), so `npm start` does the same on SQLite and on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword } from '@/lib/auth/password';
import { generateJoinCode } from '@/lib/teach/join-code';
import { countUsers, insertAccount } from './admin/users';
import { bare } from './engine/fragments';
import { int } from './engine/rows';
import type { Engine, Queryable } from './engine/types';
import { assignments, classes, decks, enrollments } from './schema';

export const DEMO_ACCOUNTS = [
  { role: 'student', name: 'Sam Student', email: 'student@demo.test', password: 'demo-student-pass' },
  { role: 'instructor', name: 'Iris Instructor', email: 'instructor@demo.test', password: 'demo-instructor-pass' },
] as const;

export const DEMO_DECK = 'war-for-peace';

const idRow = z.object({ id: int });
/** Creates the demo accounts and class when the database has no users; returns the class join code, or null. */
export async function ensureDemoUsers(db: Engine, now = new Date()): Promise<string | null> {
  const none = async (q: Queryable) => (await countUsers(q)) === 0;
  if (!(await none(db))) return null;
  // Hashing takes a while (argon2): before the transaction, not inside it.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  const at = now.getTime();
  return db.transaction(async (tx) => {
    // Two servers starting at once on one PostgreSQL database: the second finds the users the first made.
    await tx.run(tx.fragments.lockTransaction('demo-users'));
    if (!(await none(tx))) return null;
    const { password: _s, ...student } = DEMO_ACCOUNTS[0];
    const { password: _i, ...instructor } = DEMO_ACCOUNTS[1];
    const studentId = (await insertAccount(tx, { ...student, passwordHash: hashes[0]! })).id;
    const instructorId = (await insertAccount(tx, { ...instructor, passwordHash: hashes[1]! })).id;
    const hasDeck = await tx.get(sql`SELECT 1 AS "id" FROM ${decks} WHERE ${decks.id} = ${DEMO_DECK}`, idRow);
    if (!hasDeck) return null;
    const joinCode = generateJoinCode();
    const cls = await tx.get(
      sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)}, ${bare(classes.timeZone)}, ${bare(classes.createdAt)})
          VALUES (${instructorId}, 'POLS 210 · Russia and its neighbours', ${joinCode}, 'UTC', ${at}) RETURNING ${classes.id} AS "id"`,
      idRow,
    );
    if (!cls) throw new Error('the demo class was not created');
    await tx.run(
      sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)}) VALUES (${cls.id}, ${studentId}, ${at})`,
    );
    // Due a week from now at 17:00 UTC, with a quiz goal of 70 % (its quiz: 10 questions, answers at the end) and a memory goal of 0.85.
    const due = new Date(at + 7 * 86_400_000);
    due.setUTCHours(17, 0, 0, 0);
    await tx.run(
      sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.deckId)}, ${bare(assignments.sectionKeys)}, ${bare(assignments.dueAt)},
            ${bare(assignments.goalQuizScore)}, ${bare(assignments.goalRecall)}, ${bare(assignments.createdAt)}, ${bare(assignments.quizQuestions)})
          VALUES (${cls.id}, ${DEMO_DECK}, NULL, ${due.getTime()}, 70, 0.85, ${at}, 10)`,
    );
    return joinCode;
  });
}

// The demo data npm start creates on a fresh default database (db/demo.ts), on either engine: the two
// accounts, the instructor's class with the student enrolled and the article assigned, and nothing
// the second time (a database with users is left alone).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { DEMO_ACCOUNTS, DEMO_DECK, ensureDemoUsers } from '@/db/demo';
import { assignments, classes, enrollments, users } from '@/db/schema';
import { loadRealDeck } from '../support/fixtures';

const NOW = new Date('2026-11-30T09:30:00Z');

describe('the demo accounts', () => {
  beforeAll(async () => {
    await loadRealDeck();
  });

  it('creates both accounts and the demo class on a database without users, and nothing the second time', async () => {
    const db = await engine();
    const joinCode = await ensureDemoUsers(db, NOW);
    expect(joinCode).toMatch(/^[A-Z0-9]{10}$/);

    const accounts = await db.all(sql`SELECT ${users.id} AS "id", ${users.email} AS "email", ${users.role} AS "role" FROM ${users} ORDER BY ${users.id}`, z.object({ id: int, email: z.string(), role: z.string() }));
    expect(accounts.map(({ email, role }) => ({ email, role }))).toEqual(DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })));
    const [student, instructor] = accounts;

    const cls = await db.get(sql`SELECT ${classes.id} AS "id", ${classes.instructorId} AS "instructorId", ${classes.joinCode} AS "joinCode" FROM ${classes}`, z.object({ id: int, instructorId: int, joinCode: z.string() }));
    expect(cls).toMatchObject({ instructorId: instructor!.id, joinCode });
    const enrolled = await db.all(sql`SELECT ${enrollments.userId} AS "userId" FROM ${enrollments} WHERE ${enrollments.classId} = ${cls!.id}`, z.object({ userId: int }));
    expect(enrolled).toEqual([{ userId: student!.id }]);
    const assigned = await db.get(
      sql`SELECT ${assignments.deckId} AS "deckId", ${assignments.dueAt} AS "dueAt", ${assignments.goalQuizScore} AS "goalQuizScore", ${assignments.goalRecall} AS "goalRecall", ${assignments.quizQuestions} AS "quizQuestions"
          FROM ${assignments} WHERE ${assignments.classId} = ${cls!.id}`,
      z.object({ deckId: z.string(), dueAt: int, goalQuizScore: z.number(), goalRecall: z.number(), quizQuestions: int }),
    );
    // A week after NOW, at 17:00 UTC.
    expect(assigned).toEqual({ deckId: DEMO_DECK, dueAt: Date.parse('2026-12-07T17:00:00Z'), goalQuizScore: 70, goalRecall: 0.85, quizQuestions: 10 });

    expect(await ensureDemoUsers(db, NOW)).toBeNull();
    const count = await db.get(sql`SELECT count(*) AS "n" FROM ${users}`, z.object({ n: int }));
    expect(count).toEqual({ n: 2 });
  });
});

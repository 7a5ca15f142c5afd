/**
 * A class deck's quiz attempts belong to the class: a student removed from it can no longer open
 * an attempt on its deck, answer in it, finish it or see its answers and explanations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { assignments, classes, enrollments, quizAttempts } from '@/db/schema';
import { removeStudent } from '@/db/queries/classes';
import { answerQuestion, finishQuiz, quizAttemptView, quizResult, recentAttempts, startQuiz } from '@/db/queries/quizzes';
import { makeUser } from '../support/fixtures';
import { makeTinyDeck } from '../support/teach-fixtures';

const T0 = new Date('2026-03-02T09:00:00Z');
const DECK = 'class-only-deck';

describe('quiz attempts on a class deck after the student is removed from the class', () => {
  let instructor: { id: number };
  let student: { id: number };
  let classId: number;
  let cards: Record<string, number>;

  beforeAll(async () => {
    instructor = await makeUser('instructor');
    student = await makeUser();
    cards = await makeTinyDeck(DECK, instructor.id);
    const e = await engine();
    const created = await e.get(
      sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)})
          VALUES (${instructor.id}, 'Class', 'ENROL1') RETURNING ${classes.id} AS "id"`,
      z.object({ id: int }),
    );
    if (!created) throw new Error('inserting a class returned no id');
    classId = created.id;
    await e.run(sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)}) VALUES (${classId}, ${student.id}, ${T0.getTime()})`);
    await e.run(sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.deckId)}, ${bare(assignments.dueAt)}) VALUES (${classId}, ${DECK}, ${T0.getTime() + 7 * 86_400_000})`);
  });

  it('opens while enrolled, and refuses every read and write once removed', async () => {
    const started = await startQuiz(student.id, { deckId: DECK, feedback: 'end', count: 3 }, T0, () => 0.5);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const finished = await startQuiz(student.id, { deckId: DECK, feedback: 'end', count: 3 }, T0, () => 0.5);
    if (!finished.ok) throw new Error('second attempt');
    const first = await quizAttemptView(student.id, finished.attemptId);
    for (const q of first?.questions ?? []) await answerQuestion(student.id, finished.attemptId, { cardId: q.cardId, response: 0 }, T0);
    expect((await finishQuiz(student.id, finished.attemptId, T0)).ok).toBe(true);
    expect(await quizAttemptView(student.id, started.attemptId)).not.toBeNull();
    expect(await quizResult(student.id, finished.attemptId)).not.toBeNull();
    expect(await recentAttempts(student.id, DECK)).toHaveLength(2);

    expect(await removeStudent(instructor.id, classId, student.id)).toBe(true);

    expect(await quizAttemptView(student.id, started.attemptId)).toBeNull();
    expect(await quizResult(student.id, finished.attemptId)).toBeNull();
    expect(await quizResult(student.id, started.attemptId)).toBeNull();
    expect(await answerQuestion(student.id, started.attemptId, { cardId: cards.c2 as number, response: 1 }, T0)).toMatchObject({ ok: false });
    expect(await finishQuiz(student.id, started.attemptId, T0)).toMatchObject({ ok: false });
    expect(await recentAttempts(student.id, DECK)).toEqual([]);
    expect(await recentAttempts(student.id)).toEqual([]);
    const open = await (await engine()).get(
      sql`SELECT ${quizAttempts.finishedAt} AS "f" FROM ${quizAttempts} WHERE ${quizAttempts.id} = ${started.attemptId}`,
      z.object({ f: int.nullable() }),
    );
    expect(open).toEqual({ f: null }); // nothing written by the refused finish
  });
});

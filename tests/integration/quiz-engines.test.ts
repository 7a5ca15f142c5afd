// The quiz and study queries (db/queries/study.ts, quizzes.ts, quiz-views.ts, quiz-overrules.ts,
// student-attempts.ts, assignment-quiz.ts) on the engine; runs on SQLite and on PostgreSQL
// (vitest.config.mts ON_BOTH_ENGINES). Everything is arranged through the engine. The day's
// new-card allowance is used up first, so answering records no grade: the grade write
// (reviews.ts recordReview) is not on the engine yet, and this file checks the quiz's own SQL.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { assignments, classes, enrollments, quizAnswers, reviewLogs } from '@/db/schema';
import { decideOverrule, overrulesForAttempt, pendingOverrules, requestOverrule, attemptCountsForAssignment } from '@/db/queries/quiz-overrules';
import { answerQuestion, finishQuiz, quizAttemptView, quizResult, quizSetupFor, recentAttempts, startQuiz } from '@/db/queries/quizzes';
import { startAssignmentQuiz } from '@/db/queries/assignment-quiz';
import { studentAttempts } from '@/db/queries/student-attempts';
import { deckQueueFor, queueCountsByDeck, studySessionFor } from '@/db/queries/study';
import type { PresentedQuestion } from '@/lib/quiz/present';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const DECK = 'war-for-peace';
const T0 = Date.parse('2026-03-02T12:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const idRow = z.object({ id: int });

/** A response of the right shape for the question as shown (right or wrong: the feedback says which). */
function someResponse(q: PresentedQuestion): unknown {
  switch (q.type) {
    case 'mcq':
      return 0;
    case 'truefalse':
      return true;
    case 'typed':
      return 'certainly not the answer';
    case 'ordering':
      return q.steps.map((_, i) => i);
  }
}

let student: Awaited<ReturnType<typeof makeUser>>;
let instructor: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  await loadRealDeck();
  [student, instructor] = await Promise.all([makeUser(), makeUser('instructor')]);
  // Today's new cards (default limit 20) already introduced, by reviews logged this morning.
  const db = await engine();
  const ids = (await cardIds(DECK)).slice(-20);
  for (const [i, cardId] of ids.entries()) {
    await db.run(sql`INSERT INTO ${reviewLogs} (${bare(reviewLogs.userId)}, ${bare(reviewLogs.cardId)}, ${bare(reviewLogs.clientId)}, ${bare(reviewLogs.rating)},
        ${bare(reviewLogs.reviewedAt)}, ${bare(reviewLogs.stateBefore)}, ${bare(reviewLogs.dueAfter)}, ${bare(reviewLogs.stabilityAfter)},
        ${bare(reviewLogs.difficultyAfter)}, ${bare(reviewLogs.scheduledDays)}, ${bare(reviewLogs.createdAt)})
      VALUES (${student.id}, ${cardId}, ${`morning-${i}`}, ${3}, ${T0 - 60_000}, ${0}, ${T0 + 86_400_000}, ${2.5}, ${5}, ${1}, ${T0 - 60_000})`);
  }
});

describe('quizzes on the engine', () => {
  it('sets up, starts, answers, finishes and lists a practice quiz', async () => {
    const setup = await quizSetupFor(student.id, DECK);
    expect(setup?.deck.id).toBe(DECK);
    expect(setup?.sections.length).toBeGreaterThan(0);
    expect(setup?.sections.every((s) => s.questionCount > 0)).toBe(true);
    expect(await quizSetupFor(student.id, 'no-such-deck')).toBeNull();

    const started = await startQuiz(student.id, { deckId: DECK, count: 3, feedback: 'immediate' }, at(0), () => 0.5);
    if (!started.ok) throw new Error(started.message);
    const view = await quizAttemptView(student.id, started.attemptId);
    expect(view?.questions).toHaveLength(3);
    expect(view?.questions.some((q) => q.answered)).toBe(false);
    expect(await quizAttemptView(instructor.id, started.attemptId)).toBeNull();

    let right = 0;
    for (const [i, q] of (view?.questions ?? []).entries()) {
      const out = await answerQuestion(student.id, started.attemptId, { cardId: q.cardId, response: someResponse(q.question) }, at(1 + i));
      if (!out.ok) throw new Error(out.message);
      expect(out).toMatchObject({ duplicate: false, answeredCount: i + 1, finished: i === 2 });
      if (out.feedback.correct) right++;
    }
    const first = view?.questions[0];
    if (!first) throw new Error('no question');
    const again = await answerQuestion(student.id, started.attemptId, { cardId: first.cardId, response: someResponse(first.question) }, at(9));
    expect(again).toMatchObject({ ok: true, duplicate: true, finished: true });
    // Past today's new-card limit: the answers count for the quiz and write no grade.
    const logged = await (await engine()).all(
      sql`SELECT ${quizAnswers.id} AS "id" FROM ${quizAnswers} WHERE ${quizAnswers.attemptId} = ${started.attemptId} AND ${quizAnswers.reviewLogId} IS NULL`,
      idRow,
    );
    expect(logged).toHaveLength(3);

    expect(await finishQuiz(student.id, started.attemptId, at(10))).toEqual({ ok: true, correctCount: right, questionCount: 3 });
    const result = await quizResult(student.id, started.attemptId);
    expect(result?.score).toEqual({ correct: right, total: 3, percent: Math.round((right / 3) * 100) });
    expect(result?.questions.map((q) => q.answered)).toEqual([true, true, true]);
    expect(await recentAttempts(student.id, DECK)).toMatchObject([{ id: started.attemptId, answeredCount: 3, correctCount: right, finishedAt: at(3).getTime() }]);
    expect(await recentAttempts(instructor.id)).toEqual([]);
  });

  it("counts Today's queue as the deck's queue does, and builds its session", async () => {
    const counts = (await queueCountsByDeck(student.id, at(20))).get(DECK);
    const queue = await deckQueueFor(student.id, DECK, at(20));
    expect(counts).toMatchObject(queue?.queue.counts ?? {});
    expect(counts?.new).toBe(0); // the allowance is used up
    expect(counts?.studied).toBe(0); // reviews logged by hand left no card states
    const session = await studySessionFor(student.id, DECK, at(20));
    expect(session?.deck.id).toBe(DECK);
    expect(session?.counts).toEqual(queue?.queue.counts);
    expect(await deckQueueFor(student.id, 'no-such-deck', at(20))).toBeNull();
  });

  it("runs an assignment's quiz, its overrule request and the instructor's decision", async () => {
    const db = await engine();
    const klass = await db.get(
      sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)}, ${bare(classes.createdAt)})
          VALUES (${instructor.id}, ${'Seminar'}, ${'ENGINES01'}, ${T0}) RETURNING ${classes.id} AS "id"`,
      idRow,
    );
    if (!klass) throw new Error('no class');
    await db.run(sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)}) VALUES (${klass.id}, ${student.id}, ${T0})`);
    const f = db.fragments;
    const assignment = await db.get(
      sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.deckId)}, ${bare(assignments.dueAt)}, ${bare(assignments.goalQuizScore)},
            ${bare(assignments.quizTypes)}, ${bare(assignments.quizQuestions)}, ${bare(assignments.quizAttempts)}, ${bare(assignments.quizFeedback)}, ${bare(assignments.createdAt)})
          VALUES (${klass.id}, ${DECK}, ${T0 + 7 * 86_400_000}, ${80}, ${f.json(['typed'])}, ${2}, ${1}, ${'end'}, ${T0}) RETURNING ${assignments.id} AS "id"`,
      idRow,
    );
    if (!assignment) throw new Error('no assignment');

    const started = await startAssignmentQuiz(student.id, assignment.id, at(30), () => 0.5);
    if (!started.ok) throw new Error(started.message);
    expect(started.continued).toBe(false);
    expect(await startAssignmentQuiz(student.id, assignment.id, at(31))).toEqual({ ok: true, attemptId: started.attemptId, continued: true });
    expect(await startAssignmentQuiz(instructor.id, assignment.id, at(31))).toMatchObject({ ok: false, reason: 'not_found' });

    const view = await quizAttemptView(student.id, started.attemptId);
    expect(view?.questions.map((q) => q.question.type)).toEqual(['typed', 'typed']);
    for (const [i, q] of (view?.questions ?? []).entries()) {
      const out = await answerQuestion(student.id, started.attemptId, { cardId: q.cardId, response: 'certainly not the answer' }, at(32 + i));
      expect(out).toMatchObject({ ok: true, feedbackMode: 'end', feedback: { correct: false } });
    }
    const [card] = view?.questions ?? [];
    if (!card) throw new Error('no question');

    expect(await attemptCountsForAssignment(student.id, started.attemptId)).toBe(true);
    expect(await requestOverrule(student.id, started.attemptId, card.cardId, at(40))).toEqual({ ok: true, status: 'pending' });
    expect(await requestOverrule(student.id, started.attemptId, card.cardId, at(41))).toEqual({ ok: true, status: 'pending' });
    expect((await overrulesForAttempt(student.id, started.attemptId)).get(card.cardId)).toBe('pending');

    const requests = await pendingOverrules(instructor.id, klass.id, assignment.id);
    expect(requests).toMatchObject([{ studentName: student.name, typed: 'certainly not the answer', sameTextOthers: 0 }]);
    expect(requests[0]?.accepted.length).toBeGreaterThan(0);
    expect(await pendingOverrules(student.id, klass.id, assignment.id)).toEqual([]);
    const id = requests[0]?.id ?? 0;
    expect(await decideOverrule(student.id, id, 'accept', at(50))).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await decideOverrule(instructor.id, id, 'accept', at(50))).toEqual({ ok: true, rescored: 1 });
    expect(await decideOverrule(instructor.id, id, 'decline', at(51))).toMatchObject({ ok: false, reason: 'finished' });
    expect((await quizResult(student.id, started.attemptId))?.score).toEqual({ correct: 1, total: 2, percent: 50 });

    const attempts = await studentAttempts(student.id, assignment.id, DECK);
    const mine = attempts.find((a) => a.id === started.attemptId);
    expect(mine).toMatchObject({ kind: 'assignment', correctCount: 1, questionCount: 2 });
    expect(mine?.answers.map((a) => [a.correct, a.overrule])).toEqual([
      [true, 'accepted'],
      [false, null],
    ]);
    // The practice quiz of the first test is listed too, as practice.
    expect(attempts.filter((a) => a.kind === 'practice')).toHaveLength(1);
  });
});

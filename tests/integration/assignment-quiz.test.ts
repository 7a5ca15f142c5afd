/**
 * Assignment quizzes (issue 16) on a real SQLite file with the real deck: only finished attempts
 * of the assignment's own quiz count toward its goal, on Today, the class dashboard and the
 * gradebook alike; practice quizzes and quizzes on other sections never do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { cards as c, quizAttempts, sections as s } from '@/db/schema';
import { startAssignmentQuiz } from '@/db/queries/assignment-quiz';
import { assignmentForInstructor, createAssignment, updateAssignment } from '@/db/queries/assignments';
import { assignmentAnalyticsFor, gradebookFor } from '@/db/queries/class-analytics';
import { createClass } from '@/db/queries/classes';
import { answerQuestion, finishQuiz, startQuiz } from '@/db/queries/quizzes';
import { assignmentsForStudent } from '@/db/queries/student-assignments';
import type { AssignmentQuizSpec } from '@/lib/teach/assignment-quiz';
import { countOf, loadRealDeck, makeUser } from '../support/fixtures';
import { enroll } from '../support/teach-fixtures';
import { attemptCards, cardRow, responseFor } from '../support/quiz-responses';

const DECK = 'war-for-peace';
const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const DUE = T0 + 7 * 86_400_000;
const QUIZ: AssignmentQuizSpec = { sectionKeys: null, questions: 10, types: null, attempts: 2, feedback: 'end' };

/** Answers every question of an attempt, the first `right` of them right, and returns the attempt's score. */
async function take(userId: number, attemptId: number, right: number, minute: number) {
  for (const [i, cardId] of (await attemptCards(attemptId)).entries()) {
    const out = await answerQuestion(userId, attemptId, { cardId, response: await responseFor(attemptId, cardId, i < right) }, at(minute + i * 0.1));
    if (!out.ok) throw new Error(out.message);
  }
  return await finishQuiz(userId, attemptId, at(minute + 2));
}

async function setup(quiz: AssignmentQuizSpec = QUIZ) {
  const instructor = await makeUser('instructor');
  const student = await makeUser();
  const classId = await createClass(instructor.id, { name: 'Seminar', timeZone: 'UTC' }, at(-60));
  await enroll(classId, student.id, T0 - 3_600_000);
  const created = await createAssignment(instructor.id, classId, { deckId: DECK, sectionKeys: ['intro'], dueAt: DUE, goalQuizScore: 80, goalRecall: null, quiz }, at(-30));
  if (!('id' in created)) throw new Error(created.error);
  const views = async () => {
    const today = (await assignmentsForStudent(student.id, at(100))).find((a) => a.id === created.id);
    const dashboard = (await assignmentAnalyticsFor(instructor.id, classId, created.id, at(100)))?.students.find((s) => s.userId === student.id);
    const gradebook = (await gradebookFor(instructor.id, classId, at(100)))?.grades.get(created.id)?.get(student.id);
    return { today, dashboard, gradebook };
  };
  return { instructor, student, classId, assignmentId: created.id, views };
}

describe('assignment quizzes', () => {
  beforeAll(async () => {
    await loadRealDeck();
  });

  it('counts only the assignment quiz: not a practice quiz on its section, not a 2-question quiz on another', async () => {
    const { student, assignmentId, views } = await setup();
    const practice = await startQuiz(student.id, { deckId: DECK, sectionKeys: ['intro'], count: 10, feedback: 'immediate' }, at(0));
    if (!practice.ok) throw new Error(practice.message);
    expect(await take(student.id, practice.attemptId, 10, 0)).toMatchObject({ correctCount: 10, questionCount: 10 });
    const other = await startQuiz(student.id, { deckId: DECK, sectionKeys: ['future'], count: 2, feedback: 'immediate' }, at(5));
    if (!other.ok) throw new Error(other.message);
    expect(await take(student.id, other.attemptId, 2, 5)).toMatchObject({ correctCount: 2, questionCount: 2 });
    let v = await views();
    for (const seen of [v.today?.bestQuiz, v.dashboard?.bestQuiz, v.gradebook?.bestQuiz]) expect(seen).toBeNull();
    expect(v.dashboard?.goalsMet.quiz).toBe(false);

    const started = await startAssignmentQuiz(student.id, assignmentId, at(10));
    if (!started.ok) throw new Error(started.message);
    const cards = await attemptCards(started.attemptId);
    expect(cards).toHaveLength(10);
    for (const id of cards) expect((await cardRow(id)).sectionKey).toBe('intro');
    // An open attempt is continued, not doubled.
    expect(await startAssignmentQuiz(student.id, assignmentId, at(11))).toEqual({ ok: true, attemptId: started.attemptId, continued: true });
    expect(await take(student.id, started.attemptId, 9, 12)).toMatchObject({ correctCount: 9, questionCount: 10 });

    v = await views();
    expect(v.today).toMatchObject({ bestQuiz: 0.9, quiz: { used: 1, left: 1, openAttemptId: null, questions: 10 } });
    expect(v.dashboard).toMatchObject({ bestQuiz: 0.9, goalsMet: { quiz: true } });
    expect(v.gradebook?.bestQuiz).toBe(0.9);
    expect(v.today?.status).toBe(v.dashboard?.status);
  });

  it('refuses a third attempt when two are allowed, and counts only finished ones', async () => {
    const { student, assignmentId, views } = await setup({ ...QUIZ, questions: 3 });
    const first = await startAssignmentQuiz(student.id, assignmentId, at(0));
    if (!first.ok) throw new Error(first.message);
    // Two right answers, the third left unanswered: an open attempt does not count.
    for (const [i, cardId] of (await attemptCards(first.attemptId)).slice(0, 2).entries()) await answerQuestion(student.id, first.attemptId, { cardId, response: await responseFor(first.attemptId, cardId, true) }, at(1 + i));
    expect((await views()).today?.bestQuiz).toBeNull();
    await finishQuiz(student.id, first.attemptId, at(4));
    expect((await views()).today?.bestQuiz).toBeCloseTo(2 / 3, 10);
    const second = await startAssignmentQuiz(student.id, assignmentId, at(5));
    if (!second.ok) throw new Error(second.message);
    await take(student.id, second.attemptId, 1, 6);
    expect(await startAssignmentQuiz(student.id, assignmentId, at(10))).toMatchObject({ ok: false, reason: 'no_attempts_left' });
    expect((await views()).today).toMatchObject({ quiz: { used: 2, left: 0 } });
    expect((await views()).today?.bestQuiz).toBeCloseTo(2 / 3, 10);
  });

  it('draws from the quiz sections and types the instructor chose', async () => {
    const { student, assignmentId } = await setup({ sectionKeys: ['principles', 'future'], questions: null, types: ['truefalse'], attempts: null, feedback: 'immediate' });
    const started = await startAssignmentQuiz(student.id, assignmentId, at(0));
    if (!started.ok) throw new Error(started.message);
    const expected = await countOf(sql`SELECT count(*) AS "n" FROM ${c} JOIN ${s} ON ${s.id} = ${c.sectionId}
                                       WHERE ${c.deckId} = ${DECK} AND ${c.retiredAt} IS NULL AND ${c.type} = 'truefalse' AND ${s.key} IN ('principles', 'future')`);
    const cards = await attemptCards(started.attemptId);
    expect(cards).toHaveLength(expected);
    for (const id of cards) {
      expect((await cardRow(id)).type).toBe('truefalse');
      expect(['principles', 'future']).toContain((await cardRow(id)).sectionKey);
    }
    const feedback = await (await engine()).get(sql`SELECT ${quizAttempts.feedback} AS "feedback" FROM ${quizAttempts} WHERE ${quizAttempts.id} = ${started.attemptId}`, z.object({ feedback: z.string() }));
    expect(feedback?.feedback).toBe('immediate');
  });

  it('refuses outsiders, assignments without a quiz goal, and quizzes with no questions', async () => {
    const { instructor, classId, assignmentId } = await setup();
    const outsider = await makeUser();
    expect(await startAssignmentQuiz(outsider.id, assignmentId, at(0))).toMatchObject({ ok: false, reason: 'not_found' });
    const noGoal = await createAssignment(instructor.id, classId, { deckId: DECK, sectionKeys: null, dueAt: DUE, goalQuizScore: null, goalRecall: 0.8 }, at(0));
    if (!('id' in noGoal)) throw new Error(noGoal.error);
    const student = await makeUser();
    await enroll(classId, student.id, T0);
    expect(await startAssignmentQuiz(student.id, noGoal.id, at(1))).toMatchObject({ ok: false, reason: 'no_quiz' });
    // "Counterterrorism" has no ordering question: a quiz of only those would be empty.
    expect(await updateAssignment(instructor.id, assignmentId, { deckId: DECK, sectionKeys: ['intro'], dueAt: DUE, goalQuizScore: 80, goalRecall: null, quiz: { ...QUIZ, sectionKeys: ['counterterrorism'], types: ['ordering'] } })).toEqual({ error: 'quiz-empty' });
    expect(await updateAssignment(instructor.id, assignmentId, { deckId: DECK, sectionKeys: ['intro'], dueAt: DUE, goalQuizScore: 80, goalRecall: null, quiz: { ...QUIZ, sectionKeys: ['nowhere'] } })).toEqual({ error: 'quiz-sections' });
    expect((await assignmentForInstructor(instructor.id, assignmentId))?.quiz).toEqual(QUIZ);
  });
});

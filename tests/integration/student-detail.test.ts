/**
 * The student detail page's numbers against the class dashboard's and the gradebook's, on a real
 * SQLite file with the real deck, a class of four students with simulated months of reviews through
 * the real grade path, assignment quizzes and practice quizzes. The detail query must give each
 * student exactly the row the dashboard and the gradebook give them, per assignment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { reviewLogs as l } from '@/db/schema';
import { startAssignmentQuiz } from '@/db/queries/assignment-quiz';
import { createAssignment } from '@/db/queries/assignments';
import { assignmentAnalyticsFor, gradebookFor } from '@/db/queries/class-analytics';
import { createClass, removeStudent } from '@/db/queries/classes';
import { answerQuestion, finishQuiz, startQuiz } from '@/db/queries/quizzes';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { studentDetailFor } from '@/db/queries/student-detail';
import { mulberry32 } from '@/lib/random';
import { cardIds, countOf, loadRealDeck, makeUser } from '../support/fixtures';
import { attemptCards, responseFor } from '../support/quiz-responses';
import { simulateLearner } from '../support/simulated-learner';
import { DAY, enroll } from '../support/teach-fixtures';

const DECK = 'war-for-peace';
const T0 = Date.parse('2026-03-02T00:00:00Z');
const at = (days: number) => new Date(T0 + days * DAY);
// A millisecond before midnight UTC: the last 7 calendar days of activity are then the same
// reviews as the dashboard's "reviews in the last 7 days" (the simulated ones fall at 10:00).
const NOW = new Date(T0 + 30 * DAY - 1);

type Setup = Awaited<ReturnType<typeof setup>>;
let s: Setup;

/** Answers every question of an attempt, the first `right` right, the rest wrong, then finishes it. */
async function take(userId: number, attemptId: number, right: number, day: number) {
  for (const [i, cardId] of (await attemptCards(attemptId)).entries()) {
    const out = await answerQuestion(userId, attemptId, { cardId, response: await responseFor(attemptId, cardId, i < right) }, at(day + i / 1000));
    if (!out.ok) throw new Error(out.message);
  }
  const done = await finishQuiz(userId, attemptId, at(day + 0.01));
  if (!done.ok) throw new Error(done.message);
}

async function setup() {
  await loadRealDeck();
  const instructor = await makeUser('instructor');
  const other = await makeUser('instructor');
  const students = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  const outsider = await makeUser();
  const classId = await createClass(instructor.id, { name: 'Seminar', timeZone: 'UTC' }, at(-2));
  const otherClass = await createClass(other.id, { name: 'Elsewhere', timeZone: 'UTC' }, at(-2));
  await enroll(otherClass, outsider.id, T0);
  const quiz = { sectionKeys: null, questions: 5, types: null, attempts: 3, feedback: 'end' as const };
  // Past due at NOW (memory as of the due date is read from the log) and still ahead.
  const intro = await createAssignment(instructor.id, classId, { deckId: DECK, sectionKeys: ['intro'], dueAt: +at(20), goalQuizScore: 80, goalRecall: 0.5, quiz }, at(-1));
  const whole = await createAssignment(instructor.id, classId, { deckId: DECK, sectionKeys: null, dueAt: +at(45), goalQuizScore: 60, goalRecall: 0.3, quiz }, at(-1));
  if (!('id' in intro) || !('id' in whole)) throw new Error('assignments not created');
  const cards = await cardIds(DECK);
  for (const [i, u] of students.entries()) await enroll(classId, u.id, T0 - (i === 3 ? -5 * DAY : DAY)); // the fourth joins on day 5
  // Three students with a month of simulated study of 40 cards; the fourth studies nothing.
  for (const [i, u] of students.slice(0, 3).entries()) {
    const settings = await studySettingsFor(u.id);
    for (const [n, r] of simulateLearner({ cards: 40, days: 30, seed: 11 + i, start: new Date(T0 + 10 * 3_600_000) }).entries()) {
      const out = await recordReview(u.id, { cardId: cards[r.cardId - 1]!, grade: r.rating, clientId: `sim-${u.id}-${n}`, reviewedAt: new Date(r.reviewedAt), durationMs: 4000, source: 'review' }, settings, NOW);
      if (!out.ok) throw new Error(out.message);
    }
  }
  const random = mulberry32(5);
  const assignmentQuiz = async (userId: number, assignmentId: number, right: number, day: number) => {
    const started = await startAssignmentQuiz(userId, assignmentId, at(day), random);
    if (!started.ok) throw new Error(started.message);
    await take(userId, started.attemptId, right, day);
    return started.attemptId;
  };
  const [a, b, c] = students as [(typeof students)[0], (typeof students)[0], (typeof students)[0]];
  await assignmentQuiz(a.id, intro.id, 3, 10);
  await assignmentQuiz(a.id, intro.id, 5, 18); // by the due date: meets the quiz goal
  await assignmentQuiz(b.id, intro.id, 4, 25); // after the due date: counts as best, not by due
  await assignmentQuiz(c.id, whole.id, 2, 28);
  const practice = await startQuiz(c.id, { deckId: DECK, sectionKeys: ['intro'], count: 4, feedback: 'immediate' }, at(12), random);
  if (!practice.ok) throw new Error(practice.message);
  await take(c.id, practice.attemptId, 4, 12); // 4/4 in practice: never counts
  // An attempt left open.
  const open = await startAssignmentQuiz(b.id, whole.id, at(29), random);
  if (!open.ok) throw new Error(open.message);
  const first = (await attemptCards(open.attemptId))[0]!;
  await answerQuestion(b.id, open.attemptId, { cardId: first, response: await responseFor(open.attemptId, first, true) }, at(29.001));
  return { instructor, other, students, outsider, classId, intro: intro.id, whole: whole.id, practiceId: practice.attemptId, openId: open.attemptId };
}

beforeAll(async () => {
  s = await setup();
}, 120_000);

/**
 * A row with its predicted recall to 12 places: PostgreSQL sums one student's recall in whatever
 * order its aggregate meets the rows, which can differ between the class query and the student's own
 * in the last bit of a double (SQLite happens to meet them in the same order). Pages show percents.
 */
function asShown<P extends { recallAtDue: number }>(progress: P | undefined) {
  return progress && { ...progress, recallAtDue: Math.round(progress.recallAtDue * 1e12) / 1e12 };
}

describe('the student detail page', () => {
  it('gives each student the same row as the dashboard and the gradebook, on every assignment', async () => {
    const book = await gradebookFor(s.instructor.id, s.classId, NOW);
    for (const student of s.students) {
      const detail = await studentDetailFor(s.instructor.id, s.classId, student.id, NOW);
      expect(detail?.assignments.map((a) => a.assignment.id)).toEqual([s.intro, s.whole]);
      for (const a of detail?.assignments ?? []) {
        const dashboard = (await assignmentAnalyticsFor(s.instructor.id, s.classId, a.assignment.id, NOW))?.students.find((r) => r.userId === student.id);
        expect(dashboard).toBeDefined();
        expect(asShown(a.progress)).toEqual(asShown(dashboard));
        expect(asShown(a.progress)).toEqual(asShown(book?.grades.get(a.assignment.id)?.get(student.id)));
      }
    }
  });

  it('has real history behind it: the figures are not all zero', async () => {
    const rows = await Promise.all(s.students.map(async (u) => (await studentDetailFor(s.instructor.id, s.classId, u.id, NOW))!.assignments[1]!.progress));
    expect(rows.slice(0, 3).every((r) => r.studied > 0 && r.reviews7d > 0 && r.recallAtDue > 0)).toBe(true);
    expect(rows[3]).toMatchObject({ studied: 0, reviews7d: 0, lastActive: null });
    const intro = (await studentDetailFor(s.instructor.id, s.classId, s.students[0]!.id, NOW))!.assignments[0]!;
    expect(intro.progress.bestQuiz).toBe(1);
    expect(intro.progress.goalsMet.quiz).toBe(true);
  });

  it('gives memory per section that adds up to the student’s recall at due, and over the roster to the dashboard’s', async () => {
    for (const u of s.students) {
      for (const a of (await studentDetailFor(s.instructor.id, s.classId, u.id, NOW))!.assignments) {
        const weighted = a.sections.reduce((sum, r) => sum + (r.recallAtDue ?? 0) * r.items, 0) / a.progress.assigned;
        expect(weighted).toBeCloseTo(a.progress.recallAtDue, 10);
      }
    }
    for (const assignmentId of [s.intro, s.whole]) {
      const classSections = (await assignmentAnalyticsFor(s.instructor.id, s.classId, assignmentId, NOW))!.sections;
      const mine = await Promise.all(s.students.map(async (u) => (await studentDetailFor(s.instructor.id, s.classId, u.id, NOW))!.assignments.find((a) => a.assignment.id === assignmentId)!.sections));
      classSections.forEach((section, i) => {
        const rows = mine.map((m) => m[i]!);
        expect(rows.every((r) => r.key === section.key && r.items === section.items)).toBe(true);
        const meanNow = rows.reduce((sum, r) => sum + (r.recallNow ?? 0), 0) / rows.length;
        const meanDue = rows.reduce((sum, r) => sum + (r.recallAtDue ?? 0), 0) / rows.length;
        expect(meanNow).toBeCloseTo(section.recallNow ?? 0, 10);
        expect(meanDue).toBeCloseTo(section.recallAtDue ?? 0, 10);
      });
    }
  });

  it('lists the items each student forgot, most lapses first, from their own log', async () => {
    const detail = (await studentDetailFor(s.instructor.id, s.classId, s.students[0]!.id, NOW))!;
    const forgotten = detail.assignments[1]!.forgotten;
    expect(forgotten.length).toBeGreaterThan(0);
    for (const { item } of forgotten) expect(item.lapseRate).toBeGreaterThan(0);
    // Their lapses per item, from their own log, in the order shown.
    const lapses: number[] = [];
    for (const { item } of forgotten) {
      lapses.push(
        await countOf(sql`SELECT count(*) AS "n" FROM ${l}
                          WHERE ${l.userId} = ${s.students[0]!.id} AND ${l.cardId} = ${item.cardId} AND ${l.undoneAt} IS NULL AND ${l.stateBefore} = 2 AND ${l.rating} = 1`),
      );
    }
    expect(lapses.every((n) => n > 0)).toBe(true);
    expect(forgotten.map((f) => f.lapses)).toEqual(lapses);
    expect([...lapses].sort((x, y) => y - x)).toEqual(lapses);
  });

  it('shows every attempt, marked as the assignment’s quiz or practice, with every answer', async () => {
    const [a, b, c] = [0, 1, 2].map((i) => s.students[i]!) as [Setup['students'][number], Setup['students'][number], Setup['students'][number]];
    const intro = async (id: number) => (await studentDetailFor(s.instructor.id, s.classId, id, NOW))!.assignments[0]!;
    const whole = async (id: number) => (await studentDetailFor(s.instructor.id, s.classId, id, NOW))!.assignments[1]!;
    expect((await intro(a.id)).attempts.map((t) => [t.kind, t.correctCount, t.questionCount])).toEqual([['assignment', 5, 5], ['assignment', 3, 5]]);
    // The practice quiz shows under both assignments of its deck, as practice; C's whole-deck quiz only under that one.
    expect((await intro(c.id)).attempts.map((t) => [t.id, t.kind])).toEqual([[s.practiceId, 'practice']]);
    expect((await whole(c.id)).attempts.map((t) => t.kind)).toEqual(['assignment', 'practice']);
    for (const attempt of [...(await intro(a.id)).attempts, ...(await whole(c.id)).attempts]) {
      expect(attempt.answers).toHaveLength(attempt.questionCount);
      expect(attempt.answers.filter((x) => x.correct)).toHaveLength(attempt.correctCount);
      for (const x of attempt.answers) {
        expect(x.answered).toBe(true);
        expect(x.response).toEqual(expect.any(String));
        expect(x.correctAnswer).not.toBe('');
        if (x.correct && x.type !== 'typed') expect(x.response).toBe(x.correctAnswer);
      }
    }
    // The open attempt: one answer so far, the others not answered (no response, the right answer still named).
    const open = (await whole(b.id)).attempts.find((t) => t.id === s.openId)!;
    expect(open.finishedAt).toBeNull();
    expect(open.answers.filter((x) => x.answered)).toHaveLength(1);
    expect(open.answers.filter((x) => !x.answered).every((x) => x.response === null && x.correctAnswer !== '')).toBe(true);
    // A typed answer keeps the words typed.
    const typed = [...(await intro(a.id)).attempts, ...(await whole(c.id)).attempts].flatMap((t) => t.answers).find((x) => x.type === 'typed' && !x.correct);
    if (typed) expect(typed.response).toBe('certainly not the answer');
  });

  it('counts reviews per day on the assigned items, agreeing with the dashboard’s last 7 days', async () => {
    for (const student of s.students) {
      const detail = (await studentDetailFor(s.instructor.id, s.classId, student.id, NOW))!;
      expect(detail.activity).toHaveLength(28);
      expect(detail.activity.at(-1)?.day).toBe('2026-03-31');
      const last7 = detail.activity.slice(-7).reduce((sum, d) => sum + d.reviews, 0);
      // The whole-deck assignment covers every item the class studies.
      expect(last7).toBe(detail.assignments[1]!.progress.reviews7d);
    }
  });

  it('is there only for the class’s instructor and a student enrolled in it', async () => {
    const a = s.students[0]!;
    expect(await studentDetailFor(s.instructor.id, s.classId, a.id, NOW)).toBeDefined();
    expect(await studentDetailFor(s.other.id, s.classId, a.id, NOW)).toBeUndefined();
    expect(await studentDetailFor(s.instructor.id, s.classId, s.outsider.id, NOW)).toBeUndefined();
    expect(await studentDetailFor(s.instructor.id, s.classId, s.instructor.id, NOW)).toBeUndefined();
    const leaver = await makeUser();
    await enroll(s.classId, leaver.id, T0);
    expect(await studentDetailFor(s.instructor.id, s.classId, leaver.id, NOW)).toBeDefined();
    await removeStudent(s.instructor.id, s.classId, leaver.id, NOW);
    expect(await studentDetailFor(s.instructor.id, s.classId, leaver.id, NOW)).toBeUndefined();
  });
});

// The teaching queries (db/queries: assignments, extensions, class analytics, Today's assignments,
// response analysis, calibration) on PostgreSQL, on a small class whose numbers
// can be worked out by hand: the SQL the two engines spell differently (JSON arrays, flags,
// greatest, recall_at with jsonb weights, sums of conditions) runs and answers the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema.pg';
import type { PgDb } from '@/db/pg/connection';
import type { Engine } from '@/db/engine/types';
import { recallAt } from '@/lib/scheduler/recall';
import { studentAnalytics } from '@/lib/teach/class-analytics';
import { migratedTestDatabase } from '../support/pg-database';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const at = (days: number) => T0 + days * DAY;
const DUE = at(10);
const NOW = new Date(at(12));

let pg: PgDb;
let engine: Engine;
let q: {
  assignments: typeof import('@/db/queries/assignments');
  extensions: typeof import('@/db/queries/extensions');
  facts: typeof import('@/db/queries/assignment-facts');
  mine: typeof import('@/db/queries/student-assignments');
  responses: typeof import('@/db/queries/response-analysis');
  calibration: typeof import('@/db/queries/class-calibration');
};
const ids = { instructor: 0, other: 0, ann: 0, bob: 0, classId: 0, assignmentId: 0, mcq: 0, typed: 0, tf: 0 };

beforeAll(async () => {
  const created = await migratedTestDatabase('teach');
  pg = created.db;
  process.env.DATABASE_URL = created.url;
  engine = await (await import('@/db/engine')).engine();
  q = {
    assignments: await import('@/db/queries/assignments'),
    extensions: await import('@/db/queries/extensions'),
    facts: await import('@/db/queries/assignment-facts'),
    mine: await import('@/db/queries/student-assignments'),
    responses: await import('@/db/queries/response-analysis'),
    calibration: await import('@/db/queries/class-calibration'),
  };
  const user = async (email: string, name: string, role: 'student' | 'instructor' = 'student') =>
    (await pg.insert(schema.users).values({ email, name, role, passwordHash: 'x' }).returning())[0]!.id;
  ids.instructor = await user('teacher@pg.test', 'Teacher', 'instructor');
  ids.other = await user('other@pg.test', 'Other', 'instructor');
  ids.ann = await user('ann@pg.test', 'ann A');
  ids.bob = await user('bob@pg.test', 'Bob B');
  await pg.insert(schema.decks).values({ id: 'pg-tiny', title: 'Tiny', createdAt: new Date(T0) });
  const [s1, s2] = await pg
    .insert(schema.sections)
    .values([
      { deckId: 'pg-tiny', key: 's1', title: 'Section one', position: 1 },
      { deckId: 'pg-tiny', key: 's2', title: 'Section two', position: 2 },
    ])
    .returning();
  const card = async (key: string, type: 'mcq' | 'typed' | 'truefalse', sectionId: number, position: number, payload: Record<string, unknown>) =>
    (
      await pg
        .insert(schema.cards)
        .values({ deckId: 'pg-tiny', sectionId, key, itemId: key, type, position, prompt: `Prompt ${key}`, answer: 'A', payload, contentHash: key, updatedAt: new Date(T0) })
        .returning()
    )[0]!.id;
  const options = [
    { text: 'Right', correct: true, explanation: '' },
    { text: 'Wrong', correct: false, explanation: '' },
  ];
  ids.mcq = await card('m1', 'mcq', s1!.id, 1, { type: 'mcq', question: 'Which?', options });
  ids.typed = await card('t1', 'typed', s1!.id, 2, { type: 'typed', question: 'Say', answers: ['yes'] });
  ids.tf = await card('f1', 'truefalse', s2!.id, 3, { type: 'truefalse', statement: 'True?', answer: true });
  ids.classId = (await pg.insert(schema.classes).values({ instructorId: ids.instructor, name: 'Seminar', joinCode: 'PGTEACH001', createdAt: new Date(at(-2)) }).returning())[0]!.id;
  for (const userId of [ids.ann, ids.bob]) await pg.insert(schema.enrollments).values({ classId: ids.classId, userId, joinedAt: at(-1) });
});

afterAll(async () => {
  await engine?.close();
  await pg?.$client.end();
});

/** One review of `cardId` (new → stability `stability`), with the card state it leaves. */
async function review(userId: number, cardId: number, day: number, stability: number) {
  await pg.insert(schema.reviewLogs).values({
    userId,
    cardId,
    clientId: `${userId}-${cardId}-${day}`,
    rating: 3,
    reviewedAt: at(day),
    stateBefore: 0,
    dueAfter: at(day + 3),
    stabilityAfter: stability,
    difficultyAfter: 5,
    scheduledDays: 3,
    createdAt: at(day),
  });
  await pg.insert(schema.cardStates).values({ userId, cardId, due: at(day + 3), stability, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: at(day), updatedAt: at(day) });
}

describe('the teaching queries on PostgreSQL', () => {
  it('run on the PostgreSQL engine', () => {
    expect(engine.kind).toBe('postgres');
  });

  it('create, list and check assignments, with section titles and the quiz spec decoded', async () => {
    expect(await q.assignments.assignableDecks(ids.instructor, ids.classId)).toEqual([
      { id: 'pg-tiny', title: 'Tiny', sections: [{ key: 's1', title: 'Section one' }, { key: 's2', title: 'Section two' }] },
    ]);
    expect(await q.assignments.createAssignment(ids.other, ids.classId, { deckId: 'pg-tiny', sectionKeys: null, dueAt: DUE, goalQuizScore: null, goalRecall: null }, new Date(T0))).toEqual({ error: 'not-found' });
    expect(await q.assignments.createAssignment(ids.instructor, ids.classId, { deckId: 'pg-tiny', sectionKeys: ['nope'], dueAt: DUE, goalQuizScore: null, goalRecall: null }, new Date(T0))).toEqual({ error: 'sections' });
    const quiz = { sectionKeys: null, questions: 2, types: ['mcq' as const, 'typed' as const], attempts: 2, feedback: 'end' as const };
    expect(await q.assignments.createAssignment(ids.instructor, ids.classId, { deckId: 'pg-tiny', sectionKeys: ['s2'], dueAt: DUE, goalQuizScore: 50, goalRecall: null, quiz }, new Date(T0))).toEqual({ error: 'quiz-empty' });
    const created = await q.assignments.createAssignment(ids.instructor, ids.classId, { deckId: 'pg-tiny', sectionKeys: ['s1'], dueAt: DUE, goalQuizScore: 50, goalRecall: 0.5, quiz }, new Date(T0));
    if (!('id' in created)) throw new Error(created.error);
    ids.assignmentId = created.id;
    const [view] = await q.assignments.assignmentsForClass(ids.instructor, ids.classId);
    expect(view).toMatchObject({ id: created.id, sectionKeys: ['s1'], sectionTitles: ['Section one'], items: 2, quizAvailable: 2, quiz, dueAt: DUE, goalQuizScore: 50, goalRecall: 0.5 });
    expect(await q.assignments.assignmentsForClass(ids.other, ids.classId)).toEqual([]);
    expect(await q.assignments.updateAssignment(ids.instructor, created.id, { deckId: 'pg-tiny', sectionKeys: ['s1'], dueAt: DUE, goalQuizScore: 50, goalRecall: 0.5, quiz })).toEqual({ classId: ids.classId });
    expect((await q.assignments.assignmentForInstructor(ids.instructor, created.id))?.quiz).toEqual(quiz);
  });

  it('the class facts and Today agree, with an extension moving one student', async () => {
    // Ann studies both items on day 1; Bob one on day 1 and the other on day 11 (after the due date).
    await review(ids.ann, ids.mcq, 1, 2);
    await review(ids.ann, ids.typed, 1, 4);
    await review(ids.bob, ids.mcq, 1, 2);
    await review(ids.bob, ids.typed, 11, 4);
    expect(await q.extensions.grantExtensions(ids.instructor, ids.assignmentId, [ids.ann, 999_999], at(20), NOW)).toEqual({ error: 'not-enrolled' });
    expect(await q.extensions.grantExtensions(ids.instructor, ids.assignmentId, [ids.ann], at(20), NOW)).toEqual({ granted: 1 });
    expect(await q.extensions.extensionsForAssignment(ids.instructor, ids.assignmentId)).toEqual([{ userId: ids.ann, name: 'ann A', email: 'ann@pg.test', dueAt: at(20), applies: true }]);

    // assignmentAnalyticsFor, gradebookFor and studentDetailFor first ask classes.ts (not yet on the
    // engine: it reads SQLite) whether the class is the instructor's; their SQL is assignmentFacts'.
    const facts = await q.facts.assignmentFacts({ assignmentId: ids.assignmentId, classId: ids.classId }, NOW);
    if (!facts) throw new Error('no facts');
    const [ann, bob] = studentAnalytics(facts, NOW.getTime());
    expect(ann).toMatchObject({ userId: ids.ann, dueAt: at(20), extended: true, studied: 2, status: 'on-track' });
    expect(bob).toMatchObject({ userId: ids.bob, dueAt: DUE, extended: false, studied: 2, status: 'late' });
    // Bob's memory at his due date: the mcq item only (the typed one was first studied after it).
    expect(bob?.recallAtDue).toBeCloseTo(recallAt(at(1), 2, DUE, null) / 2, 9);
    expect(ann?.recallAtDue).toBeCloseTo((recallAt(at(1), 2, at(20), null) + recallAt(at(1), 4, at(20), null)) / 2, 9);
    expect(facts.cards.map((c) => [c.cardId, c.sectionKey, c.studiedBy])).toEqual([
      [ids.mcq, 's1', 2],
      [ids.typed, 's1', 2],
    ]);
    const onlyBob = await q.facts.assignmentFacts({ assignmentId: ids.assignmentId, classId: ids.classId, onlyUserId: ids.bob }, NOW);
    expect(onlyBob && studentAnalytics(onlyBob, NOW.getTime())).toEqual([bob]);

    const [mine] = await q.mine.assignmentsForStudent(ids.bob, NOW);
    expect((await q.mine.assignmentsForStudent(ids.ann, NOW))[0]).toMatchObject({ dueAt: at(20), extended: true });
    expect(mine).toMatchObject({ id: ids.assignmentId, sectionTitles: ['Section one'], dueAt: DUE, extended: false, assigned: 2, studied: 2, status: 'late' });
    expect(mine?.recallAtDue).toBeCloseTo(bob?.recallAtDue ?? -1, 9);
  });

  it('quiz facts and the response analysis read quiz answers, review choices and typed answers', async () => {
    const [attempt] = await pg
      .insert(schema.quizAttempts)
      .values({ userId: ids.ann, deckId: 'pg-tiny', cardIds: [ids.mcq, ids.typed], startedAt: at(2), finishedAt: at(2), correctCount: 1, questionCount: 2 })
      .returning();
    await pg.insert(schema.assignmentQuizAttempts).values({ assignmentId: ids.assignmentId, attemptId: attempt!.id });
    await pg.insert(schema.quizAnswers).values([
      { attemptId: attempt!.id, cardId: ids.typed, position: 1, response: 'yes', correct: true, answeredAt: at(2) },
      { attemptId: attempt!.id, cardId: ids.mcq, position: 0, response: 7, correct: false, answeredAt: at(2) },
    ]);
    await pg.insert(schema.reviewChoices).values({ userId: ids.bob, cardId: ids.mcq, clientId: 'c1', choice: 0, correct: true, answeredAt: at(3) });
    await pg.insert(schema.typedAnswers).values({ userId: ids.bob, cardId: ids.typed, answer: 'nope', correct: false, answeredAt: at(3) });
    // Kept before every typed answer was (no verdict): listed, not counted in the review facility.
    await pg.insert(schema.typedAnswers).values({ userId: ids.ann, cardId: ids.typed, answer: 'Nope', answeredAt: at(3) });

    const scope = { assignmentId: ids.assignmentId, classId: ids.classId };
    const facts = await q.facts.assignmentFacts(scope, NOW);
    expect(facts && studentAnalytics(facts, NOW.getTime())[0]).toMatchObject({ userId: ids.ann, bestQuiz: 0.5 });
    const { quiz, optionTexts } = await q.facts.itemQuizFacts(scope);
    expect(optionTexts.get(ids.mcq)).toEqual(['Right', 'Wrong']);
    expect(quiz.get(ids.mcq)).toMatchObject({ answers: 1, correct: 0, correctIndex: 0 });
    expect(quiz.get(ids.typed)).toMatchObject({ answers: 1, correct: 1, correctIndex: null });

    const items = await q.responses.responseAnalysisFor(ids.instructor, ids.classId, ids.assignmentId);
    const mcq = items?.find((i) => i.cardId === ids.mcq);
    expect(mcq?.answers).toEqual({ quiz: 1, review: 1 });
    expect(mcq?.options?.map((o) => o.text)).toEqual(['Right', 'Wrong']);
    const typed = items?.find((i) => i.cardId === ids.typed);
    expect(typed?.answers).toEqual({ quiz: 1, review: 1 });
    expect(typed?.typed).toEqual([expect.objectContaining({ correct: false, quiz: 0, review: 2 }), expect.objectContaining({ answer: 'yes', correct: true, quiz: 1, review: 0 })]);
    expect(typed?.facility).toEqual({ quiz: 1, review: 0, total: 0.5 });
    expect(await q.responses.responseAnalysisFor(ids.other, ids.classId, ids.assignmentId)).toBeUndefined();

    // A review in the Review state on day 5 (Again): one forecast, predicted from the day-1 review.
    await pg.insert(schema.reviewLogs).values({ userId: ids.bob, cardId: ids.mcq, clientId: 'late', rating: 1, reviewedAt: at(5), stateBefore: 2, dueAfter: at(6), stabilityAfter: 1, difficultyAfter: 6, scheduledDays: 1, createdAt: at(5) });
    const calibration = await q.calibration.classCalibrationFor(ids.instructor, ids.classId, NOW, 90);
    expect(calibration.total.reviews).toBe(1);
    expect(calibration.total.predicted).toBeCloseTo(recallAt(at(1), 2, at(5), null), 9);
    expect(calibration.total.observed).toBe(0);
    expect(calibration.sections).toEqual([expect.objectContaining({ title: 'Section one', deckTitle: 'Tiny', reviews: 1, observed: 0 })]);
    expect((await q.calibration.classCalibrationFor(ids.other, ids.classId, NOW, 90)).total.reviews).toBe(0);
    expect(await q.extensions.removeExtension(ids.instructor, ids.assignmentId, ids.ann)).toBe(true);
    expect(await q.assignments.deleteAssignment(ids.other, ids.assignmentId)).toBe(false);
    expect(await q.assignments.deleteAssignment(ids.instructor, ids.assignmentId)).toBe(true);
  });
});

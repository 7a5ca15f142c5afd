/**
 * "I was right" on typed quiz answers (issues 11 and 16): immediate in a practice quiz, a request
 * in an assignment's quiz that only the class's instructor decides. Scores worked by hand: an
 * assignment quiz of the six typed questions of "Introduction", goal 80 %.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cardStates as cs, reviewLogs as l } from '@/db/schema';
import { stateToRow } from '@/db/card-state-row';
import { studySettingsFor } from '@/db/queries/settings';
import { replayLog } from '@/lib/scheduler';
import { startAssignmentQuiz } from '@/db/queries/assignment-quiz';
import { createAssignment } from '@/db/queries/assignments';
import { assignmentAnalyticsFor } from '@/db/queries/class-analytics';
import { createClass } from '@/db/queries/classes';
import { decideOverrule, overrulesForAttempt, pendingOverrules, requestOverrule } from '@/db/queries/quiz-overrules';
import { answerQuestion, finishQuiz, quizResult, startQuiz } from '@/db/queries/quizzes';
import { assignmentsForStudent } from '@/db/queries/student-assignments';
import { loadRealDeck, makeUser } from '../support/fixtures';
import { enroll } from '../support/teach-fixtures';
import { attemptCards, responseFor } from '../support/quiz-responses';

const DECK = 'war-for-peace';
const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** Answers every question; those in `wrong` (by position) get the text given, the rest are right. */
async function take(userId: number, attemptId: number, wrong: Record<number, string>, minute: number) {
  const cards = await attemptCards(attemptId);
  for (const [i, cardId] of cards.entries()) {
    const response = i in wrong ? wrong[i] : await responseFor(attemptId, cardId, true);
    const out = await answerQuestion(userId, attemptId, { cardId, response }, at(minute + i * 0.1));
    if (!out.ok) throw new Error(out.message);
  }
  await finishQuiz(userId, attemptId, at(minute + 1));
  return cards;
}

const loggedRating = async (userId: number, cardId: number) =>
  (await (await engine()).get(
    sql`SELECT ${l.rating} AS "rating" FROM ${l} WHERE ${l.userId} = ${userId} AND ${l.cardId} = ${cardId} AND ${l.source} = 'quiz' AND ${l.undoneAt} IS NULL`,
    z.object({ rating: int }),
  ))?.rating;
const stateRow = z.object({ stability: z.number(), difficulty: z.number(), due: int, reps: int, lapses: int, state: int });
const cardState = async (userId: number, cardId: number) =>
  (await engine()).get(
    sql`SELECT ${cs.stability} AS "stability", ${cs.difficulty} AS "difficulty", ${cs.due} AS "due", ${cs.reps} AS "reps", ${cs.lapses} AS "lapses", ${cs.state} AS "state"
        FROM ${cs} WHERE ${cs.userId} = ${userId} AND ${cs.cardId} = ${cardId}`,
    stateRow,
  );
/** The state a replay of the card's log gives with the student's parameters: what card_states must hold. */
async function replayedState(userId: number, cardId: number) {
  const log = await (await engine()).all(
    sql`SELECT ${l.rating} AS "rating", ${l.reviewedAt} AS "at" FROM ${l} WHERE ${l.userId} = ${userId} AND ${l.cardId} = ${cardId} AND ${l.undoneAt} IS NULL ORDER BY ${l.reviewedAt}, ${l.id}`,
    z.object({ rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), at: int }),
  );
  const state = replayLog(log.map((l) => ({ grade: l.rating, reviewedAt: new Date(l.at) })), (await studySettingsFor(userId)).scheduler);
  if (!state) throw new Error('no state to replay');
  const row = stateToRow(state);
  return { stability: row.stability, difficulty: row.difficulty, due: row.due, reps: row.reps, lapses: row.lapses, state: row.state };
}

const score = async (userId: number, attemptId: number) => (await quizResult(userId, attemptId))?.score;

describe('overrules of typed quiz answers', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  async function setup() {
    const instructor = await makeUser('instructor');
    const other = await makeUser('instructor');
    const [ann, bob, cat] = [await makeUser(), await makeUser(), await makeUser()];
    const classId = await createClass(instructor.id, { name: 'Seminar', timeZone: 'UTC' }, at(-60));
    for (const u of [ann, bob, cat]) await enroll(classId, u.id, T0 - 3_600_000);
    const created = await createAssignment(
      instructor.id,
      classId,
      { deckId: DECK, sectionKeys: ['intro'], dueAt: T0 + 7 * 86_400_000, goalQuizScore: 80, goalRecall: null, quiz: { sectionKeys: null, questions: null, types: ['typed'], attempts: 1, feedback: 'end' } },
      at(-30),
    );
    if (!('id' in created)) throw new Error(created.error);
    const attemptOf = async (userId: number, minute: number) => {
      const out = await startAssignmentQuiz(userId, created.id, at(minute));
      if (!out.ok) throw new Error(out.message);
      return out.attemptId;
    };
    return { instructor, other, ann, bob, cat, classId, assignmentId: created.id, attemptOf };
  }
  beforeAll(async () => {
    await loadRealDeck();
    s = await setup();
  });

  it('is a request in an assignment quiz: the score and the goal change only when the instructor accepts', async () => {
    const annAttempt = await s.attemptOf(s.ann.id, 0);
    const annCards = await take(s.ann.id, annAttempt, { 0: 'Wrong on purpose.', 1: 'also wrong' }, 0);
    expect(annCards).toHaveLength(6);
    // Bob typed the same text (normalised alike) for the same question; Cat typed something else.
    const bobAttempt = await s.attemptOf(s.bob.id, 10);
    const bobCards = await attemptCards(bobAttempt);
    const firstCard = annCards[0] as number;
    await take(s.bob.id, bobAttempt, { [bobCards.indexOf(firstCard)]: '  wrong on PURPOSE ' }, 10);
    const catAttempt = await s.attemptOf(s.cat.id, 20);
    await take(s.cat.id, catAttempt, { [(await attemptCards(catAttempt)).indexOf(firstCard)]: 'something else' }, 20);

    const goal = async () => (await assignmentAnalyticsFor(s.instructor.id, s.classId, s.assignmentId, at(100)))?.students.find((x) => x.userId === s.ann.id);
    expect(await score(s.ann.id, annAttempt)).toMatchObject({ correct: 4, total: 6 });
    expect(await goal()).toMatchObject({ bestQuiz: 4 / 6, goalsMet: { quiz: false } });

    expect(await requestOverrule(s.ann.id, annAttempt, firstCard, at(30))).toEqual({ ok: true, status: 'pending' });
    expect(await requestOverrule(s.ann.id, annAttempt, firstCard, at(31))).toEqual({ ok: true, status: 'pending' });
    // Pending: nothing re-scored yet.
    expect(await score(s.ann.id, annAttempt)).toMatchObject({ correct: 4 });
    // Someone else's attempt cannot be overruled by Bob.
    expect(await requestOverrule(s.bob.id, annAttempt, firstCard, at(31))).toMatchObject({ ok: false, reason: 'not_found' });

    const requests = await pendingOverrules(s.instructor.id, s.classId, s.assignmentId);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ studentName: s.ann.name, typed: 'Wrong on purpose.', sameTextOthers: 1 });
    expect(requests[0]?.accepted.length).toBeGreaterThan(0);
    expect(await pendingOverrules(s.other.id, s.classId, s.assignmentId)).toEqual([]);
    const id = requests[0]?.id as number;
    expect(await decideOverrule(s.other.id, id, 'accept', at(40))).toMatchObject({ ok: false, reason: 'not_found' });

    // The wrong answer logged an Again for the card, which FSRS scheduled as forgotten.
    expect(await loggedRating(s.ann.id, firstCard)).toBe(1);
    const stabilityBefore = (await cardState(s.ann.id, firstCard))!.stability;

    // Accepted: 5 of 6 = 83.3 % ≥ 80 %, the quiz goal is met, on the dashboard and on Today alike.
    expect(await decideOverrule(s.instructor.id, id, 'accept', at(40))).toEqual({ ok: true, rescored: 1 });
    // ...and the review it logged is now Good, the card rescheduled from the corrected log.
    expect(await loggedRating(s.ann.id, firstCard)).toBe(3);
    expect(await cardState(s.ann.id, firstCard)).toMatchObject(await replayedState(s.ann.id, firstCard));
    expect((await cardState(s.ann.id, firstCard))!.stability).toBeGreaterThan(stabilityBefore);
    expect(await score(s.ann.id, annAttempt)).toMatchObject({ correct: 5, total: 6 });
    expect(await goal()).toMatchObject({ bestQuiz: 5 / 6, goalsMet: { quiz: true } });
    expect((await assignmentsForStudent(s.ann.id, at(100))).find((a) => a.id === s.assignmentId)?.bestQuiz).toBe(5 / 6);
    expect((await overrulesForAttempt(s.ann.id, annAttempt)).get(firstCard)).toBe('accepted');
    expect(await decideOverrule(s.instructor.id, id, 'decline', at(41))).toMatchObject({ ok: false, reason: 'finished' });
    // Bob did not ask: his one wrong answer stays wrong, and so does its review.
    expect(await score(s.bob.id, bobAttempt)).toMatchObject({ correct: 5, total: 6 });
    expect(await loggedRating(s.bob.id, firstCard)).toBe(1);
  });

  it('accepting for all re-scores every student of the class who typed the same; declining changes nothing', async () => {
    const t = await setup();
    const annAttempt = await t.attemptOf(t.ann.id, 0);
    const annCards = await take(t.ann.id, annAttempt, { 0: 'Wrong on purpose' }, 0);
    const card = annCards[0] as number;
    const bobAttempt = await t.attemptOf(t.bob.id, 10);
    await take(t.bob.id, bobAttempt, { [(await attemptCards(bobAttempt)).indexOf(card)]: 'wrong, on purpose!' }, 10);
    const catAttempt = await t.attemptOf(t.cat.id, 20);
    await take(t.cat.id, catAttempt, { [(await attemptCards(catAttempt)).indexOf(card)]: 'something else' }, 20);

    await requestOverrule(t.ann.id, annAttempt, card, at(30));
    await requestOverrule(t.cat.id, catAttempt, card, at(31));
    const [annRequest, catRequest] = await pendingOverrules(t.instructor.id, t.classId, t.assignmentId);
    expect(annRequest).toMatchObject({ typed: 'Wrong on purpose', sameTextOthers: 1 });
    expect(catRequest).toMatchObject({ typed: 'something else', sameTextOthers: 0 });

    expect(await decideOverrule(t.instructor.id, annRequest?.id as number, 'accept-all', at(40))).toEqual({ ok: true, rescored: 2 });
    expect([(await score(t.ann.id, annAttempt))?.correct, (await score(t.bob.id, bobAttempt))?.correct]).toEqual([6, 6]);
    expect((await overrulesForAttempt(t.bob.id, bobAttempt)).get(card)).toBe('accepted');

    expect(await decideOverrule(t.instructor.id, catRequest?.id as number, 'decline', at(41))).toEqual({ ok: true, rescored: 0 });
    expect(await score(t.cat.id, catAttempt)).toMatchObject({ correct: 5, total: 6 });
    expect((await overrulesForAttempt(t.cat.id, catAttempt)).get(card)).toBe('declined');
    expect(await pendingOverrules(t.instructor.id, t.classId, t.assignmentId)).toEqual([]);
  });

  it('is taken at once in a practice quiz, which still never counts toward the goal', async () => {
    const student = await makeUser();
    await enroll(s.classId, student.id, T0);
    // All 15 quiz questions of "Introduction" (6 typed): one typed answer in the student's own words.
    const started = await startQuiz(student.id, { deckId: DECK, sectionKeys: ['intro'], count: 50, feedback: 'end' }, at(0));
    if (!started.ok) throw new Error(started.message);
    const cards = await attemptCards(started.attemptId);
    expect(cards).toHaveLength(15);
    const rightAnswers = await Promise.all(cards.map((c) => responseFor(started.attemptId, c, true)));
    const typedAt = rightAnswers.findIndex((r) => typeof r === 'string');
    const other = rightAnswers.findIndex((r) => typeof r !== 'string');
    await take(student.id, started.attemptId, { [typedAt]: 'my own words' }, 0);
    // Only a typed answer can be overruled.
    expect(await requestOverrule(student.id, started.attemptId, cards[other] as number, at(5))).toMatchObject({ ok: false, reason: 'not_in_attempt' });
    expect(await score(student.id, started.attemptId)).toMatchObject({ correct: 14, total: 15 });
    expect(await requestOverrule(student.id, started.attemptId, cards[typedAt] as number, at(5))).toEqual({ ok: true, status: 'accepted' });
    expect(await score(student.id, started.attemptId)).toMatchObject({ correct: 15, total: 15 });
    expect((await assignmentsForStudent(student.id, at(10))).find((a) => a.id === s.assignmentId)?.bestQuiz).toBeNull();
  });
});

/**
 * Response analysis (issue 16 item 3) on a real database, against figures worked out by hand.
 * The whole tiny deck is assigned: c2 (mcq, options 0..2, option 1 right), c3 (true/false, True
 * right), c4 (typed, accepted "x"), c5 (mcq, option 1 right). Review choices go through the real
 * grade path (the batch of POST /api/reviews), quiz answers are stored as the quiz module does.
 *
 * Quiz answers (outsider's never count):
 *   A: c2→2 ✗, c3 True ✓, c4 "Putin" ✗, c5→1 ✓        B: c2→1 ✓, c3 False ✗, c4 "x" ✓, c5→0 ✗
 *   C: c2→2 ✗, c4 " putin. " ✗, c5→1 ✓               outsider: c2→0, c4 "Putin"
 * Review choices: A c2→0 ✗, B c2→1 ✓, C c3 False ✗ (+ outsider c2→2, one undone, one duplicate).
 * Review typed, each with the server's verdict: A c4 "putin" ✗, B c4 " X " ✓; and C c4 "putin" kept before
 * migration 0019, when review kept only wrong ones (no verdict: listed as wrong, not in the facility).
 *
 * c2 options: 0: quiz 0 + review 1 = 1; 1 (right): 1 + 1 = 2; 2: 2 + 0 = 2.
 *    facility quiz 1/3, review 1/2, together 2/5.
 * c3: True (right): quiz 1, review 0; False: quiz 1, review 1. Facility 1/2, 0/1, 1/3.
 * c4: "putin" (Putin, putin., putin ×2: one normal form, shown as its commonest) quiz 2 + review 2 = 4, "x" ✓ quiz 1 + review 1.
 *    Facility quiz 1/3, review 1/2 (A ✗, B ✓; C's old row has no verdict), together 2/5.
 * Discrimination of c2 (Pearson of item score vs rest-of-quizzes score, per student):
 *   A (0, 2/3), B (1, 1/3), C (0, 1/2): means 1/3 and 1/2; Σdxdy = −1/6, Σdx² = 2/3, Σdy² = 1/18,
 *   r = (−1/6) / √(2/3 · 1/18) = −√27/6 = −√3/2 ≈ −0.866025, over 3 students.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { reviewChoices, typedAnswers } from '@/db/schema';
import { createAssignment } from '@/db/queries/assignments';
import { assignmentAnalyticsFor } from '@/db/queries/class-analytics';
import { createClass } from '@/db/queries/classes';
import { responseAnalysisFor, type ItemResponses } from '@/db/queries/response-analysis';
import { applyGradeBatch } from '@/db/queries/review-batch';
import { undoReview } from '@/db/queries/reviews';
import { exec, makeUser } from '../support/fixtures';
import { DAY, enroll, makeTinyDeck, quizAttempt, type TinyDeck } from '../support/teach-fixtures';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const SERVER_NOW = new Date(at(600));

let seq = 0;
async function grade(userId: number, cardId: number, extra: Record<string, unknown>, clientId = `choice-grade-${++seq}`) {
  const entry = { clientId, cardId, grade: 3, reviewedAt: at(10 + seq), durationMs: 800, ...extra };
  return (await applyGradeBatch(userId, [entry], SERVER_NOW))[0];
}
const t = typedAnswers;
const rc = reviewChoices;
const typedRowsOf = async (userId: number) =>
  (await engine()).all(
    sql`SELECT ${t.answer} AS "answer", ${t.correct} AS "correct", ${t.overruled} AS "overruled" FROM ${t} WHERE ${t.userId} = ${userId} ORDER BY ${t.id}`,
    z.object({ answer: z.string(), correct: flag.nullable(), overruled: flag }),
  );
const choiceRowsOf = async (userId: number) =>
  (await engine()).all(
    sql`SELECT ${rc.cardId} AS "cardId", ${rc.clientId} AS "clientId", ${rc.choice} AS "choice", ${rc.correct} AS "correct"
        FROM ${rc} WHERE ${rc.userId} = ${userId} ORDER BY ${rc.id}`,
    z.object({ cardId: int, clientId: z.string(), choice: int, correct: flag }),
  );

let ids: { instructor: { id: number }; other: { id: number }; a: { id: number }; b: { id: number }; c: { id: number }; outsider: { id: number }; card: TinyDeck; classId: number; assignmentId: number };

beforeAll(async () => {
  const instructor = await makeUser('instructor');
  const other = await makeUser('instructor');
  const [a, b, c, outsider] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  const card = await makeTinyDeck('tiny-responses');
  const classId = await createClass(instructor.id, { name: 'Responses', timeZone: 'UTC' }, new Date(T0));
  for (const s of [a, b, c]) await enroll(classId, s.id, T0);
  const created = await createAssignment(instructor.id, classId, { deckId: 'tiny-responses', sectionKeys: null, dueAt: T0 + 7 * DAY, goalQuizScore: null, goalRecall: null }, new Date(T0));
  if (!('id' in created)) throw new Error(`assignment not created: ${created.error}`);
  ids = { instructor, other, a, b, c, outsider, card, classId, assignmentId: created.id };

  await quizAttempt(a.id, 'tiny-responses', at(60), [
    { cardId: card.c2, correct: false, choice: 2 },
    { cardId: card.c3, correct: true },
    { cardId: card.c4, correct: false, response: 'Putin' },
    { cardId: card.c5, correct: true, choice: 1 },
  ]);
  await quizAttempt(b.id, 'tiny-responses', at(61), [
    { cardId: card.c2, correct: true, choice: 1 },
    { cardId: card.c3, correct: false },
    { cardId: card.c4, correct: true, response: 'x' },
    { cardId: card.c5, correct: false, choice: 0 },
  ]);
  await quizAttempt(c.id, 'tiny-responses', at(62), [
    { cardId: card.c2, correct: false, choice: 2 },
    { cardId: card.c4, correct: false, response: ' putin. ' },
    { cardId: card.c5, correct: true, choice: 1 },
  ]);
  await quizAttempt(outsider.id, 'tiny-responses', at(63), [
    { cardId: card.c2, correct: true, choice: 0 },
    { cardId: card.c4, correct: false, response: 'Putin' },
  ]);
});

describe('review choices travel with their grade', () => {
  it('records the chosen option with the server’s verdict, once however often the grade is re-sent, and forgets it with its undo', async () => {
    const { a, b, c, outsider, card } = ids;
    expect((await grade(a.id, card.c2, { grade: 1, choice: { index: 0 } }, 'choice-a-c2'))?.status).toBe('recorded');
    expect((await grade(a.id, card.c2, { grade: 1, choice: { index: 0 } }, 'choice-a-c2'))?.status).toBe('duplicate');
    expect(await choiceRowsOf(a.id)).toEqual([{ cardId: card.c2, clientId: 'choice-a-c2', choice: 0, correct: false }]);
    expect((await grade(b.id, card.c2, { choice: { index: 1 } }))?.status).toBe('recorded');
    expect(await choiceRowsOf(b.id)).toEqual([expect.objectContaining({ choice: 1, correct: true })]);
    // True/false: False is option 1; the statement is true, so it is wrong.
    expect((await grade(c.id, card.c3, { grade: 1, choice: { index: 1 } }))?.status).toBe('recorded');
    expect((await grade(outsider.id, card.c2, { choice: { index: 2 } }))?.status).toBe('recorded');

    // Undone: the choice goes with the grade, and a late copy of the grade brings neither back.
    expect((await grade(b.id, card.c5, { choice: { index: 2 } }, 'choice-b-undone'))?.status).toBe('recorded');
    expect(await choiceRowsOf(b.id)).toHaveLength(2);
    expect((await undoReview(b.id, 'choice-b-undone', SERVER_NOW)).ok).toBe(true);
    expect((await grade(b.id, card.c5, { choice: { index: 2 } }, 'choice-b-undone'))?.status).toBe('undone');
    expect(await choiceRowsOf(b.id)).toEqual([expect.objectContaining({ cardId: card.c2 })]);

    // Typed answers in review are kept right or wrong, with the server's verdict; "I was right" only on a wrong one.
    expect((await grade(a.id, card.c4, { grade: 1, typed: { answer: 'putin', overruled: false } }))?.status).toBe('recorded');
    expect((await grade(b.id, card.c4, { typed: { answer: ' X ', overruled: true } }))?.status).toBe('recorded');
    expect(await typedRowsOf(a.id)).toEqual([{ answer: 'putin', correct: false, overruled: false }]);
    expect(await typedRowsOf(b.id)).toEqual([{ answer: 'X', correct: true, overruled: false }]);
    // A row from before migration 0019 (only wrong answers were kept then): no verdict.
    const f = (await engine()).fragments;
    await exec(sql`INSERT INTO ${t} (${bare(t.userId)}, ${bare(t.cardId)}, ${bare(t.answer)}, ${bare(t.overruled)}, ${bare(t.answeredAt)}, ${bare(t.clientId)})
                   VALUES (${c.id}, ${card.c4}, 'putin', ${f.bool(false)}, ${at(5)}, 'legacy-c')`);
  });

  it('checks the choice against the card: past its options or on a card without options the grade stands and no choice is kept', async () => {
    const { c, card } = ids;
    const before = (await choiceRowsOf(c.id)).length;
    expect((await grade(c.id, card.c5, { choice: { index: 3 } }))?.status).toBe('recorded'); // c5 has 3 options
    expect((await grade(c.id, card.c1, { choice: { index: 0 } }))?.status).toBe('recorded'); // a basic card
    expect((await grade(c.id, card.c3, { choice: { index: 2 } }))?.status).toBe('recorded'); // true/false has 2
    expect(await choiceRowsOf(c.id)).toHaveLength(before);
  });

  it.each([
    [{ index: -1 }, 'choice.index: choice cannot be negative'],
    [{ index: 5 }, 'choice.index: a card has at most 5 options'],
    [{ index: 1.5 }, 'choice.index: choice must be a whole number'],
    [{ index: '1' }, 'choice.index'],
    [{ index: 1, extra: true }, 'choice'],
  ])('refuses the malformed choice %j with a reason, writing nothing', async (choice, reason) => {
    const { c, card } = ids;
    const before = (await choiceRowsOf(c.id)).length;
    const out = await grade(c.id, card.c2, { choice });
    expect(out).toMatchObject({ status: 'rejected' });
    expect(out && 'reason' in out ? out.reason : '').toContain(reason);
    expect(await choiceRowsOf(c.id)).toHaveLength(before);
  });

  it('refuses a grade that carries both a typed answer and a choice', async () => {
    const out = await grade(ids.c.id, ids.card.c2, { choice: { index: 0 }, typed: { answer: 'y', overruled: false } });
    expect(out).toMatchObject({ status: 'rejected', reason: expect.stringContaining('not both') });
  });
});

describe('response analysis per item', () => {
  const item = (items: ItemResponses[] | undefined, cardId: number) => items?.find((i) => i.cardId === cardId);

  it('counts every option of a multiple-choice item from quizzes and from review, separately and together', async () => {
    const c2 = item(await responseAnalysisFor(ids.instructor.id, ids.classId, ids.assignmentId), ids.card.c2);
    expect(c2?.options).toEqual([
      { index: 0, text: 'c2 option 0', correct: false, quiz: 0, review: 1, total: 1 },
      { index: 1, text: 'c2 option 1', correct: true, quiz: 1, review: 1, total: 2 },
      { index: 2, text: 'c2 option 2', correct: false, quiz: 2, review: 0, total: 2 },
    ]);
    expect(c2?.answers).toEqual({ quiz: 3, review: 2 });
    expect(c2?.facility.quiz).toBeCloseTo(1 / 3, 9);
    expect(c2?.facility.review).toBeCloseTo(1 / 2, 9);
    expect(c2?.facility.total).toBeCloseTo(2 / 5, 9);
  });

  it('counts True and False of a true/false item', async () => {
    const c3 = item(await responseAnalysisFor(ids.instructor.id, ids.classId, ids.assignmentId), ids.card.c3);
    expect(c3?.options).toEqual([
      { index: 0, text: 'True', correct: true, quiz: 1, review: 0, total: 1 },
      { index: 1, text: 'False', correct: false, quiz: 1, review: 1, total: 2 },
    ]);
    expect(c3?.facility).toEqual({ quiz: 0.5, review: 0, total: expect.closeTo(1 / 3, 9) });
  });

  it('lists the distinct typed answers, equal after the checker’s normalisation, with counts', async () => {
    const c4 = item(await responseAnalysisFor(ids.instructor.id, ids.classId, ids.assignmentId), ids.card.c4);
    expect(c4?.options).toBeNull();
    expect(c4?.typed).toEqual([
      { answer: 'putin', correct: false, quiz: 2, review: 2, total: 4 }, // shown in its commonest form: putin ×2, Putin ×1, putin. ×1
      { answer: 'x', correct: true, quiz: 1, review: 1, total: 2 },
    ]);
    expect(c4?.answers).toEqual({ quiz: 3, review: 2 });
    expect(c4?.facility).toEqual({ quiz: expect.closeTo(1 / 3, 9), review: 0.5, total: 0.4 });
  });

  it('gives the discrimination worked out by hand, the same as the class analytics', async () => {
    const items = await responseAnalysisFor(ids.instructor.id, ids.classId, ids.assignmentId);
    const c2 = item(items, ids.card.c2);
    expect(c2?.discriminationStudents).toBe(3);
    expect(c2?.discrimination).toBeCloseTo(-Math.sqrt(3) / 2, 6);
    const analytics = await assignmentAnalyticsFor(ids.instructor.id, ids.classId, ids.assignmentId, SERVER_NOW);
    for (const i of items ?? []) {
      const row = analytics?.items.find((r) => r.cardId === i.cardId);
      expect({ facility: i.facility.quiz, discrimination: i.discrimination }).toEqual({ facility: row?.facility, discrimination: row?.discrimination });
    }
    // Only objective items, in deck order (c1 is a basic card).
    expect(items?.map((i) => i.cardId)).toEqual([ids.card.c2, ids.card.c3, ids.card.c4, ids.card.c5]);
  });

  it('is nobody else’s: another instructor, or an assignment of another class, gets nothing', async () => {
    expect(await responseAnalysisFor(ids.other.id, ids.classId, ids.assignmentId)).toBeUndefined();
    const otherClass = await createClass(ids.other.id, { name: 'Other', timeZone: 'UTC' }, new Date(T0));
    expect(await responseAnalysisFor(ids.other.id, otherClass, ids.assignmentId)).toBeUndefined();
    expect(await responseAnalysisFor(ids.instructor.id, otherClass, ids.assignmentId)).toBeUndefined();
  });
});

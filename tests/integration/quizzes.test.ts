import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { cards as c, cardStates as cs, decks, quizAnswers as qa, quizAttempts as qt, reviewLogs as l, sections as sec } from '@/db/schema';
import { answerQuestion, finishQuiz, quizAttemptView, quizResult, recentAttempts, startQuiz } from '@/db/queries/quizzes';
import { countOf, exec, loadRealDeck, makeUser } from '../support/fixtures';
import { attemptCards, cardRow, responseFor } from '../support/quiz-responses';

const DECK = 'war-for-peace';
const T0 = new Date('2026-03-02T09:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function writes(userId: number) {
  return {
    answers: await countOf(sql`SELECT count(*) AS "n" FROM ${qa} JOIN ${qt} ON ${qt.id} = ${qa.attemptId} WHERE ${qt.userId} = ${userId}`),
    logs: await countOf(sql`SELECT count(*) AS "n" FROM ${l} WHERE ${l.userId} = ${userId}`),
    states: await countOf(sql`SELECT count(*) AS "n" FROM ${cs} WHERE ${cs.userId} = ${userId}`),
  };
}

/** Makes every insert into quiz_answers fail until the returned function is called (each engine's trigger syntax). */
async function refuseQuizAnswers(): Promise<() => Promise<void>> {
  const e = await engine();
  if (e.kind === 'sqlite') {
    await e.run(sql.raw(`CREATE TRIGGER refuse_quiz_answer BEFORE INSERT ON quiz_answers BEGIN SELECT RAISE(ABORT, 'answer refused'); END`));
    return async () => void (await e.run(sql.raw('DROP TRIGGER refuse_quiz_answer')));
  }
  await e.run(sql.raw(`CREATE FUNCTION refuse_quiz_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'answer refused'; END $$`));
  await e.run(sql.raw('CREATE TRIGGER refuse_quiz_answer BEFORE INSERT ON quiz_answers FOR EACH ROW EXECUTE FUNCTION refuse_quiz_answer()'));
  return async () => {
    await e.run(sql.raw('DROP TRIGGER refuse_quiz_answer ON quiz_answers'));
    await e.run(sql.raw('DROP FUNCTION refuse_quiz_answer()'));
  };
}

async function start(userId: number, extra: Partial<Parameters<typeof startQuiz>[1]> = {}) {
  const out = await startQuiz(userId, { deckId: DECK, count: 5, feedback: 'immediate', ...extra }, T0);
  if (!out.ok) throw new Error(out.message);
  return out.attemptId;
}

describe('quizzes on a real database', () => {
  beforeAll(async () => {
    await loadRealDeck();
  });

  it('draws only quiz questions from the chosen sections', async () => {
    const user = await makeUser();
    const attemptId = await start(user.id, { sectionKeys: ['intro', 'principles'], count: 50 });
    const ids = await attemptCards(attemptId);
    const available = await countOf(sql`SELECT count(*) AS "n" FROM ${c} JOIN ${sec} ON ${sec.id} = ${c.sectionId}
      WHERE ${c.deckId} = ${DECK} AND ${sec.key} IN ('intro', 'principles') AND ${c.retiredAt} IS NULL AND ${c.type} IN ('mcq', 'truefalse', 'typed', 'ordering')`);
    expect(available).toBeGreaterThan(5);
    expect(ids).toHaveLength(Math.min(50, available));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const card = await cardRow(id);
      expect(['mcq', 'truefalse', 'typed', 'ordering']).toContain(card.type);
      expect(['intro', 'principles']).toContain(card.sectionKey);
    }
    const five = await attemptCards(await start(user.id, { sectionKeys: ['counterterrorism'] }));
    expect(five).toHaveLength(5);
    expect((await Promise.all(five.map(cardRow))).every((c) => c.sectionKey === 'counterterrorism')).toBe(true);
  });

  it('refuses unknown sections, bad counts and decks the user cannot study', async () => {
    const user = await makeUser();
    const other = await makeUser('instructor');
    await exec(sql`INSERT INTO ${decks} (${bare(decks.id)}, ${bare(decks.title)}, ${bare(decks.ownerId)}) VALUES ('private-deck', 'Private', ${other.id})`);
    expect(await startQuiz(user.id, { deckId: DECK, sectionKeys: ['nope'], feedback: 'end' }, T0)).toMatchObject({ ok: false, reason: 'unknown_section' });
    expect(await startQuiz(user.id, { deckId: DECK, sectionKeys: [], feedback: 'end' }, T0)).toMatchObject({ ok: false, reason: 'unknown_section' });
    expect(await startQuiz(user.id, { deckId: DECK, count: 51, feedback: 'end' }, T0)).toMatchObject({ ok: false, reason: 'bad_count' });
    expect(await startQuiz(user.id, { deckId: DECK, count: 0, feedback: 'end' }, T0)).toMatchObject({ ok: false, reason: 'bad_count' });
    expect(await startQuiz(user.id, { deckId: 'private-deck', feedback: 'end' }, T0)).toMatchObject({ ok: false, reason: 'unknown_deck' });
    expect(await recentAttempts(user.id)).toHaveLength(0);
  });

  it('an answer writes the quiz answer, one quiz review log and the card state', async () => {
    const user = await makeUser();
    const attemptId = await start(user.id);
    const cardId = (await attemptCards(attemptId))[0] as number;
    const out = await answerQuestion(user.id, attemptId, { cardId, response: await responseFor(attemptId, cardId, true) }, later(30));
    expect(out).toMatchObject({ ok: true, duplicate: false, finished: false, answeredCount: 1, questionCount: 5 });
    expect(out.ok && out.feedback.correct).toBe(true);
    expect(out.ok && out.feedback.sectionKey).toBe((await cardRow(cardId)).sectionKey);
    // The feedback sends the student back to the passage: the card's own quote and/or paragraph reference
    // (since the deck's revision some items cite a paragraph only).
    const card = await cardRow(cardId);
    expect(out.ok && { quote: out.feedback.evidenceQuote, ref: out.feedback.evidenceRef }).toEqual({ quote: card.evidenceQuote, ref: card.evidenceRef });
    expect(card.evidenceQuote ?? card.evidenceRef).toBeTruthy();
    const e = await engine();
    const log = await e.all(
      sql`SELECT ${l.id} AS "id", ${l.cardId} AS "cardId", ${l.source} AS "source", ${l.rating} AS "rating", ${l.clientId} AS "clientId", ${l.durationMs} AS "durationMs"
          FROM ${l} WHERE ${l.userId} = ${user.id}`,
      z.object({ id: int, cardId: int, source: z.string(), rating: int, clientId: z.string(), durationMs: int }),
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ cardId, source: 'quiz', rating: 3, clientId: `quiz:${attemptId}:${cardId}`, durationMs: 30_000 });
    const answer = await e.get(
      sql`SELECT ${qa.cardId} AS "cardId", ${qa.position} AS "position", ${qa.correct} AS "correct", ${qa.reviewLogId} AS "reviewLogId" FROM ${qa} WHERE ${qa.attemptId} = ${attemptId}`,
      z.object({ cardId: int, position: int, correct: flag, reviewLogId: int.nullable() }),
    );
    expect(answer).toEqual({ cardId, position: 0, correct: true, reviewLogId: log[0]?.id });
    const state = await e.get(
      sql`SELECT ${cs.reps} AS "reps", ${cs.state} AS "state", ${cs.lastReview} AS "lastReview" FROM ${cs} WHERE ${cs.userId} = ${user.id} AND ${cs.cardId} = ${cardId}`,
      z.object({ reps: int, state: int, lastReview: int.nullable() }),
    );
    expect(state).toEqual({ reps: 1, state: 1, lastReview: later(30).getTime() });
  });

  it('records the answer and its grade together or not at all: a failed answer write leaves no grade', async () => {
    const user = await makeUser();
    const attemptId = await start(user.id);
    const cardId = (await attemptCards(attemptId))[0] as number;
    // The grade is written first (recordReview), the answer row after it: make the answer row fail.
    const allowAgain = await refuseQuizAnswers();
    try {
      await expect(answerQuestion(user.id, attemptId, { cardId, response: await responseFor(attemptId, cardId, true) }, later(30))).rejects.toThrow('answer refused');
    } finally {
      await allowAgain();
    }
    expect(await writes(user.id)).toEqual({ answers: 0, logs: 0, states: 0 });
    // The same answer sent again is recorded once, with its grade.
    expect(await answerQuestion(user.id, attemptId, { cardId, response: await responseFor(attemptId, cardId, true) }, later(31))).toMatchObject({ ok: true, duplicate: false });
    expect(await writes(user.id)).toEqual({ answers: 1, logs: 1, states: 1 });
  });

  it('a wrong answer is rated Again and a repeated submission counts once', async () => {
    const user = await makeUser();
    const attemptId = await start(user.id);
    const cardId = (await attemptCards(attemptId))[1] as number;
    const wrong = await responseFor(attemptId, cardId, false);
    const first = await answerQuestion(user.id, attemptId, { cardId, response: wrong }, later(10));
    expect(first.ok && first.feedback.correct).toBe(false);
    expect(first.ok && first.feedback.correctAnswer).toBeTruthy();
    // The retry (even with a different answer) returns the first result and writes nothing.
    const again = await answerQuestion(user.id, attemptId, { cardId, response: await responseFor(attemptId, cardId, true) }, later(20));
    expect(again).toMatchObject({ ok: true, duplicate: true, answeredCount: 1 });
    expect(again.ok && again.feedback.correct).toBe(false);
    expect(await writes(user.id)).toEqual({ answers: 1, logs: 1, states: 1 });
    const rating = await (await engine()).get(sql`SELECT ${l.rating} AS "rating" FROM ${l} WHERE ${l.userId} = ${user.id}`, z.object({ rating: int }));
    expect(rating?.rating).toBe(1);
  });

  it("another user can neither answer nor see someone else's attempt", async () => {
    const owner = await makeUser();
    const intruder = await makeUser();
    const attemptId = await start(owner.id);
    const cardId = (await attemptCards(attemptId))[0] as number;
    const out = await answerQuestion(intruder.id, attemptId, { cardId, response: await responseFor(attemptId, cardId, true) }, later(5));
    expect(out).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await quizAttemptView(intruder.id, attemptId)).toBeNull();
    expect(await quizResult(intruder.id, attemptId)).toBeNull();
    expect(await finishQuiz(intruder.id, attemptId, later(6))).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await recentAttempts(intruder.id)).toHaveLength(0);
    expect(await writes(intruder.id)).toEqual({ answers: 0, logs: 0, states: 0 });
    expect(await writes(owner.id)).toEqual({ answers: 0, logs: 0, states: 0 });
    expect((await quizAttemptView(owner.id, attemptId))?.questions).toHaveLength(5);
  });

  it('refuses an unknown card, a card not in the attempt and malformed or oversized answers, writing nothing', async () => {
    const user = await makeUser();
    // Every question of the introduction, so each type (typed included) is tried.
    const attemptId = await start(user.id, { sectionKeys: ['intro'], count: 50 });
    const ids = await attemptCards(attemptId);
    expect(new Set((await Promise.all(ids.map(cardRow))).map((c) => c.type))).toEqual(new Set(['mcq', 'truefalse', 'typed', 'ordering']));
    const outside = (await (await engine()).all(sql`SELECT ${c.id} AS "id" FROM ${c} WHERE ${c.deckId} = ${DECK} AND ${c.type} = 'typed'`, z.object({ id: int }))).find(
      (c) => !ids.includes(c.id),
    )?.id as number;
    expect(await answerQuestion(user.id, attemptId, { cardId: 987654, response: 0 }, later(1))).toMatchObject({ ok: false, reason: 'not_in_attempt' });
    expect(await answerQuestion(user.id, attemptId, { cardId: outside, response: 'x' }, later(1))).toMatchObject({ ok: false, reason: 'not_in_attempt' });
    for (const cardId of ids) {
      const { type } = await cardRow(cardId);
      const bad = { mcq: 17, truefalse: 'true', typed: 'x'.repeat(501), ordering: [0, 0, 1] }[type];
      expect(await answerQuestion(user.id, attemptId, { cardId, response: bad }, later(1))).toMatchObject({ ok: false, reason: 'invalid_response' });
    }
    expect(await writes(user.id)).toEqual({ answers: 0, logs: 0, states: 0 });
  });

  it('finishes with the score, reveals answers only then, and refuses answers afterwards', async () => {
    const user = await makeUser();
    const attemptId = await start(user.id, { feedback: 'end' });
    const ids = await attemptCards(attemptId);
    expect(await quizResult(user.id, attemptId)).toMatchObject({ finished: false, questions: [] });
    // Right, wrong, right, right; the last question is never answered.
    for (const [i, cardId] of ids.slice(0, 4).entries()) {
      const out = await answerQuestion(user.id, attemptId, { cardId, response: await responseFor(attemptId, cardId, i !== 1) }, later(10 * (i + 1)));
      expect(out.ok).toBe(true);
    }
    expect(await finishQuiz(user.id, attemptId, later(60))).toEqual({ ok: true, correctCount: 3, questionCount: 5 });
    expect(await finishQuiz(user.id, attemptId, later(70))).toEqual({ ok: true, correctCount: 3, questionCount: 5 });
    const result = await quizResult(user.id, attemptId);
    expect(result?.score).toEqual({ correct: 3, total: 5, percent: 60 });
    expect(result?.finishedAt).toBe(later(60).getTime());
    expect(result?.questions.map((q) => [q.answered, q.feedback.correct])).toEqual([
      [true, true],
      [true, false],
      [true, true],
      [true, true],
      [false, false],
    ]);
    expect(result?.questions[1]?.feedback.responseText).toBeTruthy();
    expect(result?.questions[4]?.feedback.correctAnswer).toBeTruthy();
    const last = ids[4] as number;
    expect(await answerQuestion(user.id, attemptId, { cardId: last, response: await responseFor(attemptId, last, true) }, later(80))).toMatchObject({ ok: false, reason: 'finished' });
    expect((await writes(user.id)).answers).toBe(4);
    expect((await recentAttempts(user.id, DECK))[0]).toMatchObject({ id: attemptId, correctCount: 3, questionCount: 5, answeredCount: 4 });
  });

  it('the last answer finishes the attempt', async () => {
    const user = await makeUser();
    const attemptId = await start(user.id, { count: 2 });
    const [a, b] = (await attemptCards(attemptId)) as [number, number];
    expect(await answerQuestion(user.id, attemptId, { cardId: b, response: await responseFor(attemptId, b, true) }, later(5))).toMatchObject({ finished: false });
    expect(await answerQuestion(user.id, attemptId, { cardId: a, response: await responseFor(attemptId, a, false) }, later(9))).toMatchObject({ finished: true, answeredCount: 2 });
    expect((await quizResult(user.id, attemptId))?.score).toEqual({ correct: 1, total: 2, percent: 50 });
  });

  it('prefers questions never quizzed over ones just answered correctly', async () => {
    const user = await makeUser();
    const all = await attemptCards(await start(user.id, { sectionKeys: ['intro'], count: 50 }));
    const firstHalf = all.slice(0, Math.floor(all.length / 2));
    const attemptId = await start(user.id, { sectionKeys: ['intro'], count: 50 });
    for (const cardId of (await attemptCards(attemptId)).filter((id) => firstHalf.includes(id))) {
      await answerQuestion(user.id, attemptId, { cardId, response: await responseFor(attemptId, cardId, true) }, later(1));
    }
    let fresh = 0;
    for (let i = 0; i < 20; i++) {
      const out = await startQuiz(user.id, { deckId: DECK, sectionKeys: ['intro'], count: 3, feedback: 'end' }, later(60));
      if (out.ok) fresh += (await attemptCards(out.attemptId)).filter((id) => !firstHalf.includes(id)).length;
    }
    // Never-quizzed questions weigh 48 times more than ones answered right within the day.
    expect(fresh).toBeGreaterThan(50);
  });
});

/**
 * A quiz answer on a never-studied card introduces it, so it counts against the day's new-card
 * limit; past the limit the quiz still counts the answer but leaves the card new (issue 11).
 * Today's counts (queueCountsByDeck) and the review queue (deckQueueFor) must agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { answerQuestion, startQuiz } from '@/db/queries/quizzes';
import { recordReview } from '@/db/queries/reviews';
import { saveStudySettings, studySettingsFor } from '@/db/queries/settings';
import { deckQueueFor, queueCountsByDeck } from '@/db/queries/study';
import type { CardPayload } from '@/lib/content/cards';
import { gradeResponse, questionSeed, type QuizPayload } from '@/lib/quiz/present';
import { seededPermutation } from '@/lib/quiz/shuffle';
import { loadRealDeck, makeUser } from '../support/fixtures';

const DECK = 'war-for-peace';
const NOW = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function rightResponse(attemptId: number, cardId: number): unknown {
  const payload = JSON.parse((db.$client.prepare('SELECT payload FROM cards WHERE id = ?').get(cardId) as { payload: string }).payload) as CardPayload as QuizPayload;
  const seed = questionSeed(attemptId, cardId);
  if (payload.type === 'mcq') return payload.options.map((_, i) => i).find((i) => gradeResponse(payload, seed, i)?.correct);
  if (payload.type === 'truefalse') return payload.answer;
  if (payload.type === 'typed') return payload.answers[0];
  // Ordering: the shown (shuffled) step indices, in the right order.
  const perm = seededPermutation(seed, payload.steps.length, true);
  return payload.steps.map((_, step) => perm.indexOf(step));
}

async function studentWithLimit(newPerDay: number) {
  const user = await makeUser();
  saveStudySettings(user.id, { desiredRetention: 0.9, newPerDay, reviewsPerDay: 200, timeZone: 'UTC', rolloverHour: 4, passFail: false, maximumInterval: 36500, leechThreshold: 8, quizFeedback: 'immediate' });
  return user.id;
}

/** Reviews the first new card of the queue, as a review session would. */
function reviewFirstNew(userId: number, minutes: number): number {
  const card = deckQueueFor(userId, DECK, at(minutes))?.queue.new[0]?.cardId as number;
  const out = recordReview(userId, { cardId: card, grade: 3, clientId: `r-${userId}-${card}`, reviewedAt: at(minutes), durationMs: 1000, source: 'review' }, studySettingsFor(userId), at(minutes));
  expect(out.ok).toBe(true);
  return card;
}

function quizOnUnseen(userId: number, count: number, minutes: number): number[] {
  const started = startQuiz(userId, { deckId: DECK, count, feedback: 'immediate' }, at(minutes));
  if (!started.ok) throw new Error(started.message);
  const ids = JSON.parse((db.$client.prepare('SELECT card_ids FROM quiz_attempts WHERE id = ?').get(started.attemptId) as { card_ids: string }).card_ids) as number[];
  ids.forEach((cardId, i) => {
    const out = answerQuestion(userId, started.attemptId, { cardId, response: rightResponse(started.attemptId, cardId) }, at(minutes + i + 1));
    expect(out.ok).toBe(true);
  });
  return ids;
}

function agree(userId: number, minutes: number) {
  const today = queueCountsByDeck(userId, at(minutes)).get(DECK);
  const queue = deckQueueFor(userId, DECK, at(minutes))?.queue.counts;
  expect(today).toMatchObject(queue ?? {});
  return today as NonNullable<typeof today>;
}

const studiedCards = (userId: number) => (db.$client.prepare('SELECT count(*) n FROM card_states WHERE user_id = ? AND state != 0').get(userId) as { n: number }).n;

describe('quizzes and the daily new-card limit', () => {
  beforeAll(async () => {
    await loadRealDeck();
  });

  it('limit 1 already used: a 3-question quiz on unseen cards introduces none of them, and the answers still count', async () => {
    const userId = await studentWithLimit(1);
    const reviewed = reviewFirstNew(userId, 0);
    expect(agree(userId, 1)).toMatchObject({ new: 0, studied: 1 });
    const quizzed = quizOnUnseen(userId, 3, 2);
    expect(quizzed).toHaveLength(3);
    // The quiz draws from the whole deck, so it may include the card already reviewed (a few
    // percent of runs): that one answer moves its card, as a quiz answer on a studied card does.
    const logged = quizzed.filter((id) => id === reviewed).length;
    const answers = db.$client.prepare('SELECT count(*) n, sum(correct) c, count(review_log_id) logged FROM quiz_answers a JOIN quiz_attempts q ON q.id = a.attempt_id WHERE q.user_id = ?').get(userId) as { n: number; c: number; logged: number };
    expect(answers).toEqual({ n: 3, c: 3, logged });
    const today = agree(userId, 10);
    expect(today.new).toBe(0);
    expect(today.studied).toBe(1);
    expect(today.learning + today.review).toBeLessThanOrEqual(1);
    expect(studiedCards(userId)).toBe(1);
  });

  it('limit 3 with 1 used: the quiz introduces 2 cards, the third stays new, and the review session offers no more new cards', async () => {
    const userId = await studentWithLimit(3);
    reviewFirstNew(userId, 0);
    expect(agree(userId, 1).new).toBe(2);
    quizOnUnseen(userId, 3, 2);
    const today = agree(userId, 10);
    expect(today.new).toBe(0);
    expect(today.studied).toBe(3);
    expect(studiedCards(userId)).toBe(3);
    // The next study day has a fresh allowance.
    expect(agree(userId, 24 * 60).new).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { pickQuestions, questionWeight, type QuizCandidate } from '@/lib/quiz/pick';
import { seededRandom } from '@/lib/quiz/shuffle';

const NOW = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;

const never = (cardId: number): QuizCandidate => ({ cardId, lastQuizzedAt: null, lastQuizCorrect: null, retrievability: 0 });
const missed = (cardId: number): QuizCandidate => ({ cardId, lastQuizzedAt: NOW.getTime() - 48 * HOUR, lastQuizCorrect: false, retrievability: 0.5 });
const known = (cardId: number, r: number, hoursAgo = 72): QuizCandidate => ({
  cardId,
  lastQuizzedAt: NOW.getTime() - hoursAgo * HOUR,
  lastQuizCorrect: true,
  retrievability: r,
});

describe('questionWeight', () => {
  it('ranks never quizzed > last missed > likely forgotten > well known > just answered right', () => {
    const weights = [never(1), missed(2), known(3, 0.2), known(4, 0.99), known(5, 0.2, 2)].map((c) => questionWeight(c, NOW));
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(new Set(weights).size).toBe(5);
  });
});

describe('pickQuestions', () => {
  it('returns distinct ids, at most count, all of them when there are fewer', () => {
    const pool = Array.from({ length: 30 }, (_, i) => known(i + 1, i / 30));
    const picked = pickQuestions(pool, 10, NOW, seededRandom('a'));
    expect(picked).toHaveLength(10);
    expect(new Set(picked).size).toBe(10);
    expect(pickQuestions(pool.slice(0, 4), 10, NOW, seededRandom('b')).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(pickQuestions([], 10, NOW)).toEqual([]);
  });

  it('is deterministic for a seeded generator yet varies between draws', () => {
    const pool = Array.from({ length: 30 }, (_, i) => never(i + 1));
    expect(pickQuestions(pool, 5, NOW, seededRandom('s'))).toEqual(pickQuestions(pool, 5, NOW, seededRandom('s')));
    expect(pickQuestions(pool, 5, NOW, seededRandom('s'))).not.toEqual(pickQuestions(pool, 5, NOW, seededRandom('t')));
  });

  it('mostly picks unseen and missed questions, but not always', () => {
    const pool = [...Array.from({ length: 5 }, (_, i) => never(i + 1)), ...Array.from({ length: 5 }, (_, i) => missed(i + 6)), ...Array.from({ length: 20 }, (_, i) => known(i + 11, 0.95))];
    const random = seededRandom('many');
    let preferred = 0;
    let others = 0;
    for (let i = 0; i < 200; i++) {
      for (const id of pickQuestions(pool, 5, NOW, random)) {
        if (id <= 10) preferred += 1;
        else others += 1;
      }
    }
    expect(preferred / (preferred + others)).toBeGreaterThan(0.75);
    expect(others).toBeGreaterThan(0);
  });
});

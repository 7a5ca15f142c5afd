/**
 * Choosing which questions go into a quiz. Questions the student has never been quizzed on come
 * first, then those they last got wrong, then those they are most likely to have forgotten; a
 * question answered correctly in the last day is unlikely to come back. Randomness keeps two
 * quizzes over the same sections from being identical: each candidate gets a weight and we draw
 * without replacement in proportion to it (Efraimidis–Spirakis: keep the largest u^(1/w)).
 */

export interface QuizCandidate {
  cardId: number;
  /** When the student last answered this question in a quiz (ms), or null if never. */
  lastQuizzedAt: number | null;
  /** Whether that last quiz answer was correct (null if never quizzed). */
  lastQuizCorrect: boolean | null;
  /** Probability of recall now, 0..1 (0 for a card never reviewed). */
  retrievability: number;
}

const DAY_MS = 86_400_000;

export const PICK_WEIGHTS = {
  neverQuizzed: 12,
  lastWrong: 8,
  /** Known cards: from 1 (certainly remembered) up to 1 + this (certainly forgotten). */
  forgettingBonus: 4,
  correctWithinADay: 0.25,
} as const;

/**
 * How strongly a question should be preferred.
 * @example questionWeight({ cardId: 1, lastQuizzedAt: null, lastQuizCorrect: null, retrievability: 0 }, now) // 12
 */
export function questionWeight(c: QuizCandidate, now: Date): number {
  if (c.lastQuizzedAt === null) return PICK_WEIGHTS.neverQuizzed;
  if (c.lastQuizCorrect === false) return PICK_WEIGHTS.lastWrong;
  if (now.getTime() - c.lastQuizzedAt < DAY_MS) return PICK_WEIGHTS.correctWithinADay;
  const r = Math.min(1, Math.max(0, c.retrievability));
  return 1 + PICK_WEIGHTS.forgettingBonus * (1 - r);
}

/**
 * Up to `count` distinct card ids, drawn by weight; the order is the draw order (heaviest keys first).
 * `random` returns floats in [0, 1): pass a seeded one in tests.
 * @example pickQuestions(candidates, 10, new Date(), Math.random)
 */
export function pickQuestions(candidates: readonly QuizCandidate[], count: number, now: Date, random: () => number = Math.random): number[] {
  const keyed = candidates.map((c) => {
    // 1 - random() is in (0, 1], so the log is finite; log(u)/w orders like u^(1/w) without underflow.
    const u = 1 - random();
    return { cardId: c.cardId, key: Math.log(u) / questionWeight(c, now) };
  });
  keyed.sort((a, b) => b.key - a.key);
  return keyed.slice(0, Math.max(0, count)).map((k) => k.cardId);
}

/**
 * Deterministic shuffling for quiz questions. A question's options (or steps) are shown in an
 * order derived from a seed such as `${attemptId}:${cardId}`, so the server can recompute the
 * order the student saw when it grades, without storing it or trusting the client with it.
 */
import { hashSeed, mulberry32 } from '@/lib/random';

/**
 * A seeded generator returning floats in [0, 1), from a string key.
 * @example const random = seededRandom('12:345'); random() // same value for the same seed
 */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}

/**
 * A permutation of 0..n-1 from the seed: `perm[shownIndex] = originalIndex`.
 * With `avoidIdentity` (for ordering questions) the result is never the original order when n ≥ 2,
 * so a student can't score by submitting the steps as shown.
 * @example seededPermutation('1:2', 4) // e.g. [2, 0, 3, 1]
 */
export function seededPermutation(seed: string, n: number, avoidIdentity = false): number[] {
  const random = seededRandom(seed);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
  }
  if (avoidIdentity && n >= 2 && perm.every((v, i) => v === i)) {
    // Rotate by one: still deterministic, never the original order.
    perm.push(perm.shift() as number);
  }
  return perm;
}

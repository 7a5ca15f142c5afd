/**
 * Deterministic shuffling for quiz questions. A question's options (or steps) are shown in an
 * order derived from a seed such as `${attemptId}:${cardId}`, so the server can recompute the
 * order the student saw when it grades, without storing it or trusting the client with it.
 */

/** 32-bit FNV-1a hash of a string, used to seed the generator. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small seeded generator (mulberry32) returning floats in [0, 1).
 * @example const random = seededRandom('12:345'); random() // same value for the same seed
 */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

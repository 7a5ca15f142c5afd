/**
 * The discrimination index of quiz items, as Moodle's quiz statistics define it: the correlation
 * between the score on the item and the score on the rest of the test. An item that the students
 * who do well overall get right, and the others miss, discriminates; one that strong and weak
 * students miss equally often measures something else (luck, a trick, a miskeyed answer).
 *
 * Recall's quizzes draw a different set of questions for every attempt, so "the test" is a
 * student's whole quiz record on the assigned items, not one attempt:
 *   item score  = the share of the student's answers to this item that were right,
 *   rest score  = the share of the student's answers to every OTHER assigned item that were right,
 * and the index is the Pearson correlation of the two across the students who answered both.
 * Excluding the item from the rest score (Moodle's "rest of test") keeps an item from correlating
 * with itself. Pure: the db layer supplies per-student, per-card counts.
 */

/** Fewer students than this say too little about an item to flag its discrimination. */
export const MIN_STUDENTS_FOR_DISCRIMINATION = 10;
/** Below this the item discriminates poorly (Moodle's guidance: under 0.2 is weak, negative suggests a wrong key). */
export const POOR_DISCRIMINATION = 0.2;

export interface StudentCardScore {
  userId: number;
  cardId: number;
  answers: number;
  correct: number;
}

export interface Discrimination {
  /** Pearson r between item score and rest score; null when fewer than 2 students or either score does not vary. */
  index: number | null;
  /** Students who answered the item and at least one other assigned item. */
  students: number;
}

/**
 * Pearson correlation of paired values; null when there are fewer than 2 pairs or a side is constant.
 * @example pearson([[0, 0], [1, 1], [1, 0.5]]) // ≈ 0.866
 */
export function pearson(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length;
  if (n < 2) return null;
  const mx = pairs.reduce((s, [x]) => s + x, 0) / n;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  // Below this the spread is rounding noise, and the ratio would be noise too.
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** The discrimination index of every card that students answered, from per-student, per-card counts. */
export function discriminationByCard(scores: readonly StudentCardScore[]): Map<number, Discrimination> {
  const totals = new Map<number, { answers: number; correct: number }>();
  for (const s of scores) {
    const t = totals.get(s.userId) ?? { answers: 0, correct: 0 };
    t.answers += s.answers;
    t.correct += s.correct;
    totals.set(s.userId, t);
  }
  const pairsByCard = new Map<number, [number, number][]>();
  for (const s of scores) {
    if (s.answers <= 0) continue;
    const t = totals.get(s.userId);
    const restAnswers = (t?.answers ?? 0) - s.answers;
    if (!t || restAnswers <= 0) continue;
    const pairs = pairsByCard.get(s.cardId) ?? [];
    pairs.push([s.correct / s.answers, (t.correct - s.correct) / restAnswers]);
    pairsByCard.set(s.cardId, pairs);
  }
  const out = new Map<number, Discrimination>();
  for (const [cardId, pairs] of pairsByCard) out.set(cardId, { index: pearson(pairs), students: pairs.length });
  return out;
}

/** True once enough students answered and the index is below the bar (a null index is not judged). */
export function discriminatesPoorly(d: Discrimination | undefined): boolean {
  return d !== undefined && d.students >= MIN_STUDENTS_FOR_DISCRIMINATION && d.index !== null && d.index < POOR_DISCRIMINATION;
}

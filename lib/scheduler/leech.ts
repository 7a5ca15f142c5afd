/**
 * Leech detection (Anki rules): a card that keeps being forgotten is a leech.
 * It is flagged when its lapse count reaches the threshold, and again every
 * half-threshold lapses after that (8, 12, 16, … for the default 8).
 * A threshold below 1 disables leech detection.
 */

export const LEECH_LAPSES_DEFAULT = 8;

/**
 * True when a card with this many lapses counts as a leech.
 * @example isLeech(8) // true
 */
export function isLeech(lapses: number, threshold: number = LEECH_LAPSES_DEFAULT): boolean {
  return threshold >= 1 && lapses >= threshold;
}

/**
 * True only for the review that makes the card (re-)cross a leech mark:
 * lapses increased, lapses ≥ threshold and (lapses − threshold) is a multiple
 * of ceil(threshold / 2).
 * @example becameLeech(7, 8) // true
 * @example becameLeech(8, 8) // false (no new lapse)
 * @example becameLeech(11, 12) // true (second mark for threshold 8)
 */
export function becameLeech(
  lapsesBefore: number,
  lapsesAfter: number,
  threshold: number = LEECH_LAPSES_DEFAULT,
): boolean {
  if (threshold < 1 || lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false;
  return (lapsesAfter - threshold) % Math.ceil(threshold / 2) === 0;
}

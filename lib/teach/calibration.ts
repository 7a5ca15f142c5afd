/**
 * Calibration of the memory model for a class: does the recall FSRS predicts match the recall
 * students show? Each review of a learned card is one forecast (the predicted probability of
 * recall at that moment) and one outcome (remembered or not). Grouped per section and per band of
 * prediction, as in a reliability diagram: where predicted and observed agree, the memory goal's
 * "predicted recall at the due date" can be trusted.
 */

/** Prediction bands, lower bound inclusive: most reviews fall high, where the scheduler aims. */
export const CALIBRATION_BANDS = [0, 0.5, 0.7, 0.8, 0.9, 0.95] as const;

/** Index of the band a prediction falls in. */
export function bandOf(p: number): number {
  let i = 0;
  for (let b = 0; b < CALIBRATION_BANDS.length; b++) if (p >= CALIBRATION_BANDS[b]!) i = b;
  return i;
}

export function bandLabel(i: number): string {
  const lo = CALIBRATION_BANDS[i] ?? 0;
  const hi = CALIBRATION_BANDS[i + 1] ?? 1;
  return `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`;
}

export interface CalibrationRow {
  reviews: number;
  /** Mean predicted recall. */
  predicted: number;
  /** Share remembered. */
  observed: number;
}

/** Fewer reviews than this and a row's gap says little (a 95% interval wider than about ±15 points). */
export const MIN_CALIBRATION_REVIEWS = 40;

/** How far apart predicted and observed are, and whether the row has enough reviews to say so. */
export function calibrationVerdict(row: CalibrationRow): 'too_few' | 'good' | 'over' | 'under' {
  if (row.reviews < MIN_CALIBRATION_REVIEWS) return 'too_few';
  const gap = row.observed - row.predicted;
  // Two standard errors of the observed share, at least 3 points.
  const tolerance = Math.max(0.03, 2 * Math.sqrt((row.predicted * (1 - row.predicted)) / row.reviews));
  if (gap > tolerance) return 'under';
  if (gap < -tolerance) return 'over';
  return 'good';
}

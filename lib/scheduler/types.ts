/**
 * Scheduler domain types: the memory state we store per card (mirroring the
 * ts-fsrs `Card`, in camelCase, without the deprecated `elapsed_days`), the
 * per-user scheduler settings and their defaults/validation.
 */

/** 0 = New, 1 = Learning, 2 = Review, 3 = Relearning (same numbers as ts-fsrs `State`). */
export type CardStateValue = 0 | 1 | 2 | 3;

export const CARD_STATE = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;

/** 1 = Again, 2 = Hard, 3 = Good, 4 = Easy (same numbers as ts-fsrs `Rating`). */
export type Grade = 1 | 2 | 3 | 4;

export const GRADES: readonly Grade[] = [1, 2, 3, 4];

/** Stored FSRS memory state of one card. `null` elsewhere means "never studied". */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: Date | null;
}

export interface SchedulerSettings {
  /** Target probability of recall at the due date, 0.70–0.97. */
  desiredRetention: number;
  /** Longest interval in days. */
  maximumInterval: number;
  /** Add a small random spread to long intervals (deterministic per card+time). */
  enableFuzz: boolean;
  /** Learning steps such as '1m', '10m', '1h', '1d'. Default ['1m', '10m']. */
  learningSteps?: string[];
  /** Relearning steps after a lapse. Default ['10m']. */
  relearningSteps?: string[];
  /** Custom FSRS weights (17, 19 or 21 numbers); default: ts-fsrs defaults. */
  weights?: number[];
}

export const MIN_DESIRED_RETENTION = 0.7;
export const MAX_DESIRED_RETENTION = 0.97;

export const DEFAULT_SCHEDULER_SETTINGS: Readonly<Required<Omit<SchedulerSettings, 'weights'>>> = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  enableFuzz: true,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
};

export const STEP_RE = /^[1-9]\d*[mhd]$/;


/**
 * True when `step` is a valid step: a positive whole number of minutes, hours or
 * days ('30s' and '1.5h' are not supported by ts-fsrs).
 * @example isValidStep('10m') // true
 */
export function isValidStep(step: string): boolean {
  return STEP_RE.test(step);
}

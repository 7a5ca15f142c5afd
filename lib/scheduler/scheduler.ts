/**
 * FSRS scheduling on top of ts-fsrs: grade a card, preview the four grades,
 * compute retrievability and rebuild a card's state from its review log.
 * Pure functions: the caller supplies `now` and persists the results.
 */
import { fsrs, generatorParameters, type FSRS, type StepUnit } from 'ts-fsrs';
import { recallAfter } from './recall';
import { fromFsrsCard, toFsrsCard } from './fsrs-mapper';
import { formatInterval } from './format-interval';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  GRADES,
  MAX_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  isValidStep,
  type CardState,
  type CardStateValue,
  type Grade,
  type SchedulerSettings,
} from './types';

/** What one review did, for the review log (values are those AFTER the review unless named *Before). */
export interface ReviewLogRecord {
  rating: Grade;
  reviewedAt: Date;
  stateBefore: CardStateValue;
  stateAfter: CardStateValue;
  /** New due date. */
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  /** Milliseconds since the previous review, null for the first review. */
  elapsedMs: number | null;
}

export interface ScheduleResult {
  next: CardState;
  log: ReviewLogRecord;
}

export interface GradePreview {
  grade: Grade;
  due: Date;
  intervalLabel: string;
}

const MAX_CACHED = 64;
const cache = new Map<string, FSRS>();

function checkSteps(name: string, steps: string[]): StepUnit[] {
  for (const s of steps) {
    if (!isValidStep(s)) throw new RangeError(`Invalid ${name} step '${s}' (use e.g. '1m', '10m', '1h', '1d')`);
  }
  return steps as StepUnit[];
}

/**
 * The (cached) ts-fsrs instance for these settings. Throws RangeError on invalid settings.
 * @example makeScheduler({ desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false })
 */
export function makeScheduler(settings: SchedulerSettings): FSRS {
  const resolved = {
    desiredRetention: settings.desiredRetention,
    maximumInterval: settings.maximumInterval,
    enableFuzz: settings.enableFuzz,
    learningSteps: settings.learningSteps ?? DEFAULT_SCHEDULER_SETTINGS.learningSteps,
    relearningSteps: settings.relearningSteps ?? DEFAULT_SCHEDULER_SETTINGS.relearningSteps,
    weights: settings.weights ?? null,
  };
  const key = JSON.stringify(resolved);
  const hit = cache.get(key);
  if (hit) return hit;

  const r = resolved.desiredRetention;
  if (!(r >= MIN_DESIRED_RETENTION && r <= MAX_DESIRED_RETENTION)) {
    throw new RangeError(`desiredRetention must be ${MIN_DESIRED_RETENTION}–${MAX_DESIRED_RETENTION}, got ${r}`);
  }
  if (!Number.isInteger(resolved.maximumInterval) || resolved.maximumInterval < 1) {
    throw new RangeError(`maximumInterval must be a positive integer, got ${resolved.maximumInterval}`);
  }
  const instance = fsrs(
    generatorParameters({
      request_retention: r,
      maximum_interval: resolved.maximumInterval,
      enable_fuzz: resolved.enableFuzz,
      enable_short_term: true,
      learning_steps: checkSteps('learning', [...resolved.learningSteps]),
      relearning_steps: checkSteps('relearning', [...resolved.relearningSteps]),
      ...(resolved.weights ? { w: resolved.weights } : {}),
    }),
  );
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, instance);
  return instance;
}

function assertGrade(grade: number): asserts grade is Grade {
  if (!GRADES.includes(grade as Grade)) throw new RangeError(`grade must be 1–4, got ${grade}`);
}

/**
 * Apply a grade to a card (null = never studied) at `now`.
 * @example
 * const { next } = scheduleReview(null, 3, new Date('2024-03-01T10:00:00Z'), settings);
 * next.due // 2024-03-01T10:10:00Z with learning steps ['1m', '10m']
 */
export function scheduleReview(
  state: CardState | null,
  grade: Grade,
  now: Date,
  settings: SchedulerSettings,
): ScheduleResult {
  assertGrade(grade);
  const item = makeScheduler(settings).next(toFsrsCard(state, now), now, grade);
  const next = fromFsrsCard(item.card);
  return {
    next,
    log: {
      rating: grade,
      reviewedAt: new Date(now.getTime()),
      stateBefore: state?.state ?? 0,
      stateAfter: next.state,
      due: new Date(next.due.getTime()),
      stability: next.stability,
      difficulty: next.difficulty,
      scheduledDays: next.scheduledDays,
      learningSteps: next.learningSteps,
      elapsedMs: state?.lastReview ? now.getTime() - state.lastReview.getTime() : null,
    },
  };
}

/**
 * Due date and button label for each grade, without changing anything.
 * @example previewGrades(null, now, settings).map((p) => p.intervalLabel) // ['1m', '6m', '10m', '8d']
 */
export function previewGrades(state: CardState | null, now: Date, settings: SchedulerSettings): GradePreview[] {
  const preview = makeScheduler(settings).repeat(toFsrsCard(state, now), now);
  return GRADES.map((grade) => {
    const due = new Date(preview[grade].card.due.getTime());
    return { grade, due, intervalLabel: formatInterval(due.getTime() - now.getTime()) };
  });
}

/**
 * Probability of recall at `now` (0–1), using fractional days since the last
 * review. New/never-studied cards, and cards without a last review or
 * stability, give 0.
 * @example retrievability(stateReviewedTodayWithS10, sameInstant, settings) // 1
 */
export function retrievability(state: CardState | null, now: Date, settings: SchedulerSettings): number {
  return retrievabilityWith(settings)(state, now);
}

/**
 * `retrievability` for many cards with the same settings: resolves the FSRS weights once
 * instead of once per card (a 10,000-card progress page spent most of its time there).
 * @example const r = retrievabilityWith(settings); cards.map((c) => r(c.state, now))
 */
export function retrievabilityWith(
  settings: SchedulerSettings,
): (state: Pick<CardState, 'state' | 'stability' | 'lastReview'> | null, now: Date) => number {
  const w = makeScheduler(settings).parameters.w;
  return (state, now) => {
    if (!state || state.state === 0 || !state.lastReview) return 0;
    return recallAfter(w, (now.getTime() - state.lastReview.getTime()) / 86_400_000, state.stability);
  };
}

/**
 * Rebuild a card's state from its review log (the source of truth): entries are
 * sorted by `reviewedAt` (stable for equal times) and folded through
 * `scheduleReview`. Gives exactly the incremental result. Empty log → null.
 * @example replayLog([{ grade: 3, reviewedAt: t0 }, { grade: 3, reviewedAt: t1 }], settings)
 */
export function replayLog(
  entries: readonly { grade: Grade; reviewedAt: Date }[],
  settings: SchedulerSettings,
): CardState | null {
  const ordered = [...entries].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  let state: CardState | null = null;
  for (const e of ordered) state = scheduleReview(state, e.grade, e.reviewedAt, settings).next;
  return state;
}

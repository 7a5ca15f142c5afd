/**
 * Public API of the scheduler domain module (FSRS via ts-fsrs, study queue,
 * undo snapshots, leech detection). Import from '@/lib/scheduler'.
 */
export * from './types';
export { schedulerSettingsSchema } from './settings-schema';
export { toFsrsCard, fromFsrsCard } from './fsrs-mapper';
export { formatInterval } from './format-interval';
export {
  makeScheduler,
  scheduleReview,
  previewGrades,
  retrievability,
  retrievabilityWith,
  replayLog,
  type ReviewLogRecord,
  type ScheduleResult,
  type GradePreview,
} from './scheduler';
export {
  buildQueue,
  DEFAULT_NEW_PER_DAY,
  DEFAULT_REVIEWS_PER_DAY,
  type QueueCard,
  type QueueInput,
  type StudyQueue,
} from './queue';
export {
  snapshotOf,
  restoreSnapshot,
  SNAPSHOT_VERSION,
  type CardSnapshot,
  type SerializedCardState,
} from './undo';
export { LEECH_LAPSES_DEFAULT, isLeech, becameLeech } from './leech';
export { parametersKey } from './parameters-key';

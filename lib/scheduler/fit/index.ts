/** FSRS parameter fitting: training items from a log, the checked fit, and (server only) the fsrs-rs optimiser in ./optimiser. */
export { trainingItems, timeOrderedSplit, type FitReview, type TrainingItem, type TrainingStep } from './training-items';
export { checkedFit, fitHealth, MIN_FIT_ITEMS, HEALTH_MIN_ITEMS, POOR_RMSE, type FitVerdict, type FitReason } from './checked-fit';
export type { FitMetrics, Optimiser } from './optimiser';

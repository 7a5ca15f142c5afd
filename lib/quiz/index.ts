/**
 * Public API of the quiz grading module.
 */
export { normaliseAnswer, levenshtein, numberTokens, isPureNumber } from './normalise';
export {
  gradeChoice,
  gradeTrueFalse,
  gradeTyped,
  gradeOrdering,
  suggestedGrade,
  allowedTypos,
  type TypedGrade,
  type TypedRule,
  type OrderingGrade,
} from './grade';
export { canonical } from './typed/check-typed';

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
  type Closeness,
  type TypedGrade,
  type OrderingGrade,
} from './grade';

/**
 * The gradebook's columns per assignment, in one place for the CSV and the page: a short header
 * for the table (its legend gives the long name) and the CSV header suffix. Every figure is the
 * class dashboard's (lib/teach/class-analytics.ts), so the three never disagree.
 */
import type { AssignmentStatus } from './progress';

export interface GradebookCell {
  studied: number;
  assigned: number;
  bestQuiz: number | null;
  recallAtDue: number;
  status: AssignmentStatus;
  reviews7d: number;
  retention30: number | null;
  lastActive: number | null;
  /** This student's due date: later than the assignment's when they have an extension. */
  dueAt: number;
  extended: boolean;
}

export type GradebookColumnKey = 'studied' | 'assigned' | 'bestQuiz' | 'recallAtDue' | 'status' | 'dueAt' | 'reviews7d' | 'retention30' | 'lastActive';

export interface GradebookColumn {
  key: GradebookColumnKey;
  /** Table header, a word or two. */
  short: string;
  /** What it means, for the legend. */
  long: string;
  /** CSV header after "<assignment>: ". */
  csv: string;
}

/** In CSV order; the older six first, so existing spreadsheet formulas keep their columns. */
export const GRADEBOOK_COLUMNS: readonly GradebookColumn[] = [
  { key: 'studied', short: 'Stud.', long: 'items studied at least once', csv: 'studied' },
  { key: 'assigned', short: 'Of', long: 'items in the assignment', csv: 'assigned' },
  { key: 'bestQuiz', short: 'Quiz', long: 'best finished attempt of the assignment’s quiz', csv: 'best quiz %' },
  { key: 'recallAtDue', short: 'Recall', long: 'predicted recall at the due date, mean over the items', csv: 'recall at due %' },
  { key: 'status', short: 'Status', long: 'done, on track, behind or late', csv: 'status' },
  { key: 'dueAt', short: 'Due', long: 'this student’s due date (later than the assignment’s with an extension)', csv: 'due' },
  { key: 'reviews7d', short: 'Rev.', long: 'reviews of the assignment’s items in the last 7 days', csv: 'reviews 7 d' },
  { key: 'retention30', short: 'Ret.', long: 'true retention over the last 30 days (reviews after an item was learned that were not forgotten)', csv: 'retention 30 d %' },
  { key: 'lastActive', short: 'Last', long: 'last review of one of the assignment’s items', csv: 'last active' },
];

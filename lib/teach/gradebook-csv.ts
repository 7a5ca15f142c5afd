/**
 * The gradebook as CSV (RFC 4180): one row per student, and for each assignment the columns of
 * lib/teach/gradebook-columns.ts (studied, assigned, best quiz %, predicted recall at due %, status,
 * the student's due date, reviews 7 d, retention 30 d %, last active). Studied and assigned are separate numbers because a
 * spreadsheet would read "3/10" as a date.
 */
import { percentNumber } from './format';
import { GRADEBOOK_COLUMNS, type GradebookCell, type GradebookColumnKey } from './gradebook-columns';
import { STATUS_LABEL } from './progress';

export type { GradebookCell } from './gradebook-columns';

/** Instants as the class's time zone writes them: a date ("2026-12-09"), a date and time ("2026-12-09 23:59"). */
export interface GradebookDates {
  day(ms: number): string;
  dateTime(ms: number): string;
}

export interface GradebookColumnSource {
  id: number;
  label: string;
}

export interface GradebookStudent {
  userId: number;
  name: string;
  email: string;
  joined: string;
}

/** One cell as CSV text; `when` writes an instant as the class's calendar date (and time). */
function cellValue(c: GradebookCell, key: GradebookColumnKey, when: GradebookDates): string | number {
  switch (key) {
    case 'studied':
    case 'assigned':
    case 'reviews7d':
      return c[key];
    case 'bestQuiz':
    case 'recallAtDue':
    case 'retention30':
      return percentNumber(c[key]);
    case 'status':
      return STATUS_LABEL[c.status].toLowerCase();
    case 'lastActive':
      return c.lastActive === null ? '' : when.day(c.lastActive);
    case 'dueAt':
      return when.dateTime(c.dueAt);
  }
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break; text that a spreadsheet
 * would run as a formula (= + - @ at the start) gets a leading apostrophe.
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 * @example csvField('Lee, Ann') // '"Lee, Ann"'
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function gradebookCsv(
  students: readonly GradebookStudent[],
  assignments: readonly GradebookColumnSource[],
  cell: (assignmentId: number, userId: number) => GradebookCell | undefined,
  when: GradebookDates,
): string {
  const header = ['Student', 'Email', 'Joined'];
  for (const a of assignments) header.push(...GRADEBOOK_COLUMNS.map((col) => `${a.label}: ${col.csv}`));
  const lines = [header.map(csvField).join(',')];
  for (const s of students) {
    const row: (string | number)[] = [s.name, s.email, s.joined];
    for (const a of assignments) {
      const c = cell(a.id, s.userId);
      row.push(...GRADEBOOK_COLUMNS.map((col) => (c ? cellValue(c, col.key, when) : '')));
    }
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

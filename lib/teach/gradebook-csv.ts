/**
 * The gradebook as CSV (RFC 4180): one row per student, and for each assignment the columns
 * studied, assigned, best quiz %, predicted recall at due %, status, and the student's due date
 * (later than the assignment's, in the header, when they have an extension). Studied and assigned are
 * separate numbers because a spreadsheet would read "3/10" as a date.
 */
import { percentNumber } from './format';
import { STATUS_LABEL, type AssignmentStatus } from './progress';

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

export interface GradebookCell {
  studied: number;
  assigned: number;
  bestQuiz: number | null;
  recallAtDue: number;
  status: AssignmentStatus;
  /** This student's due date as written in the class's time zone ("2026-12-09 23:59"). */
  due: string;
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
): string {
  const header = ['Student', 'Email', 'Joined'];
  for (const a of assignments) {
    header.push(`${a.label}: studied`, `${a.label}: assigned`, `${a.label}: best quiz %`, `${a.label}: recall at due %`, `${a.label}: status`, `${a.label}: due`);
  }
  const lines = [header.map(csvField).join(',')];
  for (const s of students) {
    const row: (string | number)[] = [s.name, s.email, s.joined];
    for (const a of assignments) {
      const c = cell(a.id, s.userId);
      row.push(
        ...(c ? [c.studied, c.assigned, percentNumber(c.bestQuiz), percentNumber(c.recallAtDue), STATUS_LABEL[c.status].toLowerCase(), c.due] : ['', '', '', '', '', '']),
      );
    }
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Reading a roster an instructor pastes or uploads to invite a class: a CSV or TSV from a
 * spreadsheet or a school system (an email column, optionally a name, first/last name columns,
 * a header or none), an address list from a mail program ("Ann Lee <ann@x.edu>; bob@x.edu"), or
 * one address per line. Cells are split by the project's one CSV reader (parseDelimited). Pure:
 * text in, one entry per person out, each with the problem that keeps it from being invited.
 * What the database knows (already enrolled, already invited) is added by db/queries/invitations.ts.
 */
import { detectDelimiter, parseDelimited, type TableRow } from '@/lib/content/import-csv';
import { emailField } from '@/lib/validation/auth';
import { plural } from '@/lib/text/plural';

/** People per roster, and bytes per pasted or uploaded roster (500 rows of long names fit easily). */
export const ROSTER_MAX_ROWS = 500;
export const ROSTER_MAX_BYTES = 100_000;
export const ROSTER_NAME_MAX = 80;

/** Problems found in the text alone, then those the database adds. */
export type RosterProblem =
  | 'bad-email'
  | 'several-emails'
  | 'duplicate'
  | 'enrolled'
  | 'pending'
  | 'own-address';

/** Not a problem, but worth saying before anything is sent. */
export type RosterNote = 'removed' | 'expired';

export interface RosterEntry {
  /** 1-based line of the text the person is on. */
  line: number;
  /** Lower-cased when it is a valid address; as written otherwise. */
  email: string;
  name: string | null;
  problem: RosterProblem | null;
  /** For a duplicate: the line of the first mention. */
  firstLine?: number;
  note?: RosterNote;
}

type Column = 'email' | 'name' | 'first' | 'last';
const HEADER_NAMES: Record<string, Column> = {
  email: 'email', 'e-mail': 'email', mail: 'email', 'email address': 'email', 'e-mail address': 'email',
  name: 'name', 'full name': 'name', student: 'name', 'student name': 'name', 'display name': 'name',
  'first name': 'first', 'given name': 'first', firstname: 'first',
  'last name': 'last', surname: 'last', 'family name': 'last', lastname: 'last',
};

interface Header {
  columns: (Column | undefined)[];
}

/** A first row that names an email column (and holds no address) is a header. */
function headerOf(row: TableRow): Header | null {
  if (row.cells.some((c) => c.includes('@'))) return null;
  const columns = row.cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
  return columns.includes('email') ? { columns } : null;
}

const ANGLE = /^(.*?)<([^<>]*)>\s*$/;

/** "Ann Lee <ann@x.edu>" → name and address; a bare cell is an address. Quotes around a name go. */
function splitMailbox(cell: string): { email: string; name: string | null } {
  const match = ANGLE.exec(cell.trim());
  if (!match) return { email: cell.trim(), name: null };
  const name = (match[1] ?? '').trim().replace(/^"(.*)"$/, '$1').trim();
  return { email: (match[2] ?? '').trim(), name: name || null };
}

function cleanName(raw: string | null): string | null {
  if (raw === null) return null;
  // Control characters and runs of spaces out; a name longer than the account limit is cut.
  const name = raw.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, ROSTER_NAME_MAX).trim();
  return name || null;
}

interface Person {
  line: number;
  email: string;
  name: string | null;
  problem?: RosterProblem;
}

function peopleOfRow(row: TableRow, header: Header | null): Person[] {
  const cells = row.cells.map((c) => c.trim());
  if (header) {
    const at = (column: Column) => cells.filter((_, i) => header.columns[i] === column).join(' ').trim();
    const split = splitMailbox(at('email'));
    const name = at('name') || [at('first'), at('last')].filter(Boolean).join(' ') || split.name;
    return [{ line: row.line, email: split.email, name }];
  }
  const filled = cells.filter(Boolean);
  const withAt = filled.filter((c) => c.includes('@'));
  // A line of addresses ("a@x.edu, b@x.edu"): one person each.
  if (withAt.length > 1 && withAt.length === filled.length) return filled.map((c) => ({ line: row.line, ...splitMailbox(c) }));
  if (withAt.length > 1) return [{ line: row.line, email: filled.join(', '), name: null, problem: 'several-emails' }];
  if (withAt.length === 0) return [{ line: row.line, email: filled.join(', '), name: null, problem: 'bad-email' }];
  const split = splitMailbox(withAt[0] as string);
  const others = filled.filter((c) => !c.includes('@')).join(' ');
  return [{ line: row.line, email: split.email, name: others || split.name }];
}

/** Every person in the text, in order, with the problems the text alone shows. */
export function parseRoster(text: string): RosterEntry[] {
  const body = text.replace(/^\uFEFF/, '');
  const rows = parseDelimited(body, detectDelimiter(body)).filter((r) => r.cells.some((c) => c.trim()));
  const header = rows[0] ? headerOf(rows[0]) : null;
  const seen = new Map<string, number>();
  const entries: RosterEntry[] = [];
  for (const row of header ? rows.slice(1) : rows) {
    for (const person of peopleOfRow(row, header)) {
      const name = cleanName(person.name);
      const parsed = person.problem ? null : emailField.safeParse(person.email);
      if (!parsed?.success) {
        entries.push({ line: person.line, email: person.email, name, problem: person.problem ?? 'bad-email' });
        continue;
      }
      const email = parsed.data;
      const firstLine = seen.get(email);
      if (firstLine !== undefined) {
        entries.push({ line: person.line, email, name, problem: 'duplicate', firstLine });
        continue;
      }
      seen.set(email, person.line);
      entries.push({ line: person.line, email, name, problem: null });
    }
  }
  return entries;
}

/** Why a roster cannot be read at all (nothing in it, or too many people), or null. */
export function rosterSizeError(entries: RosterEntry[]): string | null {
  if (entries.length === 0) return 'The list has no email addresses.';
  if (entries.length > ROSTER_MAX_ROWS) {
    return `At most ${plural(ROSTER_MAX_ROWS, 'person', 'people')} at a time; this list has ${entries.length.toLocaleString('en-GB')}. Split it in parts.`;
  }
  return null;
}

/** What the preview says about a row. */
export function rosterEntryMessage(entry: RosterEntry): string {
  switch (entry.problem) {
    case 'bad-email':
      return entry.email ? 'Not an email address.' : 'No email address.';
    case 'several-emails':
      return 'More than one email address with other text on one line: put each person on a line of their own.';
    case 'duplicate':
      return `Listed twice: already on line ${entry.firstLine}.`;
    case 'enrolled':
      return 'Already in this class.';
    case 'pending':
      return 'Already invited; the invitation is still open (send it again from the list below).';
    case 'own-address':
      return 'That is your own address.';
    case null:
      if (entry.note === 'removed') return 'Will be invited. You removed this student; accepting lets them back in.';
      if (entry.note === 'expired') return 'Will be invited again: the earlier invitation expired.';
      return 'Will be invited.';
  }
}

export function invitable(entries: RosterEntry[]): RosterEntry[] {
  return entries.filter((e) => e.problem === null);
}

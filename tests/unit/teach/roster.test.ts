/** Reading a pasted or uploaded roster: one entry per person, with what the text alone shows is wrong. */
import { describe, expect, it } from 'vitest';
import { invitable, parseRoster, ROSTER_MAX_ROWS, rosterEntryMessage, rosterSizeError, type RosterEntry } from '@/lib/teach/roster';

type Case = [label: string, text: string, expected: Partial<RosterEntry>[]];

const ok = (line: number, email: string, name: string | null = null) => ({ line, email, name, problem: null });

const cases: Case[] = [
  ['one address per line', 'ann@school.edu\nbob@school.edu\n', [ok(1, 'ann@school.edu'), ok(2, 'bob@school.edu')]],
  ['comma-separated on one line', 'ann@school.edu, bob@school.edu,cy@school.edu', [ok(1, 'ann@school.edu'), ok(1, 'bob@school.edu'), ok(1, 'cy@school.edu')]],
  ['semicolons and mailbox names', 'Ann Lee <Ann@School.edu>; "Bob Ray" <bob@school.edu>', [ok(1, 'ann@school.edu', 'Ann Lee'), ok(1, 'bob@school.edu', 'Bob Ray')]],
  ['CSV with a header, name first', 'Name,Email\nAnn Lee,ann@school.edu\n"Ray, Bob",bob@school.edu', [ok(2, 'ann@school.edu', 'Ann Lee'), ok(3, 'bob@school.edu', 'Ray, Bob')]],
  ['CSV with first and last name columns', 'email,first name,last name\nann@school.edu,Ann,Lee', [ok(2, 'ann@school.edu', 'Ann Lee')]],
  ['TSV without header, email second', 'Ann Lee\tann@school.edu\nBob\tbob@school.edu', [ok(1, 'ann@school.edu', 'Ann Lee'), ok(2, 'bob@school.edu', 'Bob')]],
  ['upper case and spaces are normalised', '  ANN@School.EDU  \r\n', [ok(1, 'ann@school.edu')]],
  ['blank lines and a BOM are skipped', '\uFEFFann@school.edu\n\n  \n\t\nbob@school.edu', [ok(1, 'ann@school.edu'), ok(5, 'bob@school.edu')]],
  [
    'a bad address is an error on its line',
    'ann@school.edu\nbob-at-school.edu\ncy@',
    [ok(1, 'ann@school.edu'), { line: 2, email: 'bob-at-school.edu', problem: 'bad-email' }, { line: 3, email: 'cy@', problem: 'bad-email' }],
  ],
  ['an empty email cell under a header', 'email,name\n,Ann', [{ line: 2, email: '', name: 'Ann', problem: 'bad-email' }]],
  [
    'the second mention of an address is a duplicate',
    'ann@school.edu\nbob@school.edu\nAnn@SCHOOL.edu',
    [ok(1, 'ann@school.edu'), ok(2, 'bob@school.edu'), { line: 3, email: 'ann@school.edu', problem: 'duplicate', firstLine: 1 }],
  ],
  ['two addresses beside a name', 'Ann,ann@school.edu,ann2@school.edu', [{ line: 1, problem: 'several-emails' }]],
  ['control characters leave names', 'Ann\u0007 \u202eLee\tann@school.edu', [ok(1, 'ann@school.edu', 'Ann Lee')]],
  ['a quoted field spanning lines keeps line numbers', '"Ann\nLee",ann@school.edu\nbob@school.edu', [ok(1, 'ann@school.edu', 'Ann Lee'), ok(3, 'bob@school.edu')]],
];

describe('parseRoster', () => {
  it.each(cases)('%s', (_label, text, expected) => {
    const entries = parseRoster(text);
    expect(entries).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(entries[i]).toMatchObject(want));
  });

  it('cuts long names to the account limit', () => {
    const [entry] = parseRoster(`${'x'.repeat(200)},ann@school.edu`);
    expect(entry?.name).toHaveLength(80);
  });

  it('lists only rows without a problem as invitable', () => {
    expect(invitable(parseRoster('ann@school.edu\nnope\nann@school.edu')).map((e) => e.line)).toEqual([1]);
  });
});

describe('rosterSizeError', () => {
  it.each([
    [0, 'The list has no email addresses.'],
    [1, null],
    [ROSTER_MAX_ROWS, null],
    [ROSTER_MAX_ROWS + 1, 'At most 500 people at a time; this list has 501. Split it in parts.'],
  ])('%i people → %s', (n, message) => {
    const text = Array.from({ length: n }, (_, i) => `p${i}@school.edu`).join('\n');
    expect(rosterSizeError(parseRoster(text))).toBe(message);
  });
});

describe('rosterEntryMessage', () => {
  it.each<[Partial<RosterEntry>, string]>([
    [{ problem: 'bad-email', email: 'x' }, 'Not an email address.'],
    [{ problem: 'bad-email', email: '' }, 'No email address.'],
    [{ problem: 'duplicate', firstLine: 4 }, 'Listed twice: already on line 4.'],
    [{ problem: 'enrolled' }, 'Already in this class.'],
    [{ problem: null }, 'Will be invited.'],
    [{ problem: null, note: 'removed' }, 'Will be invited. You removed this student; accepting lets them back in.'],
  ])('%o', (entry, message) => {
    expect(rosterEntryMessage({ line: 1, email: 'a@b.c', name: null, ...entry } as RosterEntry)).toBe(message);
  });
});

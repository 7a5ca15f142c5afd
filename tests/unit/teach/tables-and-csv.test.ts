import { describe, expect, it } from 'vitest';
import { csvField, gradebookCsv } from '@/lib/teach/gradebook-csv';
import { analyseItemQuiz, lapseRate } from '@/lib/teach/item-analysis';
import { assignmentLabel, percent, shortTitle } from '@/lib/teach/format';
import { parseSort, sortRows } from '@/lib/teach/sort';
import { parseId } from '@/lib/teach/ids';

describe('item analysis', () => {
  const counts = (answers: number, correct: number, choices: [number, number][] = [], correctIndex: number | null = null) => ({
    answers,
    correct,
    choiceCounts: new Map(choices),
    correctIndex,
  });

  it('flags low facility only with enough answers', () => {
    expect(analyseItemQuiz(counts(5, 1)).flags).toEqual(['low-facility']);
    expect(analyseItemQuiz(counts(4, 0)).flags).toEqual([]);
    expect(analyseItemQuiz(counts(10, 3)).flags).toEqual([]); // 0.3 is not below 0.3
  });

  it('names the most chosen wrong option and flags one that beats the key', () => {
    const a = analyseItemQuiz(counts(6, 2, [[0, 2], [1, 1], [2, 3]], 0));
    expect(a.topWrongChoice).toEqual({ index: 2, count: 3 });
    expect(a.flags).toEqual(['distractor-beats-key']);
    expect(analyseItemQuiz(counts(6, 3, [[0, 3], [2, 3]], 0)).flags).toEqual([]); // a tie does not beat the key
  });

  it('has no facility or lapse rate without data', () => {
    expect(analyseItemQuiz(counts(0, 0))).toEqual({ facility: null, topWrongChoice: null, discrimination: null, discriminationStudents: 0, flags: [] });
    expect(lapseRate(0, 0)).toBeNull();
    expect(lapseRate(1, 4)).toBe(0.25);
  });
});

describe('sorting', () => {
  it('keeps missing values last both ways and ties stable', () => {
    const rows = [{ n: 2, id: 'a' }, { n: null, id: 'b' }, { n: 1, id: 'c' }, { n: 2, id: 'd' }];
    expect(sortRows(rows, (r) => r.n, 'asc').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortRows(rows, (r) => r.n, 'desc').map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('accepts only known columns from the URL', () => {
    const keys = ['name', 'recall'] as const;
    expect(parseSort('recall', 'desc', keys, { key: 'name', dir: 'asc' })).toEqual({ key: 'recall', dir: 'desc' });
    expect(parseSort('password', 'desc', keys, { key: 'name', dir: 'asc' })).toEqual({ key: 'name', dir: 'asc' });
    expect(parseSort('recall', 'sideways', keys, { key: 'name', dir: 'asc' })).toEqual({ key: 'recall', dir: 'asc' });
  });
});

describe('gradebook CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('Lee, Ann')).toBe('"Lee, Ann"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
  });

  it('has a header and one row per student, blanks where a student has no numbers', () => {
    const csv = gradebookCsv(
      [{ userId: 1, name: 'Ann', email: 'ann@x.test', joined: '2026-03-01' }, { userId: 2, name: 'Bob', email: 'bob@x.test', joined: '2026-03-02' }],
      [{ id: 7, label: 'Reading 1' }],
      (_a, userId) =>
        userId === 1
          ? { studied: 3, assigned: 4, bestQuiz: 0.755, recallAtDue: 0.5, status: 'on-track', dueAt: Date.parse('2026-03-20T23:59:00Z'), extended: true, reviews7d: 12, retention30: 0.875, lastActive: Date.parse('2026-03-04T23:30:00Z') }
          : undefined,
      { day: (ms) => new Date(ms).toISOString().slice(0, 10), dateTime: (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') },
    );
    expect(csv.split('\r\n')).toEqual([
      'Student,Email,Joined,Reading 1: studied,Reading 1: assigned,Reading 1: best quiz %,Reading 1: recall at due %,Reading 1: status,Reading 1: due,Reading 1: reviews 7 d,Reading 1: retention 30 d %,Reading 1: last active',
      'Ann,ann@x.test,2026-03-01,3,4,75.5,50,on track,2026-03-20 23:59,12,87.5,2026-03-04',
      'Bob,bob@x.test,2026-03-02,,,,,,,,,',
      '',
    ]);
  });

  it('leaves retention and last active blank for a student with no reviews yet', () => {
    const csv = gradebookCsv(
      [{ userId: 1, name: 'Ann', email: 'ann@x.test', joined: '2026-03-01' }],
      [{ id: 7, label: 'R' }],
      () => ({ studied: 0, assigned: 4, bestQuiz: null, recallAtDue: 0, status: 'behind', dueAt: 0, extended: false, reviews7d: 0, retention30: null, lastActive: null }),
      { day: () => 'never called', dateTime: () => '2026-03-20 23:59' },
    );
    expect(csv.split('\r\n')[1]).toBe('Ann,ann@x.test,2026-03-01,0,4,,0,behind,2026-03-20 23:59,0,,');
  });
});

describe('labels and ids', () => {
  it('shortens deck titles and formats percents', () => {
    expect(shortTitle('War for Peace: How Moscow Expands Its Clout')).toBe('War for Peace');
    expect(assignmentLabel({ deckTitle: 'War for Peace: X', sectionTitles: [] })).toBe('War for Peace (whole deck)');
    expect(assignmentLabel({ deckTitle: 'War for Peace: X', sectionTitles: ['Introduction', 'Principles'] })).toBe('War for Peace: Introduction, Principles');
    expect(percent(0.8682)).toBe('87 %');
    expect(percent(null)).toBe('–');
  });

  it('reads only positive integer ids', () => {
    expect(parseId('12')).toBe(12);
    for (const bad of ['0', '-1', '1.5', '12abc', '', undefined, ['1'], '99999999999999999999']) expect(parseId(bad)).toBeNull();
  });
});

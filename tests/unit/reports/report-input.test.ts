/** The rules for a card report and for the author's answer: reasons, bounded notes, safe text. */
import { describe, expect, it } from 'vitest';
import { handleReportSchema, reportCardSchema } from '@/lib/validation/reports';
import { handledReportText } from '@/lib/reports/reasons';

function fieldOf(schema: typeof reportCardSchema | typeof handleReportSchema, input: unknown): string | null {
  const out = schema.safeParse(input);
  return out.success ? null : (out.error.issues[0]?.path.join('.') ?? '_form');
}

describe('reportCardSchema', () => {
  const ok = { cardId: '12', reason: 'typo', note: 'Missing a letter', source: 'review' };
  it.each([
    ['a full report', ok, null],
    ['no note', { ...ok, note: undefined }, null],
    ['a note of 500 characters', { ...ok, note: 'x'.repeat(500) }, null],
    ['a note with line breaks', { ...ok, note: 'one\r\ntwo' }, null],
    ['a note of 501 characters', { ...ok, note: 'x'.repeat(501) }, 'note'],
    ['a megabyte note', { ...ok, note: 'x'.repeat(1_000_000) }, 'note'],
    ['a bidi override in the note', { ...ok, note: 'a\u202eb' }, 'note'],
    ['an unknown reason', { ...ok, reason: 'boring' }, 'reason'],
    ['no reason', { ...ok, reason: undefined }, 'reason'],
    ['an unknown source', { ...ok, source: 'email' }, 'source'],
    ['card id 0', { ...ok, cardId: '0' }, 'cardId'],
    ['a fractional card id', { ...ok, cardId: '1.5' }, 'cardId'],
    ['a card id past 32 bits', { ...ok, cardId: '9007199254740993' }, 'cardId'],
  ])('%s', (_name, input, field) => {
    expect(fieldOf(reportCardSchema, input)).toBe(field);
  });

  it('trims the note and turns an empty one into null', () => {
    expect(reportCardSchema.parse({ ...ok, note: '  \r\n ' }).note).toBeNull();
    expect(reportCardSchema.parse({ ...ok, note: ' a\r\nb ' }).note).toBe('a\nb');
  });
});

describe('handleReportSchema', () => {
  it.each([
    ['fixed with a reply', { reportId: '3', decision: 'fixed', reply: 'Thanks, corrected.' }, null],
    ['dismissed without a reply', { reportId: '3', decision: 'dismissed' }, null],
    ['reopening is not a decision', { reportId: '3', decision: 'open' }, 'decision'],
    ['a reply of 301 characters', { reportId: '3', decision: 'fixed', reply: 'x'.repeat(301) }, 'reply'],
    ['a negative id', { reportId: '-3', decision: 'fixed' }, 'reportId'],
  ])('%s', (_name, input, field) => {
    expect(fieldOf(handleReportSchema, input)).toBe(field);
  });
});

describe('handledReportText', () => {
  it.each([
    [{ prompt: 'Who wrote it?', status: 'fixed', reply: 'Typo corrected.' }, 'Your report on “Who wrote it?” was fixed: Typo corrected.'],
    [{ prompt: 'Who wrote it?', status: 'fixed', reply: null }, 'Your report on “Who wrote it?” was fixed.'],
    [{ prompt: 'Who wrote it?', status: 'dismissed', reply: 'The date is right.' }, 'Your report on “Who wrote it?” was looked at and the card stays as it is: The date is right.'],
    [{ prompt: 'x'.repeat(100), status: 'fixed', reply: null }, `Your report on “${'x'.repeat(79)}…” was fixed.`],
  ] as const)('%j', (report, text) => {
    expect(handledReportText(report)).toBe(text);
  });
});

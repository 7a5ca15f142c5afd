import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '@/lib/export/csv';

describe('CSV writing', () => {
  it('leaves plain values alone and writes numbers, booleans and nulls', () => {
    expect(csvRow([12, 'war-for-peace', true, null, undefined, 0])).toBe('12,war-for-peace,true,,,0\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-2)).toBe('-2'); // a real number stays a number
  });
});

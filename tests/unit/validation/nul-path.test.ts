/** nulPath finds a NUL character anywhere in an action's or route's input (PostgreSQL text cannot hold one). */
import { describe, expect, it } from 'vitest';
import { nulPath } from '@/lib/validation/text';

describe('nulPath', () => {
  it.each<[string, unknown, string | null]>([
    ['a clean string', 'hello', null],
    ['a bare string with NUL', 'he\u0000llo', ''],
    ['numbers, booleans, null', { a: 1, b: true, c: null }, null],
    ['a field', { name: 'ok', id: 'x\u0000' }, 'id'],
    ['an array item', { tags: ['a', 'b\u0000'] }, 'tags.1'],
    ['deep inside a batch', { reviews: [{ typed: 'fine' }, { typed: { text: '\u0000' } }] }, 'reviews.1.typed.text'],
    ['a key', { 'bad\u0000key': 'v' }, 'bad\\0key'],
    ['the first of two', { a: '\u0000', b: '\u0000' }, 'a'],
    ['other control characters (names refuse them; free text may hold them)', { note: 'tab\there\nline' }, null],
  ])('%s', (_name, input, expected) => {
    expect(nulPath(input)).toBe(expected);
  });
});

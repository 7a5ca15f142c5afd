import { describe, it, expect } from 'vitest';
import { isPureNumber, levenshtein, normaliseAnswer, numberTokens } from '@/lib/quiz/normalise';

describe('normaliseAnswer', () => {
  it.each([
    ['Kassym-Jomart Tokayev', 'kassym jomart tokayev'],
    ['  kassym   jomart\ttokayev ', 'kassym jomart tokayev'],
    ['CSTO', 'csto'],
    ['The Warsaw Pact', 'warsaw pact'],
    ['an apple', 'apple'],
    ['A', 'a'],
    ['Brest-Litovsk, Treaty of', 'brest litovsk treaty of'],
    ['Ça va', 'ca va'],
    ['Dvořák', 'dvorak'],
    ['Bosnia & Herzegovina', 'bosnia and herzegovina'],
    ['2,500', '2500'],
    ['1,234,567', '1234567'],
    ['3.5', '3.5'],
    ['end.', 'end'],
    ["O'Brien", 'obrien'],
    ['“quoted”', 'quoted'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseAnswer(input)).toBe(expected);
  });

  it('a comma between numbers that is not a thousands separator stays a separator', () => {
    expect(normaliseAnswer('1,25')).toBe('1 25');
  });
});

describe('helpers', () => {
  it('levenshtein', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('tokayev', 'tokayev')).toBe(0);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abcdef', 'uvwxyz', 2)).toBe(3); // early exit returns max + 1
  });

  it('numberTokens / isPureNumber', () => {
    expect(numberTokens('world war 2 in 1945')).toEqual(['2', '1945']);
    expect(isPureNumber('2500')).toBe(true);
    expect(isPureNumber('3.5')).toBe(true);
    expect(isPureNumber('2500 km')).toBe(false);
  });
});

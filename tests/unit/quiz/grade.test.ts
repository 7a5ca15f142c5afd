import { describe, it, expect } from 'vitest';
import {
  allowedTypos,
  gradeChoice,
  gradeOrdering,
  gradeTrueFalse,
  gradeTyped,
  suggestedGrade,
} from '@/lib/quiz/grade';

describe('gradeChoice / gradeTrueFalse', () => {
  it('choice', () => {
    expect(gradeChoice(2, 2)).toEqual({ correct: true });
    expect(gradeChoice(1, 2)).toEqual({ correct: false });
    expect(gradeChoice(null, 0)).toEqual({ correct: false });
  });

  it('true/false', () => {
    expect(gradeTrueFalse(true, true).correct).toBe(true);
    expect(gradeTrueFalse(false, false).correct).toBe(true);
    expect(gradeTrueFalse(true, false).correct).toBe(false);
    expect(gradeTrueFalse(null, false).correct).toBe(false);
  });
});

describe('gradeTyped', () => {
  it('formatting differences are exact matches', () => {
    expect(gradeTyped('kassym jomart tokayev', ['Kassym-Jomart Tokayev'])).toEqual({
      correct: true,
      matched: 'Kassym-Jomart Tokayev',
      rule: 'exact',
    });
    expect(gradeTyped('csto', ['CSTO'])).toEqual({ correct: true, matched: 'CSTO', rule: 'exact' });
    expect(gradeTyped('the csto', ['CSTO']).rule).toBe('exact');
    expect(gradeTyped('Bosnia and Herzegovina', ['Bosnia & Herzegovina']).rule).toBe('exact');
  });

  it('numbers: thousands separators are ignored but the value must match exactly', () => {
    expect(gradeTyped('2,500', ['2500'])).toEqual({ correct: true, matched: '2500', rule: 'exact' });
    expect(gradeTyped('2500', ['2,500']).correct).toBe(true);
    expect(gradeTyped('2,400', ['2500'])).toEqual({ correct: false });
    expect(gradeTyped('25000', ['2500']).correct).toBe(false);
    expect(gradeTyped('123456', ['123457']).correct).toBe(false); // no typo tolerance for numbers
    expect(gradeTyped('World War 3', ['World War 2']).correct).toBe(false); // numbers inside text too
  });

  it('typos: 1 allowed for 5–8 characters, 2 above 8, none below 5', () => {
    expect(allowedTypos(4)).toBe(0);
    expect(allowedTypos(5)).toBe(1);
    expect(allowedTypos(8)).toBe(1);
    expect(allowedTypos(9)).toBe(2);
    expect(gradeTyped('Tokaev', ['Tokayev'])).toEqual({ correct: true, matched: 'Tokayev', rule: 'typo', acceptedAs: 'Tokayev' });
    expect(gradeTyped('Tokaevv', ['Tokayev']).correct).toBe(false); // distance 2 on 7 chars
    expect(gradeTyped('kasym jomart tokaev', ['Kassym-Jomart Tokayev']).rule).toBe('typo'); // 2 on 21
    expect(gradeTyped('kasym jomrt tokaev', ['Kassym-Jomart Tokayev']).correct).toBe(false); // 3 on 21
    expect(gradeTyped('CSTA', ['CSTO']).correct).toBe(false); // 4 chars: exact only
    expect(gradeTyped('Mosco', ['Moscow']).rule).toBe('typo');
  });

  it('prefers an exact match over a tolerant one and reports the matched answer', () => {
    expect(gradeTyped('Kiev', ['Kyiv', 'Kiev'])).toEqual({ correct: true, matched: 'Kiev', rule: 'exact' });
    expect(gradeTyped('Moskva', ['Moscow', 'Moskwa'])).toEqual({ correct: true, matched: 'Moskwa', rule: 'typo', acceptedAs: 'Moskwa' });
  });

  it('empty or punctuation-only input is wrong', () => {
    expect(gradeTyped('', ['Moscow']).correct).toBe(false);
    expect(gradeTyped('  ...  ', ['Moscow']).correct).toBe(false);
    expect(gradeTyped('anything', []).correct).toBe(false);
  });
});

describe('gradeOrdering', () => {
  it('all in place', () => {
    expect(gradeOrdering([0, 1, 2, 3], 4)).toEqual({ correct: true, positionsCorrect: 4, score: 1 });
  });

  it('partial credit', () => {
    expect(gradeOrdering([0, 2, 1, 3], 4)).toEqual({ correct: false, positionsCorrect: 2, score: 0.5 });
    expect(gradeOrdering([3, 2, 1, 0], 4)).toEqual({ correct: false, positionsCorrect: 0, score: 0 });
    expect(gradeOrdering([1, 2, 0], 3)).toEqual({ correct: false, positionsCorrect: 0, score: 0 });
  });

  it('wrong length is never correct', () => {
    expect(gradeOrdering([0, 1], 3)).toEqual({ correct: false, positionsCorrect: 2, score: 2 / 3 });
    expect(gradeOrdering([0, 1, 2, 3], 3).correct).toBe(false);
  });
});

describe('suggestedGrade', () => {
  it('wrong → Again (1), right → Good (3)', () => {
    expect(suggestedGrade(false)).toBe(1);
    expect(suggestedGrade(true)).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { seededPermutation } from '@/lib/quiz/shuffle';
import { originalChoice, quizQuestionSeed, shownIndexOf } from '@/lib/teach/mcq-choice';

describe('decoding a stored mcq response', () => {
  it('maps the shown index back through the attempt’s shuffle', () => {
    const perm = seededPermutation(quizQuestionSeed(17, 42), 4);
    expect(perm).not.toEqual([0, 1, 2, 3]); // this seed really shuffles, so the test means something
    perm.forEach((original, shown) => expect(originalChoice(shown, 17, 42, 4)).toBe(original));
    for (let k = 0; k < 4; k++) expect(originalChoice(shownIndexOf(k, 17, 42, 4), 17, 42, 4)).toBe(k);
  });

  it('ignores responses that are not a shown index', () => {
    for (const bad of [4, -1, 1.5, '1', null, { choice: 1 }, [1]]) expect(originalChoice(bad, 17, 42, 4)).toBeNull();
  });
});

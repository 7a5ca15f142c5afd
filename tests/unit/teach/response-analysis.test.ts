import { describe, expect, it } from 'vitest';
import { choiceOptions } from '@/lib/quiz/choice-options';
import { facility, optionResponses, typedResponses } from '@/lib/teach/response-analysis';

describe('optionResponses', () => {
  it('counts each option per source and together, in the card’s order, ignoring indices past the options', () => {
    expect(
      optionResponses(['A', 'B', 'C'], 2, [
        { source: 'quiz', index: 2 },
        { source: 'review', index: 2 },
        { source: 'review', index: 0 },
        { source: 'quiz', index: 3 },
      ]),
    ).toEqual([
      { index: 0, text: 'A', correct: false, quiz: 0, review: 1, total: 1 },
      { index: 1, text: 'B', correct: false, quiz: 0, review: 0, total: 0 },
      { index: 2, text: 'C', correct: true, quiz: 1, review: 1, total: 2 },
    ]);
  });
});

describe('typedResponses', () => {
  it.each([
    ['forms equal after normalisation count together, shown as the form typed most often', [['quiz', 'Putin', false], ['review', 'putin.', false], ['review', 'putin.', false]], [{ answer: 'putin.', correct: false, quiz: 1, review: 2, total: 3 }]],
    ['numbers in words are the checker’s digits', [['quiz', 'two thousand', false], ['quiz', '2000', false]], [{ answer: 'two thousand', correct: false, quiz: 2, review: 0, total: 2 }]],
    ['the same answer accepted once and refused once stays apart', [['quiz', 'Tokayev', true], ['review', 'tokayev', false]], [{ answer: 'Tokayev', correct: true, quiz: 1, review: 0, total: 1 }, { answer: 'tokayev', correct: false, quiz: 0, review: 1, total: 1 }]],
    ['most given first, then accepted first', [['quiz', 'b', false], ['quiz', 'a', true], ['quiz', 'c', false], ['quiz', 'c', false]], [{ answer: 'c', correct: false, quiz: 2, review: 0, total: 2 }, { answer: 'a', correct: true, quiz: 1, review: 0, total: 1 }, { answer: 'b', correct: false, quiz: 1, review: 0, total: 1 }]],
    ['punctuation alone is no answer', [['quiz', '?!', false]], []],
  ] as const)('%s', (_, events, expected) => {
    expect(typedResponses(events.map(([source, text, correct]) => ({ source, text, correct })))).toEqual(expected);
  });
});

describe('facility', () => {
  it.each([
    [{ answers: 3, correct: 1 }, { answers: 2, correct: 1 }, { quiz: 1 / 3, review: 0.5, total: 0.4 }],
    [{ answers: 0, correct: 0 }, { answers: 4, correct: 3 }, { quiz: null, review: 0.75, total: 0.75 }],
    [{ answers: 0, correct: 0 }, { answers: 0, correct: 0 }, { quiz: null, review: null, total: null }],
  ])('quiz %j and review %j give %j', (quiz, review, expected) => {
    expect(facility(quiz, review)).toEqual(expected);
  });
});

describe('choiceOptions', () => {
  it.each([
    [{ type: 'truefalse', statement: 'S', answer: true } as const, { texts: ['True', 'False'], correctIndex: 0 }],
    [{ type: 'truefalse', statement: 'S', answer: false } as const, { texts: ['True', 'False'], correctIndex: 1 }],
    [{ type: 'mcq', question: 'Q', options: [{ text: 'a', correct: false, explanation: '' }, { text: 'b', correct: true, explanation: '' }] } as const, { texts: ['a', 'b'], correctIndex: 1 }],
    [{ type: 'basic', front: 'f', back: 'b' } as const, null],
  ])('%j → %j', (payload, expected) => {
    expect(choiceOptions(structuredClone(payload) as Parameters<typeof choiceOptions>[0])).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { gradeResponse, isValidResponse, presentQuestion, questionSeed, revealAnswer, type QuizPayload } from '@/lib/quiz/present';
import { seededPermutation, seededRandom } from '@/lib/quiz/shuffle';

const mcq: QuizPayload = {
  type: 'mcq',
  question: 'Which?',
  options: [
    { text: 'Right', correct: true, explanation: 'Because.' },
    { text: 'Wrong A', correct: false, explanation: 'Not A.' },
    { text: 'Wrong B', correct: false, explanation: 'Not B.' },
    { text: 'Wrong C', correct: false, explanation: 'Not C.' },
  ],
};
const ordering: QuizPayload = { type: 'ordering', prompt: 'Order', steps: ['one', 'two', 'three', 'four'] };

describe('seeded shuffling', () => {
  it('is deterministic per seed and a permutation', () => {
    expect(seededPermutation('a', 6)).toEqual(seededPermutation('a', 6));
    expect([...seededPermutation('a', 6)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const r = seededRandom('x');
    const values = Array.from({ length: 100 }, () => r());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    // Different seeds give different orders for most questions.
    const distinct = new Set(Array.from({ length: 20 }, (_, i) => seededPermutation(`s${i}`, 4).join()));
    expect(distinct.size).toBeGreaterThan(5);
  });

  it('never shows ordering steps already in order', () => {
    for (let i = 0; i < 500; i++) {
      const perm = seededPermutation(`seed-${i}`, 2, true);
      expect(perm).toEqual([1, 0]);
    }
  });
});

describe('presenting and grading a question', () => {
  const seed = questionSeed(7, 42);

  it('shows mcq options shuffled and grades by the shown index', () => {
    const shown = presentQuestion(mcq, seed);
    expect(shown.type === 'mcq' && [...shown.options].sort()).toEqual(['Right', 'Wrong A', 'Wrong B', 'Wrong C']);
    expect(JSON.stringify(shown)).not.toContain('correct');
    const options = shown.type === 'mcq' ? shown.options : [];
    const rightIndex = options.indexOf('Right');
    const right = gradeResponse(mcq, seed, rightIndex);
    expect(right).toMatchObject({ correct: true, correctAnswer: 'Right', responseText: 'Right' });
    const wrongIndex = (rightIndex + 1) % 4;
    const wrong = gradeResponse(mcq, seed, wrongIndex);
    expect(wrong).toMatchObject({ correct: false, correctAnswer: 'Right', responseText: options[wrongIndex] });
    // Per-option explanations come back in the order shown, with the student's choice marked.
    expect(wrong?.options?.map((o) => o.text)).toEqual(options);
    expect(wrong?.options?.[wrongIndex]).toMatchObject({ chosen: true, correct: false });
    expect(wrong?.options?.[rightIndex]).toMatchObject({ chosen: false, correct: true, explanation: 'Because.' });
  });

  it('grades ordering from shown indices', () => {
    const shown = presentQuestion(ordering, seed);
    const steps = shown.type === 'ordering' ? shown.steps : [];
    expect(steps).not.toEqual(ordering.steps);
    const inOrder = ordering.steps.map((s) => steps.indexOf(s));
    expect(gradeResponse(ordering, seed, inOrder)).toMatchObject({ correct: true, responseText: 'one → two → three → four' });
    const asShown = steps.map((_, i) => i);
    expect(gradeResponse(ordering, seed, asShown)).toMatchObject({ correct: false, responseSteps: steps, correctSteps: ordering.steps });
  });

  it('grades true/false and typed answers, forgiving a small typo', () => {
    const tf: QuizPayload = { type: 'truefalse', statement: 'S', answer: false };
    expect(gradeResponse(tf, seed, false)).toEqual({ correct: true, correctAnswer: 'False', responseText: 'False' });
    expect(gradeResponse(tf, seed, true)?.correct).toBe(false);
    const typed: QuizPayload = { type: 'typed', question: 'Who?', answers: ['Kassym-Jomart Tokayev', 'Tokayev'] };
    expect(gradeResponse(typed, seed, ' tokayev ')).toMatchObject({ correct: true, responseText: 'tokayev' });
    expect(gradeResponse(typed, seed, 'Tokaev')).toMatchObject({ correct: true, acceptedAs: 'Tokayev', acceptedRule: 'typo' });
    expect(gradeResponse(typed, seed, 'Putin')).toMatchObject({ correct: false, correctAnswer: 'Kassym-Jomart Tokayev' });
  });

  it('refuses responses of the wrong shape', () => {
    expect(isValidResponse(mcq, 4)).toBe(false);
    expect(isValidResponse(mcq, -1)).toBe(false);
    expect(isValidResponse(mcq, 1.5)).toBe(false);
    expect(isValidResponse(mcq, '1')).toBe(false);
    expect(isValidResponse({ type: 'truefalse', statement: 'S', answer: true }, 'true')).toBe(false);
    expect(isValidResponse({ type: 'typed', question: 'Q', answers: ['a'] }, 'x'.repeat(501))).toBe(false);
    expect(isValidResponse({ type: 'typed', question: 'Q', answers: ['a'] }, 'x'.repeat(500))).toBe(true);
    expect(isValidResponse(ordering, [0, 1, 2])).toBe(false);
    expect(isValidResponse(ordering, [0, 1, 2, 2])).toBe(false);
    expect(isValidResponse(ordering, [0, 1, 2, 4])).toBe(false);
    expect(gradeResponse(ordering, seed, [3, 2, 1, 0, 4])).toBeNull();
  });

  it('reveals the answer of an unanswered question', () => {
    expect(revealAnswer(mcq, seed)).toMatchObject({ correct: false, correctAnswer: 'Right', responseText: '' });
    expect(revealAnswer(ordering, seed).correctSteps).toEqual(ordering.steps);
  });
});

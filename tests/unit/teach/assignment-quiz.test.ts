/** The assignment quiz's form rules (bounds, required parts) and how it reads in one line. */
import { describe, expect, it } from 'vitest';
import { attemptsLeft, quizFieldValues, quizSpecText, DEFAULT_ASSIGNMENT_QUIZ } from '@/lib/teach/assignment-quiz';
import { createAssignmentSchema } from '@/lib/validation/teach';

const base = { classId: '3', deckId: 'd', scope: 'all', dueDate: '2026-12-10', dueTime: '23:59', goalQuizScore: '80', goalRecallPercent: '' };
const quiz = { quizScope: 'assignment', quizQuestions: '10', quizTypes: ['mcq', 'typed'], quizAttempts: '2', quizFeedback: 'end' };

function errorsOf(input: Record<string, unknown>) {
  const out = createAssignmentSchema.safeParse(input);
  return out.success ? null : Object.fromEntries(out.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('assignment quiz fields', () => {
  it.each([
    ['accepts a full quiz', { ...base, ...quiz }, null],
    ['accepts every question', { ...base, ...quiz, quizQuestions: '', quizAll: 'on' }, null],
    ['accepts no attempt limit', { ...base, ...quiz, quizAttempts: '' }, null],
    ['needs a question count or every question', { ...base, ...quiz, quizQuestions: '' }, 'quizQuestions'],
    ['refuses 0 questions', { ...base, ...quiz, quizQuestions: '0' }, 'quizQuestions'],
    ['refuses 51 questions', { ...base, ...quiz, quizQuestions: '51' }, 'quizQuestions'],
    ['refuses 2.5 questions', { ...base, ...quiz, quizQuestions: '2.5' }, 'quizQuestions'],
    ['refuses 0 attempts', { ...base, ...quiz, quizAttempts: '0' }, 'quizAttempts'],
    ['refuses 21 attempts', { ...base, ...quiz, quizAttempts: '21' }, 'quizAttempts'],
    ['needs a type', { ...base, ...quiz, quizTypes: [] }, 'quizTypes'],
    ['refuses an unknown type', { ...base, ...quiz, quizTypes: ['basic'] }, 'quizTypes.0'],
    ['needs a section when sections are chosen', { ...base, ...quiz, quizScope: 'sections' }, 'quizSectionKeys'],
    ['refuses an unknown feedback', { ...base, ...quiz, quizFeedback: 'never' }, 'quizFeedback'],
    ['asks nothing of the quiz without a quiz goal', { ...base, goalQuizScore: '' }, null],
  ])('%s', (_name, input, field) => {
    const errors = errorsOf(input);
    if (field === null) expect(errors).toBeNull();
    else expect(Object.keys(errors ?? {})).toContain(field);
  });

  it('reads in one line, with correct plurals', () => {
    expect(quizSpecText({ sectionKeys: null, questions: 10, types: null, attempts: 1, feedback: 'end' })).toBe('10 questions · 1 attempt · answers at the end');
    expect(quizSpecText({ sectionKeys: null, questions: 10, types: ['truefalse'], attempts: null, feedback: 'immediate' }, 4)).toBe(
      '4 questions · true or false · any number of attempts · answers after each question',
    );
    expect(quizSpecText({ sectionKeys: null, questions: null, types: null, attempts: 3, feedback: 'end' }, 1)).toBe('1 question · 3 attempts · answers at the end');
    expect(quizSpecText({ sectionKeys: null, questions: null, types: null, attempts: 3, feedback: 'end' }, 6)).toBe('all 6 questions · 3 attempts · answers at the end');
    expect(quizSpecText({ sectionKeys: null, questions: null, types: null, attempts: 3, feedback: 'end' })).toBe('every question · 3 attempts · answers at the end');
  });

  it('counts attempts left and round-trips through the form', () => {
    expect([attemptsLeft({ attempts: 3 }, 1), attemptsLeft({ attempts: 1 }, 2), attemptsLeft({ attempts: null }, 9)]).toEqual([2, 0, null]);
    expect(quizFieldValues(DEFAULT_ASSIGNMENT_QUIZ)).toEqual({
      quizScope: 'assignment', quizSectionKeys: [], quizAll: false, quizQuestions: '10', quizTypes: ['mcq', 'truefalse', 'typed', 'ordering'], quizAttempts: '', quizFeedback: 'end',
    });
  });
});

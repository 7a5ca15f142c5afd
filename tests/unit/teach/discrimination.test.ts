// The discrimination index against numbers worked out by hand (see lib/teach/discrimination.ts).
import { describe, expect, it } from 'vitest';
import { MIN_STUDENTS_FOR_DISCRIMINATION, discriminatesPoorly, discriminationByCard, pearson, type StudentCardScore } from '@/lib/teach/discrimination';
import { analyseItemQuiz } from '@/lib/teach/item-analysis';

const row = (userId: number, cardId: number, answers: number, correct: number): StudentCardScore => ({ userId, cardId, answers, correct });

describe('pearson', () => {
  it.each([
    // mx = 2/3, my = 1/2; sxy = 1/2, sxx = 2/3, syy = 1/2 → r = 0.5 / √(1/3) = 0.866025
    [[[0, 0], [1, 1], [1, 0.5]], 0.866025],
    [[[0, 1], [1, 0]], -1],
    [[[0, 0], [0.5, 0.5], [1, 1]], 1],
  ] as [[number, number][], number][])('%j → %f', (pairs, r) => expect(pearson(pairs)).toBeCloseTo(r, 6));

  it.each([
    [[]],
    [[[1, 1]]],
    [[[1, 0], [1, 1]]], // the item score does not vary
    [[[0, 1], [1, 1]]], // the rest score does not vary
  ] as [[number, number][]][])('%j → null', (pairs) => expect(pearson(pairs)).toBeNull());
});

describe('discrimination by card: item score against the rest of the student’s quiz answers', () => {
  // Cards 1 (X) and 2 (Y). Per student: X answers/right, Y answers/right.
  //   S1: X 1/1, Y 2/2   S2: X 1/1, Y 1/2   S3: X 0/1, Y 1/2   S4: X 0/1, Y 0/2
  // X: pairs (item, rest) = (1, 1), (1, 0.5), (0, 0.5), (0, 0); means 0.5, 0.5;
  //    sxy = 0.25 + 0 + 0 + 0.25 = 0.5, sxx = 1, syy = 0.5 → r = 0.5 / √0.5 = 0.707107.
  // Y: pairs (1, 1), (0.5, 1), (0.5, 0), (0, 0): the same numbers mirrored → 0.707107.
  const scores = [row(1, 1, 1, 1), row(1, 2, 2, 2), row(2, 1, 1, 1), row(2, 2, 2, 1), row(3, 1, 1, 0), row(3, 2, 2, 1), row(4, 1, 1, 0), row(4, 2, 2, 0)];

  it('correlates each card with the rest of the test, not with itself', () => {
    const d = discriminationByCard(scores);
    expect(d.get(1)?.index).toBeCloseTo(0.707107, 6);
    expect(d.get(2)?.index).toBeCloseTo(0.707107, 6);
    expect(d.get(1)?.students).toBe(4);
  });

  it('leaves out a student who answered nothing else', () => {
    const d = discriminationByCard([...scores, row(5, 1, 3, 0)]);
    expect(d.get(1)?.students).toBe(4);
    expect(d.get(1)?.index).toBeCloseTo(0.707107, 6);
  });

  it('is negative when the weaker students get the item right', () => {
    // S1 strong on Y (2/2) but wrong on X; S2 weak on Y (0/2) but right on X → pairs (0, 1), (1, 0).
    expect(discriminationByCard([row(1, 1, 1, 0), row(1, 2, 2, 2), row(2, 1, 1, 1), row(2, 2, 2, 0)]).get(1)?.index).toBeCloseTo(-1, 9);
  });
});

describe('the poor-discrimination flag', () => {
  const counts = (discrimination: { index: number | null; students: number }) => ({ answers: 20, correct: 10, choiceCounts: new Map(), correctIndex: null, discrimination });

  it.each([
    [{ index: 0.1, students: MIN_STUDENTS_FOR_DISCRIMINATION }, true],
    [{ index: -0.3, students: 25 }, true],
    [{ index: 0.2, students: 25 }, false], // 0.2 is not below 0.2
    [{ index: 0.1, students: MIN_STUDENTS_FOR_DISCRIMINATION - 1 }, false], // too few students to judge
    [{ index: null, students: 25 }, false], // everyone right (or wrong): facility speaks, not discrimination
  ])('%j → flagged %s', (d, flagged) => {
    expect(discriminatesPoorly(d)).toBe(flagged);
    expect(analyseItemQuiz(counts(d)).flags.includes('poor-discrimination')).toBe(flagged);
    expect(analyseItemQuiz(counts(d))).toMatchObject({ discrimination: d.index, discriminationStudents: d.students });
  });
});

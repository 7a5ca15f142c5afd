import { describe, expect, it } from 'vitest';
import { recallAt, studentStatus, type AssignmentGoals, type StudentProgressFacts } from '@/lib/teach/progress';

const DAY = 86_400_000;
const goals: AssignmentGoals = { dueAt: 10 * DAY, goalQuizScore: null, goalRecall: null };
const facts = (over: Partial<StudentProgressFacts>): StudentProgressFacts => ({
  assigned: 10,
  studiedNow: 0,
  studiedByDue: 0,
  bestQuizByDue: null,
  recallAtDue: 0,
  startAt: 0,
  ...over,
});

describe('assignment status', () => {
  it('is on track when the share studied keeps up with the share of time gone', () => {
    expect(studentStatus(goals, facts({ studiedNow: 5, studiedByDue: 5 }), 5 * DAY)).toMatchObject({ status: 'on-track', expectedFraction: 0.5 });
    // A day's grace: 4 of 10 at day 5 of 10 is within a day of the pace; 3 of 10 is not.
    expect(studentStatus(goals, facts({ studiedNow: 4, studiedByDue: 4 }), 5 * DAY)).toMatchObject({ status: 'on-track' });
    expect(studentStatus(goals, facts({ studiedNow: 3, studiedByDue: 3 }), 5 * DAY)).toMatchObject({ status: 'behind' });
  });

  it('does not call anyone behind in the first hours of an assignment', () => {
    expect(studentStatus(goals, facts({ studiedNow: 0, studiedByDue: 0 }), DAY / 2)).toMatchObject({ status: 'on-track' });
    expect(studentStatus(goals, facts({ studiedNow: 0, studiedByDue: 0 }), 2 * DAY)).toMatchObject({ status: 'behind' });
  });

  it('measures the pace from when the student joined, if later', () => {
    // Joined at day 8: at day 9 half their time is gone.
    expect(studentStatus(goals, facts({ studiedNow: 5, studiedByDue: 5, startAt: 8 * DAY }), 9 * DAY)).toMatchObject({ status: 'on-track', expectedFraction: 0.5 });
  });

  it('is done once every goal is met, even before the due date', () => {
    expect(studentStatus(goals, facts({ studiedNow: 10, studiedByDue: 10 }), DAY).status).toBe('done');
  });

  it('needs the quiz and memory goals too', () => {
    const strict = { ...goals, goalQuizScore: 80, goalRecall: 0.85 };
    const all = facts({ studiedNow: 10, studiedByDue: 10, bestQuizByDue: 0.8, recallAtDue: 0.85 });
    expect(studentStatus(strict, all, DAY).status).toBe('done');
    expect(studentStatus(strict, { ...all, bestQuizByDue: 0.79 }, DAY)).toMatchObject({ status: 'on-track', goalsMet: { items: true, quiz: false, recall: true } });
    expect(studentStatus(strict, { ...all, recallAtDue: 0.84 }, 11 * DAY)).toMatchObject({ status: 'late', goalsMet: { recall: false } });
    expect(studentStatus(strict, { ...all, bestQuizByDue: null }, DAY).goalsMet.quiz).toBe(false);
  });

  it('is late after the due date if items were studied only afterwards', () => {
    expect(studentStatus(goals, facts({ studiedNow: 10, studiedByDue: 9 }), 11 * DAY).status).toBe('late');
  });
});

describe('predicted recall', () => {
  it('is 0.9 after one stability and falls with time', () => {
    expect(recallAt(0, 10, 10 * DAY, null)).toBeCloseTo(0.9, 9);
    expect(recallAt(0, 10, 20 * DAY, null)).toBeLessThan(0.9);
    expect(recallAt(5 * DAY, 10, 5 * DAY, null)).toBe(1);
  });
});

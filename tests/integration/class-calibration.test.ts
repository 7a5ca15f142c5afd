/** Predicted vs observed recall for a class, checked against forecasts worked out review by review. */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { assignments, classes, enrollments } from '@/db/schema';
import { classCalibrationFor } from '@/db/queries/class-calibration';
import { bandOf, calibrationVerdict } from '@/lib/teach/calibration';
import { recallAt } from '@/lib/teach/progress';
import { makeUser } from '../support/fixtures';
import { DAY, logReview, makeTinyDeck, type TinyDeck } from '../support/teach-fixtures';

const NOW = Date.UTC(2026, 4, 1, 12);
let instructor: { id: number };
let other: { id: number };
let classId: number;
let a: { id: number };
let b: { id: number };
let cards: TinyDeck;

beforeAll(async () => {
  instructor = await makeUser('instructor');
  other = await makeUser('instructor');
  a = await makeUser();
  b = await makeUser();
  const outsider = await makeUser();
  cards = await makeTinyDeck('calib');
  const e = await engine();
  const created = await e.get(
    sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)})
        VALUES (${instructor.id}, 'Calib', 'CALIB00001') RETURNING ${classes.id} AS "id"`,
    z.object({ id: int }),
  );
  if (!created) throw new Error('inserting a class returned no id');
  classId = created.id;
  for (const s of [a, b]) await e.run(sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)}) VALUES (${classId}, ${s.id}, 0)`);
  await e.run(sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.deckId)}, ${bare(assignments.dueAt)}) VALUES (${classId}, 'calib', ${NOW})`);
  // Student a: c1 (section s1) learned with S = 10 days, reviewed 10 and then 30 days later; b: c4 (s2).
  await logReview(a.id, cards.c1, NOW - 60 * DAY, { stateBefore: 0, rating: 3, stability: 10 });
  await logReview(a.id, cards.c1, NOW - 50 * DAY, { stateBefore: 2, rating: 3, stability: 30 });
  await logReview(a.id, cards.c1, NOW - 20 * DAY, { stateBefore: 2, rating: 1, stability: 3 });
  await logReview(b.id, cards.c4, NOW - 40 * DAY, { stateBefore: 0, rating: 3, stability: 5 });
  await logReview(b.id, cards.c4, NOW - 35 * DAY, { stateBefore: 2, rating: 3, stability: 12 });
  // Not counted: an undone review, a review outside the window, and a student not in the class.
  await logReview(b.id, cards.c4, NOW - 30 * DAY, { stateBefore: 2, rating: 1, stability: 2, undone: true });
  await logReview(a.id, cards.c2, NOW - 200 * DAY, { stateBefore: 0, rating: 3, stability: 4 });
  await logReview(a.id, cards.c2, NOW - 196 * DAY, { stateBefore: 2, rating: 3, stability: 9 });
  await logReview(outsider.id, cards.c1, NOW - 30 * DAY, { stateBefore: 0, rating: 3, stability: 10 });
  await logReview(outsider.id, cards.c1, NOW - 20 * DAY, { stateBefore: 2, rating: 1, stability: 3 });
});

describe('class calibration', () => {
  it('pairs each review of a learned card with the recall predicted from its previous review', async () => {
    const p1 = recallAt(NOW - 60 * DAY, 10, NOW - 50 * DAY, null); // 0.9 by definition of stability
    const p2 = recallAt(NOW - 50 * DAY, 30, NOW - 20 * DAY, null); // also 0.9
    const p3 = recallAt(NOW - 40 * DAY, 5, NOW - 35 * DAY, null);
    const cal = await classCalibrationFor(instructor.id, classId, new Date(NOW), 90);
    expect(cal.total.reviews).toBe(3);
    expect(cal.total.predicted).toBeCloseTo((p1 + p2 + p3) / 3, 10);
    expect(cal.total.observed).toBeCloseTo(2 / 3, 10);
    const s1 = cal.sections.find((s) => s.title === 'Section s1')!;
    const s2 = cal.sections.find((s) => s.title === 'Section s2')!;
    expect(s1).toMatchObject({ reviews: 2, observed: 0.5 });
    expect(s1.predicted).toBeCloseTo((p1 + p2) / 2, 10);
    expect(s2).toMatchObject({ reviews: 1, observed: 1 });
    expect(cal.bands.map((x) => x.band)).toEqual([...new Set([bandOf(p1), bandOf(p3)])].sort());
  });

  it('shows nothing to an instructor who does not teach the class', async () => {
    expect(await classCalibrationFor(other.id, classId, new Date(NOW), 90)).toEqual({ sections: [], bands: [], total: { reviews: 0, predicted: 0, observed: 0 } });
  });
});

describe('calibrationVerdict', () => {
  it.each([
    { reviews: 39, predicted: 0.9, observed: 0.5, want: 'too_few' },
    { reviews: 400, predicted: 0.9, observed: 0.89, want: 'good' },
    { reviews: 400, predicted: 0.9, observed: 0.8, want: 'over' },
    { reviews: 400, predicted: 0.8, observed: 0.9, want: 'under' },
    { reviews: 50, predicted: 0.9, observed: 0.84, want: 'good' }, // within two standard errors (±8.5 points)
  ])('$reviews reviews, predicted $predicted, observed $observed → $want', ({ want, ...row }) => {
    expect(calibrationVerdict(row)).toBe(want);
  });
});

/**
 * Class analytics on a real SQLite file, against numbers worked out by hand.
 *
 * Predicted recall uses FSRS-6 with default weights: R(t, S) = (1 + f·t/S)^(−w20), w20 = 0.1542,
 * f = 0.9^(−1/w20) − 1 ≈ 0.98035 (so R(S, S) = 0.9). Values used below (t and S in days):
 *   R(7, 10) = 0.922590  R(6, 1.5) = 0.782132  R(8, 8) = 0.900000  R(9, 2) = 0.770764
 *   R(5.5, 2) = 0.817441  R(36, 1) = 0.574746  R(2, 10) = 0.972770  R(1, 1.5) = 0.925379
 *   R(3, 8) = 0.952870  R(4, 2) = 0.845885  R(0.5, 2) = 0.966763  R(31, 1) = 0.587751
 *
 * Timeline (days after T0): assignment created at 0, due at 10, "now" is 5.
 * The assignment is section s1 of the tiny deck: c1 (basic), c2 (mcq, option 1 right), c3 (true/false).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bare } from '@/db/engine/fragments';
import { users } from '@/db/schema';
import { assignmentAnalyticsFor, gradebookFor } from '@/db/queries/class-analytics';
import { createAssignment } from '@/db/queries/assignments';
import { createClass } from '@/db/queries/classes';
import { assignmentsForStudent } from '@/db/queries/student-assignments';
import { exec, makeUser } from '../support/fixtures';
import { DAY, enroll, logReview, makeTinyDeck, quizAttempt } from '../support/teach-fixtures';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const at = (days: number) => T0 + days * DAY;
const NOW = new Date(at(5));
const DUE = at(10);

type Ids = Awaited<ReturnType<typeof setup>>;
let ids: Ids;

async function setup() {
  const instructor = await makeUser('instructor');
  const other = await makeUser('instructor');
  const [a, b, c, outsider] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  // Named so the roster (sorted by name) reads A, B, C.
  for (const [u, name] of [[a, 'Ann A'], [b, 'Bob B'], [c, 'Cat C']] as const) {
    await exec(sql`UPDATE ${users} SET ${bare(users.name)} = ${name} WHERE ${users.id} = ${u.id}`);
  }
  const card = await makeTinyDeck('tiny');
  const classId = await createClass(instructor.id, { name: 'Seminar', timeZone: 'UTC' }, new Date(at(-2)));
  const created = await createAssignment(instructor.id, classId, { deckId: 'tiny', sectionKeys: ['s1'], dueAt: DUE, goalQuizScore: 80, goalRecall: 0.5 }, new Date(T0));
  if (!('id' in created)) throw new Error(`assignment not created: ${created.error}`);
  await enroll(classId, a.id, at(-1));
  await enroll(classId, b.id, at(-1));
  await enroll(classId, c.id, at(4)); // C joins late: their pace is measured from day 4.

  // A studies all three items; c2 lapses once in the Review state.
  await logReview(a.id, card.c1, at(1), { stateBefore: 0, rating: 3, stability: 2 });
  await logReview(a.id, card.c1, at(3), { stateBefore: 2, rating: 3, stability: 10 });
  await logReview(a.id, card.c2, at(1), { stateBefore: 0, rating: 3, stability: 2 });
  await logReview(a.id, card.c2, at(4), { stateBefore: 2, rating: 1, stability: 1.5 });
  await logReview(a.id, card.c3, at(2), { stateBefore: 0, rating: 4, stability: 8 });
  // B studies c1; a review of c4 (section s2, not assigned) and an undone review of c3 must not count.
  await logReview(b.id, card.c1, at(1), { stateBefore: 0, rating: 3, stability: 2 });
  await logReview(b.id, card.c4, at(2), { stateBefore: 0, rating: 3, stability: 2 });
  await logReview(b.id, card.c3, at(2), { stateBefore: 0, rating: 3, stability: 3, undone: true });
  // C studied c2 long ago (a lapse 31 days before now: outside the 30-day window) and c1 after joining.
  await logReview(c.id, card.c2, at(-35), { stateBefore: 0, rating: 3, stability: 2 });
  await logReview(c.id, card.c2, at(-26), { stateBefore: 2, rating: 1, stability: 1 });
  await logReview(c.id, card.c1, at(4.5), { stateBefore: 0, rating: 3, stability: 2 });
  // Someone outside the class: their reviews and answers must not count.
  await logReview(outsider.id, card.c1, at(1), { stateBefore: 2, rating: 1, stability: 1 });

  // Quizzes: attempts of the assignment's quiz (practice quizzes never count, tests/integration/assignment-quiz.test.ts).
  // `choice` is the option's index in the card; the fixture stores it as the quiz module does (the shuffled, shown index).
  const quizOf = created.id;
  await quizAttempt(a.id, 'tiny', at(4), [{ cardId: card.c2, correct: false, choice: 2 }, { cardId: card.c3, correct: true }], 2, quizOf); // 1/2
  await quizAttempt(a.id, 'tiny', at(4.5), [
    { cardId: card.c2, correct: false, choice: 2 },
    { cardId: card.c3, correct: true },
    { cardId: card.c4, correct: true },
    { cardId: card.c5, correct: true, choice: 1 },
  ], 4, quizOf); // 3/4
  await quizAttempt(b.id, 'tiny', null, [{ cardId: card.c2, correct: false, choice: 0 }], 2, quizOf); // unfinished: no score
  await quizAttempt(c.id, 'tiny', at(4.6), [{ cardId: card.c2, correct: false, choice: 2 }, { cardId: card.c3, correct: false }], 2, quizOf); // 0/2
  await quizAttempt(c.id, 'tiny', at(4.8), [{ cardId: card.c2, correct: true, choice: 1 }], 1, quizOf); // 1/1
  await quizAttempt(outsider.id, 'tiny', at(4), [{ cardId: card.c2, correct: true, choice: 1 }], 1, quizOf);
  return { instructor, other, a, b, c, card, classId, assignmentId: created.id };
}

beforeAll(async () => {
  ids = await setup();
});

describe('per-student analytics', () => {
  it('counts studied items, recent reviews, retention, quiz, recall, activity and status', async () => {
    const result = await assignmentAnalyticsFor(ids.instructor.id, ids.classId, ids.assignmentId, NOW);
    expect(result).toBeDefined();
    const [a, b, c] = result?.students ?? [];
    expect(result?.students.map((s) => s.name)).toEqual(['Ann A', 'Bob B', 'Cat C']);

    // A: 3 of 3 studied; 5 reviews since day −2; Review-state reviews in 30 days: c1@3 pass, c2@4 Again → 1/2.
    // Best quiz 3/4. Recall at day 10: c1 last at 3 (S 10) → R(7,10); c2 at 4 (S 1.5) → R(6,1.5); c3 at 2 (S 8) → R(8,8)
    // mean = (0.922590 + 0.782132 + 0.900000) / 3 = 0.868241. Quiz goal 80 % not reached, so not done;
    // studied 3/3 ≥ elapsed 5/10 → on track.
    expect(a).toMatchObject({ assigned: 3, studied: 3, reviews7d: 5, retention30: 0.5, bestQuiz: 0.75, lastActive: at(4), status: 'on-track' });
    expect(a?.recallAtDue).toBeCloseTo(0.868241, 5);
    expect(a?.goalsMet).toEqual({ items: true, quiz: false, recall: true });

    // B: c1 only (c4 is not assigned, c3's review was undone) → 1/3 < 5/10 elapsed → behind.
    // No Review-state reviews → retention null; unfinished quiz → no score. Recall: R(9,2)/3 = 0.770764/3 = 0.256921.
    expect(b).toMatchObject({ assigned: 3, studied: 1, reviews7d: 1, retention30: null, bestQuiz: null, lastActive: at(1), status: 'behind' });
    expect(b?.recallAtDue).toBeCloseTo(0.256921, 5);

    // C: c2 (from day −35) and c1 → 2/3. Reviews in 7 days: only c1@4.5. The lapse at day −26 is 31 days before now → no retention.
    // Best quiz 1/1 (reaches 80 %). Recall: c1 R(5.5,2) = 0.817441, c2 last at −26 (S 1) → R(36,1) = 0.574746,
    // c3 unstudied 0 → 1.392187 / 3 = 0.464062 < 0.5. Joined at day 4: elapsed (5−4)/(10−4) = 1/6 ≤ 2/3 → on track.
    expect(c).toMatchObject({ assigned: 3, studied: 2, reviews7d: 1, retention30: null, bestQuiz: 1, lastActive: at(4.5), status: 'on-track' });
    expect(c?.recallAtDue).toBeCloseTo(0.464063, 5);
    expect(c?.goalsMet).toEqual({ items: false, quiz: true, recall: false });
    expect(c?.expectedFraction).toBeCloseTo(1 / 6, 9);
  });

  it('after the due date, unmet goals make every student late', async () => {
    const result = await assignmentAnalyticsFor(ids.instructor.id, ids.classId, ids.assignmentId, new Date(at(11)));
    expect(result?.students.map((s) => s.status)).toEqual(['late', 'late', 'late']);
  });
});

describe('per-item analytics', () => {
  it('counts students, lapse rate, quiz facility and the most chosen wrong option, and flags a broken-looking item', async () => {
    const items = (await assignmentAnalyticsFor(ids.instructor.id, ids.classId, ids.assignmentId, NOW))?.items ?? [];
    expect(items.map((i) => i.itemId)).toEqual(['c1', 'c2', 'c3']); // c4, c5 are in section s2
    const [c1, c2, c3] = items;
    // c1: studied by A, B, C. Review-state reviews: A@3 Good → lapse rate 0/1 (the outsider's lapse is ignored). No quiz answers.
    expect(c1).toMatchObject({ studiedBy: 3, lapseRate: 0, quizAnswers: 0, facility: null, topWrongChoice: null, flags: [] });
    // c2: studied by A and C. Review-state reviews: A@4 Again, C@−26 Again → 2/2 = 1.
    // Quiz answers from the class: A 2, A 2, B 0, C 2, C 1 (right) → 5 answers, 1 right → facility 0.2 (< 0.3 with ≥ 5 answers).
    // Option 2 was chosen 3 times, the right option once → it beats the key.
    expect(c2).toMatchObject({ studiedBy: 2, lapseRate: 1, quizAnswers: 5, facility: 0.2, topWrongChoice: { index: 2, count: 3 }, topWrongText: 'c2 option 2' });
    expect(c2?.flags).toEqual(['low-facility', 'distractor-beats-key']);
    // c3: studied by A only (B's review was undone); never in the Review state → no lapse rate.
    // Quiz: A right, A right, C wrong → 2/3; too few answers to flag.
    expect(c3).toMatchObject({ studiedBy: 1, lapseRate: null, quizAnswers: 3, flags: [] });
    expect(c3?.facility).toBeCloseTo(2 / 3, 9);
    // Discrimination over the assigned items (c4, c5 are not): A c2 0/2, c3 2/2; B c2 0/1 only (no rest: left out);
    // C c2 1/2, c3 0/1. c2 pairs (item, rest): A (0, 2/2 = 1), C (0.5, 0/1 = 0) → r = −1 on 2 students;
    // c3: A (1, 0/2 = 0), C (0, 1/2 = 0.5) → r = −1. Too few students to flag.
    expect(c2).toMatchObject({ discriminationStudents: 2 });
    expect(c2?.discrimination).toBeCloseTo(-1, 9);
    expect(c3).toMatchObject({ discriminationStudents: 2 });
    expect(c3?.discrimination).toBeCloseTo(-1, 9);
    expect(c1).toMatchObject({ discrimination: null, discriminationStudents: 0 });
  });

  it('flags an item that strong and weak students get right equally often, once 10 students answered', async () => {
    const instructor = await makeUser('instructor');
    const card = await makeTinyDeck('tiny-discrimination');
    const classId = await createClass(instructor.id, { name: 'Lecture', timeZone: 'UTC' }, new Date(at(-2)));
    const created = await createAssignment(instructor.id, classId, { deckId: 'tiny-discrimination', sectionKeys: ['s1'], dueAt: DUE, goalQuizScore: 80, goalRecall: 0.5 }, new Date(T0));
    if (!('id' in created)) throw new Error(`assignment not created: ${created.error}`);
    // Ten students, one quiz each on c1, c2, c3. S0–S4 get c1 and c3 right, S5–S9 get them wrong.
    // c2 (mcq, option 1 right) is right for S0, S1, S5, S6: 2 of 5 in each group; wrong ones pick 0 or 2.
    const c2Right = new Set([0, 1, 5, 6]);
    for (let i = 0; i < 10; i++) {
      const s = await makeUser();
      await enroll(classId, s.id, at(-1));
      const strong = i < 5;
      await quizAttempt(s.id, 'tiny-discrimination', at(4), [
        { cardId: card.c1, correct: strong },
        { cardId: card.c2, correct: c2Right.has(i), choice: c2Right.has(i) ? 1 : i % 2 === 0 ? 0 : 2 },
        { cardId: card.c3, correct: strong },
      ]);
    }
    const items = (await assignmentAnalyticsFor(instructor.id, classId, created.id, NOW))?.items ?? [];
    const [c1, c2, c3] = items;
    // c2: item scores 1,1,0,0,0 | 1,1,0,0,0; rest scores (c1+c3)/2 = 1 ×5 | 0 ×5. Both groups average 0.4 on c2,
    // so sxy = 0.5·(0.6+0.6−0.4·3) − 0.5·(0.6+0.6−0.4·3) = 0 → r = 0 < 0.2 on 10 students → flagged.
    // Facility 4/10 = 0.4 and the key (4) beats each wrong option (3 each): no other flag.
    expect(c2).toMatchObject({ quizAnswers: 10, facility: 0.4, discriminationStudents: 10, flags: ['poor-discrimination'] });
    expect(c2?.discrimination).toBeCloseTo(0, 9);
    // c1: item 1 ×5 | 0 ×5; rest (c2+c3)/2 = 1, 1, .5, .5, .5 | .5, .5, 0, 0, 0 (mean 0.45).
    // sxy = 0.5·1.25 + 0.5·1.25 = 1.25, sxx = 2.5, syy = 1.225 → r = 1.25 / √3.0625 = 1.25 / 1.75 = 0.714286. c3 is the same.
    expect(c1?.discrimination).toBeCloseTo(0.714286, 6);
    expect(c3?.discrimination).toBeCloseTo(0.714286, 6);
    expect(c1?.flags).toEqual([]);
  });
});

describe('per-section analytics', () => {
  it('averages predicted recall over students × items, unstudied items counting 0', async () => {
    const sections = (await assignmentAnalyticsFor(ids.instructor.id, ids.classId, ids.assignmentId, NOW))?.sections ?? [];
    expect(sections.map((s) => s.key)).toEqual(['s1']);
    // Now (day 5): A R(2,10) + R(1,1.5) + R(3,8); B R(4,2); C R(0.5,2) + R(31,1)
    //   = 0.972770 + 0.925379 + 0.952870 + 0.845885 + 0.966763 + 0.587751 = 5.251418, over 3 × 3 → 0.583491.
    // Due (day 10): 0.922590 + 0.782132 + 0.9 + 0.770764 + 0.817441 + 0.574746 = 4.767673 / 9 → 0.529742.
    expect(sections[0]?.items).toBe(3);
    expect(sections[0]?.recallNow).toBeCloseTo(0.583491, 5);
    expect(sections[0]?.recallAtDue).toBeCloseTo(0.529742, 5);
  });
});

describe('the same numbers elsewhere', () => {
  it('the gradebook has one row of numbers per student per assignment', async () => {
    const book = await gradebookFor(ids.instructor.id, ids.classId, NOW);
    expect(book?.roster.map((r) => r.name)).toEqual(['Ann A', 'Bob B', 'Cat C']);
    const grades = book?.grades.get(ids.assignmentId);
    expect(grades?.get(ids.b.id)).toMatchObject({ studied: 1, assigned: 3, status: 'behind' });
  });

  it('a student sees their own progress on Today', async () => {
    const [mine] = await assignmentsForStudent(ids.c.id, NOW);
    expect(mine).toMatchObject({ className: 'Seminar', deckId: 'tiny', sectionTitles: ['Section s1'], dueAt: DUE, assigned: 3, studied: 2, bestQuiz: 1, status: 'on-track' });
    expect(mine?.recallAtDue).toBeCloseTo(0.464063, 5);
  });

  it("Today's numbers are the class analytics' numbers, before and after the due date", async () => {
    const compare = async (when: Date) => {
      const roster = (await assignmentAnalyticsFor(ids.instructor.id, ids.classId, ids.assignmentId, when))?.students ?? [];
      expect(roster).toHaveLength(3);
      for (const theirs of roster) {
        const [mine] = await assignmentsForStudent(theirs.userId, when);
        expect(mine).toMatchObject({ assigned: theirs.assigned, studied: theirs.studied, bestQuiz: theirs.bestQuiz, status: theirs.status });
        expect(mine?.recallAtDue).toBeCloseTo(theirs.recallAtDue, 9);
      }
    };
    await compare(NOW);
    const after = new Date(at(12));
    const bBefore = (await assignmentsForStudent(ids.b.id, after))[0];
    const aBefore = (await assignmentsForStudent(ids.a.id, after))[0];
    // B studies c2 after the due date: studied now, but neither "by the due date" nor in the memory at the due date.
    await logReview(ids.b.id, ids.card.c2, at(11), { stateBefore: 0, rating: 3, stability: 5 });
    // A reviews c1 again after the due date: the memory at the due date still comes from the review of day 3.
    await logReview(ids.a.id, ids.card.c1, at(11), { stateBefore: 2, rating: 3, stability: 40 });
    await compare(after);
    expect((await assignmentsForStudent(ids.a.id, after))[0]?.recallAtDue).toBeCloseTo(aBefore?.recallAtDue ?? -1, 9);
    const bAfter = (await assignmentsForStudent(ids.b.id, after))[0];
    expect(bAfter?.studied).toBe((bBefore?.studied ?? 0) + 1);
    expect(bAfter?.recallAtDue).toBeCloseTo(bBefore?.recallAtDue ?? -1, 9);
    expect(bAfter?.status).toBe('late');
  });

  it('another instructor gets nothing', async () => {
    expect(await assignmentAnalyticsFor(ids.other.id, ids.classId, ids.assignmentId, NOW)).toBeUndefined();
    expect(await gradebookFor(ids.other.id, ids.classId, NOW)).toBeUndefined();
  });
});

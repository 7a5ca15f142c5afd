/**
 * Class analytics for one assignment, from facts the db layer aggregated per (student, card):
 * a row per student, a row per section. Pure, so the numbers can be checked by hand in tests.
 * Everything is about the assignment's items; a student's study of other decks stays theirs.
 */
import { mean, recallAt, studentStatus, type AssignmentStatus, type StudentProgress } from './progress';

export interface AssignmentFactsHeader {
  id: number;
  dueAt: number;
  createdAt: number;
  /** Percent, 0–100. */
  goalQuizScore: number | null;
  /** 0–1. */
  goalRecall: number | null;
}

export interface FactStudent {
  userId: number;
  name: string;
  email: string;
  joinedAt: number;
  /** Personal FSRS weights, null for the defaults. */
  weights: number[] | null;
}

export interface FactCard {
  cardId: number;
  itemId: string;
  type: string;
  prompt: string;
  sectionKey: string;
  sectionTitle: string;
}

/** Review-log aggregates of one student on one card (undone reviews excluded; quiz answers are reviews too). */
export interface FactReviews {
  userId: number;
  cardId: number;
  firstAt: number;
  lastAt: number;
  reviews7d: number;
  /** Reviews in the Review state in the last 30 days, and how many of those passed (not Again). */
  mature30: number;
  passed30: number;
  /** All reviews in the Review state, and how many of those were lapses (Again). */
  matureAll: number;
  lapsesAll: number;
}

/** The last review of a student's card at or before some instant: when, and the stability it left. */
export interface FactLastReview {
  userId: number;
  cardId: number;
  at: number;
  stability: number;
}

export interface FactQuizBest {
  userId: number;
  /** Best finished attempt on the deck, 0–1. */
  best: number | null;
  bestByDue: number | null;
}

export interface AssignmentFacts {
  assignment: AssignmentFactsHeader;
  students: FactStudent[];
  cards: FactCard[];
  reviews: FactReviews[];
  lastBeforeDue: FactLastReview[];
  lastBeforeNow: FactLastReview[];
  quizBest: FactQuizBest[];
}

export interface StudentAnalytics extends StudentProgress {
  userId: number;
  name: string;
  email: string;
  assigned: number;
  studied: number;
  reviews7d: number;
  /** True retention over the last 30 days (passed / Review-state reviews), null without any. */
  retention30: number | null;
  bestQuiz: number | null;
  recallAtDue: number;
  lastActive: number | null;
  status: AssignmentStatus;
}

function byUser<T extends { userId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.userId);
    if (list) list.push(row);
    else out.set(row.userId, [row]);
  }
  return out;
}

/** Sum of predicted recall at `at` over the rows given (each a studied card). */
function recallSum(rows: readonly FactLastReview[] | undefined, at: number, weights: number[] | null): number {
  let sum = 0;
  for (const r of rows ?? []) sum += recallAt(r.at, r.stability, at, weights);
  return sum;
}

/** One row per student on the roster, in roster order. */
export function studentAnalytics(facts: AssignmentFacts, now: number): StudentAnalytics[] {
  const { assignment, cards } = facts;
  const reviews = byUser(facts.reviews);
  const lastDue = byUser(facts.lastBeforeDue);
  const quiz = new Map(facts.quizBest.map((q) => [q.userId, q]));
  return facts.students.map((s) => {
    const mine = reviews.get(s.userId) ?? [];
    const recallAtDue = mean(recallSum(lastDue.get(s.userId), assignment.dueAt, s.weights), cards.length);
    const best = quiz.get(s.userId);
    const progress = studentStatus(
      assignment,
      {
        assigned: cards.length,
        studiedNow: mine.length,
        studiedByDue: mine.filter((r) => r.firstAt <= assignment.dueAt).length,
        bestQuizByDue: best?.bestByDue ?? null,
        recallAtDue,
        startAt: Math.max(assignment.createdAt, s.joinedAt),
      },
      now,
    );
    const mature30 = mine.reduce((n, r) => n + r.mature30, 0);
    return {
      userId: s.userId,
      name: s.name,
      email: s.email,
      assigned: cards.length,
      studied: mine.length,
      reviews7d: mine.reduce((n, r) => n + r.reviews7d, 0),
      retention30: mature30 === 0 ? null : mine.reduce((n, r) => n + r.passed30, 0) / mature30,
      bestQuiz: best?.best ?? null,
      recallAtDue,
      lastActive: mine.length === 0 ? null : Math.max(...mine.map((r) => r.lastAt)),
      ...progress,
    };
  });
}

export interface SectionAnalytics {
  key: string;
  title: string;
  items: number;
  /** Mean predicted recall over students × the section's items (unstudied = 0); null without students. */
  recallNow: number | null;
  recallAtDue: number | null;
}

/** One row per assigned section, in deck order. */
export function sectionAnalytics(facts: AssignmentFacts, now: number): SectionAnalytics[] {
  const weights = new Map(facts.students.map((s) => [s.userId, s.weights]));
  const sectionOf = new Map(facts.cards.map((c) => [c.cardId, c.sectionKey]));
  const out = new Map<string, SectionAnalytics & { sumNow: number; sumDue: number }>();
  for (const c of facts.cards) {
    const row = out.get(c.sectionKey) ?? { key: c.sectionKey, title: c.sectionTitle, items: 0, recallNow: null, recallAtDue: null, sumNow: 0, sumDue: 0 };
    row.items += 1;
    out.set(c.sectionKey, row);
  }
  const add = (rows: readonly FactLastReview[], at: number, field: 'sumNow' | 'sumDue') => {
    for (const r of rows) {
      const row = out.get(sectionOf.get(r.cardId) ?? '');
      if (row) row[field] += recallAt(r.at, r.stability, at, weights.get(r.userId) ?? null);
    }
  };
  add(facts.lastBeforeNow, now, 'sumNow');
  add(facts.lastBeforeDue, facts.assignment.dueAt, 'sumDue');
  const n = facts.students.length;
  return [...out.values()].map(({ sumNow, sumDue, ...row }) => ({
    ...row,
    recallNow: n === 0 ? null : mean(sumNow, n * row.items),
    recallAtDue: n === 0 ? null : mean(sumDue, n * row.items),
  }));
}

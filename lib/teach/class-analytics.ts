/**
 * Class analytics for one assignment, from facts the db layer summed per student and per card
 * in SQL: a row per student, a row per section. Pure, so the numbers can be checked by hand in
 * tests. Everything is about the assignment's items; a student's study of other decks stays theirs.
 */
import { mean, studentStatus, type AssignmentStatus, type StudentProgress } from './progress';

export interface AssignmentFactsHeader {
  id: number;
  dueAt: number;
  createdAt: number;
  /** Percent, 0–100. */
  goalQuizScore: number | null;
  /** 0–1. */
  goalRecall: number | null;
}

/**
 * One student on the roster and their numbers on the assignment's items (undone reviews
 * excluded; quiz answers are reviews too).
 */
export interface FactStudent {
  userId: number;
  name: string;
  email: string;
  joinedAt: number;
  /** This student's due date: the assignment's, or their extension's (later). */
  dueAt: number;
  /** They have an extension that moves their due date. */
  extended: boolean;
  /** Items reviewed at least once, and of those, first reviewed at or before the due date. */
  studied: number;
  studiedByDue: number;
  reviews7d: number;
  /** Reviews in the Review state in the last 30 days, and how many of those passed (not Again). */
  mature30: number;
  passed30: number;
  /** Latest review of an assigned item, null if none. */
  lastAt: number | null;
  /** Sum over the items of predicted recall at the due date (memory as of the due date). */
  recallDueSum: number;
  /** Best finished quiz on the deck, 0–1: ever, and at or before the due date. */
  best: number | null;
  bestByDue: number | null;
}

/** One assigned item and the class's numbers on it. */
export interface FactCard {
  cardId: number;
  itemId: string;
  type: string;
  prompt: string;
  sectionKey: string;
  sectionTitle: string;
  /** Students who reviewed it at least once. */
  studiedBy: number;
  /** Reviews in the Review state, and how many of those were lapses (Again). */
  matureAll: number;
  lapsesAll: number;
  /** Sums over the roster of predicted recall now and at the due date. */
  recallNowSum: number;
  recallDueSum: number;
}

export interface AssignmentFacts {
  assignment: AssignmentFactsHeader;
  students: FactStudent[];
  cards: FactCard[];
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
  /** Their due date, and whether an extension set it. */
  dueAt: number;
  extended: boolean;
}

/** One row per student on the roster, in roster order. */
export function studentAnalytics(facts: AssignmentFacts, now: number): StudentAnalytics[] {
  const { assignment, cards } = facts;
  return facts.students.map((s) => {
    const recallAtDue = mean(s.recallDueSum, cards.length);
    const progress = studentStatus(
      { ...assignment, dueAt: s.dueAt },
      {
        assigned: cards.length,
        studiedNow: s.studied,
        studiedByDue: s.studiedByDue,
        bestQuizByDue: s.bestByDue,
        recallAtDue,
        startAt: Math.max(assignment.createdAt, s.joinedAt),
      },
      now,
    );
    return {
      userId: s.userId,
      name: s.name,
      email: s.email,
      assigned: cards.length,
      studied: s.studied,
      reviews7d: s.reviews7d,
      retention30: s.mature30 === 0 ? null : s.passed30 / s.mature30,
      bestQuiz: s.best,
      recallAtDue,
      lastActive: s.lastAt,
      dueAt: s.dueAt,
      extended: s.extended,
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
export function sectionAnalytics(facts: AssignmentFacts): SectionAnalytics[] {
  const out = new Map<string, SectionAnalytics & { sumNow: number; sumDue: number }>();
  for (const c of facts.cards) {
    const row = out.get(c.sectionKey) ?? { key: c.sectionKey, title: c.sectionTitle, items: 0, recallNow: null, recallAtDue: null, sumNow: 0, sumDue: 0 };
    row.items += 1;
    row.sumNow += c.recallNowSum;
    row.sumDue += c.recallDueSum;
    out.set(c.sectionKey, row);
  }
  const n = facts.students.length;
  return [...out.values()].map(({ sumNow, sumDue, ...row }) => ({
    ...row,
    recallNow: n === 0 ? null : mean(sumNow, n * row.items),
    recallAtDue: n === 0 ? null : mean(sumDue, n * row.items),
  }));
}

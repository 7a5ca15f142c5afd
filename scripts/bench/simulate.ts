/**
 * Simulates one student's reviews of one card with the app's own scheduler (lib/scheduler), so the
 * seeded history is what FSRS would have produced: the student answers on the days they study,
 * recalls with probability ≈ the card's retrievability, and grades mostly Good.
 */
import { becameLeech, scheduleReview, type CardState, type Grade, type SchedulerSettings } from '@/lib/scheduler';
import { forgetting_curve, generatorParameters } from 'ts-fsrs';
import type { Rng } from './rng';

export const DAY_MS = 86_400_000;

/** How one simulated student studies. Day indexes count from `windowStart`. */
export interface StudentModel {
  windowStart: number;
  /** 1 on the days the student opens the app. */
  activeDays: Uint8Array;
  /** Minutes after midnight UTC when their study session starts. */
  sessionMinute: number;
  /** Multiplies recall probability (0.95–1.05): some students remember better. */
  skill: number;
  /** Share of successful answers graded Easy (Hard is 4 %, the rest Good). */
  easy: number;
}

export interface SimulatedReview {
  grade: Grade;
  reviewedAt: number;
  before: CardState | null;
  after: CardState;
}

export interface SimulatedCard {
  reviews: SimulatedReview[];
  final: CardState | null;
  leech: boolean;
}

const W = generatorParameters().w;

function recallProbability(state: CardState | null, at: number, skill: number): number {
  if (state === null) return 0.85 * skill;
  if (state.state !== 2 || !state.lastReview) return 0.93 * skill;
  const r = forgetting_curve(W, Math.max(0, (at - state.lastReview.getTime()) / DAY_MS), state.stability);
  return Math.min(0.99, Math.max(0.3, r * skill));
}

function drawGrade(rng: Rng, pRecall: number, easy: number): Grade {
  if (rng.next() >= pRecall) return 1;
  const u = rng.next();
  return u < 0.04 ? 2 : u < 1 - easy ? 3 : 4;
}

/** The first day at or after `day` on which the student studies, or -1. */
function nextActiveDay(model: StudentModel, day: number): number {
  for (let d = Math.max(0, day); d < model.activeDays.length; d++) if (model.activeDays[d]) return d;
  return -1;
}

function sessionTime(model: StudentModel, day: number, rng: Rng): number {
  return model.windowStart + day * DAY_MS + (model.sessionMinute + rng.int(0, 40)) * 60_000;
}

/** Reviews of one card first studied on `introDay`, up to `until`; stops when the card becomes a leech (suspended). */
export function simulateCard(model: StudentModel, introDay: number, until: number, rng: Rng, settings: SchedulerSettings, leechThreshold = 8): SimulatedCard {
  const reviews: SimulatedReview[] = [];
  let state: CardState | null = null;
  let at = sessionTime(model, introDay, rng);
  let leech = false;
  while (at <= until) {
    const grade = drawGrade(rng, recallProbability(state, at, model.skill), model.easy);
    const { next } = scheduleReview(state, grade, new Date(at), settings);
    reviews.push({ grade, reviewedAt: at, before: state, after: next });
    if (becameLeech(state?.lapses ?? 0, next.lapses, leechThreshold)) leech = true;
    state = next;
    if (leech) break;
    const due = next.due.getTime();
    if (due - at < 6 * 3600_000) {
      // Learning steps come back within the same session.
      at = Math.max(due, at + 30_000) + rng.int(0, 120) * 1000;
      continue;
    }
    const day = nextActiveDay(model, Math.floor((due - model.windowStart) / DAY_MS));
    if (day < 0) break;
    at = Math.max(sessionTime(model, day, rng), at + 60_000);
  }
  return { reviews, final: state, leech };
}

/** A student model over `days` days: joins on `joinDay`, studies on a fraction `pActive` of days, may stop early. */
export function makeStudent(rng: Rng, windowStart: number, days: number, opts: { joinDay: number; pActive: number; stopDay?: number; easy?: number }): StudentModel {
  const activeDays = new Uint8Array(days + 1);
  for (let d = opts.joinDay; d <= Math.min(days, opts.stopDay ?? days); d++) activeDays[d] = rng.chance(opts.pActive) ? 1 : 0;
  activeDays[opts.joinDay] = 1;
  return { windowStart, activeDays, sessionMinute: rng.int(7 * 60, 22 * 60), skill: rng.float(0.95, 1.05), easy: opts.easy ?? 0.14 };
}

/** Days (in order) on which the student meets new cards: `count` cards, `perDay` at a time, on active days from `from`. */
export function introductionDays(model: StudentModel, count: number, perDay: number, from = 0): number[] {
  const days: number[] = [];
  for (let d = from; d < model.activeDays.length && days.length < count; d++) {
    if (!model.activeDays[d]) continue;
    for (let i = 0; i < perDay && days.length < count; i++) days.push(d);
  }
  return days;
}

/**
 * Days for `count` new cards whose pace grows over the window (density ∝ day^(k-1)): a long-time
 * user who started slowly and now adds many cards a week. Larger k: younger cards, fewer reviews each.
 */
export function acceleratingIntroductionDays(model: StudentModel, count: number, k: number): number[] {
  // Up to yesterday, so every card has been seen at least once.
  const last = model.activeDays.length - 2;
  return Array.from({ length: count }, (_, i) => {
    const day = Math.min(last, Math.floor(last * ((i + 0.5) / count) ** (1 / k)));
    const active = model.activeDays.indexOf(1, day);
    return active < 0 ? day : active;
  });
}

/**
 * What the settings page says about a student's memory model: which parameters are in use and
 * where they come from, the last fit and how well it predicted them, whether a refit is due, true
 * retention against desired retention, and the workload each desired retention would bring.
 * On the engine (db/engine): the same SQL on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { flag, int } from '@/db/engine/rows';
import { rowToState } from '@/db/card-state-row';
import { cards, cardStates, classes, decks, fsrsFits, reviewLogs } from '@/db/schema';
import { fitHealth, type FitReason } from '@/lib/scheduler/fit';
import { simulateWorkload } from '@/lib/scheduler/workload';
import { now as appNow } from '@/lib/clock';
import { deckVisibleTo } from './access-sql';
import { parametersInUse, type ParameterSource } from './fsrs-parameters';
import { studySettingsFor } from './settings';

const DAY_MS = 86_400_000;
/** A refit is suggested once the history has doubled since the last fit, or after this long. */
export const REFIT_AFTER_MS = 30 * DAY_MS;

export interface LastFit {
  fittedAt: Date;
  adopted: boolean;
  reason: FitReason;
  items: number;
  reviews: number;
  before: { logLoss: number; rmse: number } | null;
  after: { logLoss: number; rmse: number } | null;
}

export interface MemoryModelReport {
  source: ParameterSource;
  /** The deck or class a pool was fitted on. */
  poolName: string | null;
  lastFit: LastFit | null;
  health: 'good' | 'poor' | null;
  reviews: number;
  refit: 'doubled' | 'month' | null;
  retention: { reviews: number; passed: number; desired: number };
}

const lastFitRow = z.object({
  fittedAt: int,
  adopted: flag,
  reason: z.string(),
  items: int,
  reviews: int,
  logLossBefore: z.number().nullable(),
  rmseBefore: z.number().nullable(),
  logLossAfter: z.number().nullable(),
  rmseAfter: z.number().nullable(),
});
const nameRow = z.object({ name: z.string().nullable() });
const countRow = z.object({ n: int });
const retentionRow = z.object({ n: int, passed: int.nullable() });
// rowToState checks the ranges (a state of 0–3, finite numbers): here only the types.
const cardRow = z.object({
  due: int,
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: int,
  reps: int,
  lapses: int,
  state: int,
  lastReview: int.nullable(),
  studied: flag,
});

const REASONS: readonly FitReason[] = ['too_little_history', 'better', 'not_better'];
const metrics = (logLoss: number | null, rmse: number | null) => (logLoss !== null && rmse !== null ? { logLoss, rmse } : null);

/** The student's latest personal fit, adopted or not (null when none, or of a reason this version does not know). */
async function lastFitOf(userId: number): Promise<LastFit | null> {
  const db = await engine();
  const f = fsrsFits;
  const row = await db.get(
    sql`SELECT ${f.fittedAt} AS "fittedAt", ${f.adopted} AS "adopted", ${f.reason} AS "reason", ${f.items} AS "items", ${f.reviews} AS "reviews",
        ${f.logLossBefore} AS "logLossBefore", ${f.rmseBefore} AS "rmseBefore", ${f.logLossAfter} AS "logLossAfter", ${f.rmseAfter} AS "rmseAfter"
      FROM ${f} WHERE ${f.scope} = 'user' AND ${f.scopeId} = ${userId} ORDER BY ${f.fittedAt} DESC, ${f.id} DESC LIMIT 1`,
    lastFitRow,
  );
  if (!row) return null;
  const reason = REASONS.find((r) => r === row.reason);
  if (!reason) return null;
  return {
    fittedAt: new Date(row.fittedAt),
    adopted: row.adopted,
    reason,
    items: row.items,
    reviews: row.reviews,
    before: metrics(row.logLossBefore, row.rmseBefore),
    after: metrics(row.logLossAfter, row.rmseAfter),
  };
}

/** The deck or class a pooled fit was fitted on. */
async function poolNameOf(fitId: number): Promise<string | null> {
  const db = await engine();
  const f = alias(fsrsFits, 'f');
  const d = alias(decks, 'd');
  const k = alias(classes, 'k');
  const row = await db.get(
    sql`SELECT CASE ${f.scope} WHEN 'deck' THEN (SELECT ${d.title} FROM ${decks} ${d} WHERE ${d.id} = ${f.scopeKey})
                               WHEN 'class' THEN (SELECT ${k.name} FROM ${classes} ${k} WHERE ${k.id} = ${f.scopeId}) END AS "name"
      FROM ${fsrsFits} ${f} WHERE ${f.id} = ${fitId}`,
    nameRow,
  );
  return row?.name ?? null;
}

export async function memoryModelReport(userId: number, at: Date = appNow()): Promise<MemoryModelReport> {
  const db = await engine();
  const l = reviewLogs;
  const inUse = await parametersInUse(userId);
  const lastFit = await lastFitOf(userId);
  const counted = sql`${l.userId} = ${userId} AND ${l.undoneAt} IS NULL`;
  const reviews = (await db.get(sql`SELECT count(*) AS "n" FROM ${l} WHERE ${counted}`, countRow))?.n ?? 0;
  // True retention: reviews of cards in the Review state (not learning steps), passed = not Again.
  const retention = await db.get(
    sql`SELECT count(*) AS "n", sum(CASE WHEN ${l.rating} > 1 THEN 1 ELSE 0 END) AS "passed" FROM ${l}
      WHERE ${counted} AND ${l.stateBefore} = 2 AND ${l.reviewedAt} >= ${at.getTime() - 30 * DAY_MS}`,
    retentionRow,
  );
  let refit: MemoryModelReport['refit'] = null;
  if (lastFit && lastFit.reason !== 'too_little_history') {
    if (reviews >= 2 * Math.max(1, lastFit.reviews)) refit = 'doubled';
    else if (at.getTime() - lastFit.fittedAt.getTime() >= REFIT_AFTER_MS && reviews > lastFit.reviews) refit = 'month';
  }
  return {
    source: inUse.source,
    poolName: inUse.fitId !== null && inUse.source !== 'personal' ? await poolNameOf(inUse.fitId) : null,
    lastFit,
    health: lastFit ? fitHealth(lastFit) : null,
    reviews,
    refit,
    retention: { reviews: retention?.n ?? 0, passed: retention?.passed ?? 0, desired: (await studySettingsFor(userId)).scheduler.desiredRetention },
  };
}

export interface WorkloadRow {
  desiredRetention: number;
  perDay30: number;
  perDay365: number;
}

/** Expected reviews per day at each desired retention, simulated with this student's parameters and cards. */
export async function workloadFor(userId: number, retentions: readonly number[], at: Date = appNow()): Promise<WorkloadRow[]> {
  const db = await engine();
  const settings = await studySettingsFor(userId);
  const c = alias(cards, 'c');
  const s = alias(cardStates, 's');
  const rows = await db.all(
    sql`SELECT coalesce(${s.due}, 0) AS "due", coalesce(${s.stability}, 0) AS "stability", coalesce(${s.difficulty}, 0) AS "difficulty",
        coalesce(${s.scheduledDays}, 0) AS "scheduledDays", coalesce(${s.learningSteps}, 0) AS "learningSteps",
        coalesce(${s.reps}, 0) AS "reps", coalesce(${s.lapses}, 0) AS "lapses", coalesce(${s.state}, 0) AS "state",
        ${s.lastReview} AS "lastReview", (${s.cardId} IS NOT NULL) AS "studied"
      FROM ${cards} ${c} JOIN ${decks} ON ${decks.id} = ${c.deckId}
      LEFT JOIN ${cardStates} ${s} ON ${s.cardId} = ${c.id} AND ${s.userId} = ${userId}
      WHERE ${c.retiredAt} IS NULL AND (${s.suspended} IS NULL OR ${s.suspended} = ${db.fragments.bool(false)}) AND ${deckVisibleTo(userId, decks)}`,
    cardRow,
  );
  const states = rows.map(({ studied, ...row }) => (studied ? rowToState(row) : null));
  return retentions.map((desiredRetention) => {
    const w = simulateWorkload({ cards: states, newPerDay: settings.newPerDay, settings: { ...settings.scheduler, desiredRetention }, now: at, days: 365, maxCards: 120 });
    return { desiredRetention, perDay30: w.mean30, perDay365: w.meanAll };
  });
}

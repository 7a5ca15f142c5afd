/**
 * What the settings page says about a student's memory model: which parameters are in use and
 * where they come from, the last fit and how well it predicted them, whether a refit is due, true
 * retention against desired retention, and the workload each desired retention would bring.
 */
import 'server-only';
import { db } from '@/db';
import { rowToState, type CardStateColumns } from '@/db/card-state-row';
import { fitHealth, type FitReason } from '@/lib/scheduler/fit';
import { simulateWorkload } from '@/lib/scheduler/workload';
import { now as appNow } from '@/lib/clock';
import { DECK_VISIBLE_SQL } from './access';
import { parametersInUse, type ParameterSource } from './fsrs-parameters';
import { studySettingsForSync } from './settings-sync-legacy'; // ENGINE-MERGE: await studySettingsFor (settings.ts)

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

const stmts = {
  lastFit: db.$client.prepare<{ userId: number }, Record<string, number | string | null>>(
    `SELECT fitted_at, adopted, reason, items, reviews, log_loss_before, rmse_before, log_loss_after, rmse_after
     FROM fsrs_fits WHERE scope = 'user' AND scope_id = @userId ORDER BY fitted_at DESC, id DESC LIMIT 1`,
  ),
  poolName: db.$client.prepare<{ fitId: number }, { name: string | null }>(
    `SELECT CASE f.scope WHEN 'deck' THEN (SELECT d.title FROM decks d WHERE d.id = f.scope_key)
                         WHEN 'class' THEN (SELECT k.name FROM classes k WHERE k.id = f.scope_id) END AS name
     FROM fsrs_fits f WHERE f.id = @fitId`,
  ),
  reviews: db.$client.prepare<{ userId: number }, { n: number }>('SELECT count(*) AS n FROM review_logs WHERE user_id = @userId AND undone_at IS NULL'),
  // True retention: reviews of cards in the Review state (not learning steps), passed = not Again.
  retention: db.$client.prepare<{ userId: number; since: number }, { n: number; passed: number | null }>(
    `SELECT count(*) AS n, sum(rating > 1) AS passed FROM review_logs
     WHERE user_id = @userId AND undone_at IS NULL AND state_before = 2 AND reviewed_at >= @since`,
  ),
  cards: db.$client.prepare<{ userId: number }, CardStateColumns & { studied: number }>(
    `SELECT coalesce(s.due, 0) AS due, coalesce(s.stability, 0) AS stability, coalesce(s.difficulty, 0) AS difficulty,
            coalesce(s.scheduled_days, 0) AS scheduledDays, coalesce(s.learning_steps, 0) AS learningSteps,
            coalesce(s.reps, 0) AS reps, coalesce(s.lapses, 0) AS lapses, coalesce(s.state, 0) AS state,
            s.last_review AS lastReview, s.card_id IS NOT NULL AS studied
     FROM cards c JOIN decks d ON d.id = c.deck_id
     LEFT JOIN card_states s ON s.card_id = c.id AND s.user_id = @userId
     WHERE c.retired_at IS NULL AND coalesce(s.suspended, 0) = 0 AND ${DECK_VISIBLE_SQL}`,
  ),
};

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const metrics = (logLoss: unknown, rmse: unknown) => (typeof logLoss === 'number' && typeof rmse === 'number' ? { logLoss, rmse } : null);
const REASONS: readonly FitReason[] = ['too_little_history', 'better', 'not_better'];

function decodeLastFit(row: Record<string, number | string | null> | undefined): LastFit | null {
  if (!row) return null;
  const reason = REASONS.find((r) => r === row.reason);
  if (!reason) return null;
  return {
    fittedAt: new Date(num(row.fitted_at)),
    adopted: row.adopted === 1,
    reason,
    items: num(row.items),
    reviews: num(row.reviews),
    before: metrics(row.log_loss_before, row.rmse_before),
    after: metrics(row.log_loss_after, row.rmse_after),
  };
}

export function memoryModelReport(userId: number, at: Date = appNow()): MemoryModelReport {
  const inUse = parametersInUse(userId);
  const lastFit = decodeLastFit(stmts.lastFit.get({ userId }));
  const reviews = stmts.reviews.get({ userId })?.n ?? 0;
  const retention = stmts.retention.get({ userId, since: at.getTime() - 30 * DAY_MS });
  let refit: MemoryModelReport['refit'] = null;
  if (lastFit && lastFit.reason !== 'too_little_history') {
    if (reviews >= 2 * Math.max(1, lastFit.reviews)) refit = 'doubled';
    else if (at.getTime() - lastFit.fittedAt.getTime() >= REFIT_AFTER_MS && reviews > lastFit.reviews) refit = 'month';
  }
  return {
    source: inUse.source,
    poolName: inUse.fitId !== null && inUse.source !== 'personal' ? (stmts.poolName.get({ fitId: inUse.fitId })?.name ?? null) : null,
    lastFit,
    health: lastFit ? fitHealth(lastFit) : null,
    reviews,
    refit,
    retention: { reviews: retention?.n ?? 0, passed: retention?.passed ?? 0, desired: studySettingsForSync(userId).scheduler.desiredRetention },
  };
}

export interface WorkloadRow {
  desiredRetention: number;
  perDay30: number;
  perDay365: number;
}

/** Expected reviews per day at each desired retention, simulated with this student's parameters and cards. */
export function workloadFor(userId: number, retentions: readonly number[], at: Date = appNow()): WorkloadRow[] {
  const settings = studySettingsForSync(userId);
  const cards = stmts.cards.all({ userId }).map((row) => (row.studied ? rowToState(row) : null));
  return retentions.map((desiredRetention) => {
    const w = simulateWorkload({ cards, newPerDay: settings.newPerDay, settings: { ...settings.scheduler, desiredRetention }, now: at, days: 365, maxCards: 120 });
    return { desiredRetention, perDay30: w.mean30, perDay365: w.meanAll };
  });
}

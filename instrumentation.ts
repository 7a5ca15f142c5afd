/**
 * Runs once when the server starts: opening the db client applies pending migrations, and the
 * FSRS pools are refitted on a schedule (FSRS_POOL_REFIT_HOURS, default 24; 0 turns it off).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./db');
    const hours = Number(process.env.FSRS_POOL_REFIT_HOURS ?? 24);
    const { scheduleRefits } = await import('./db/queries/fsrs-refit');
    scheduleRefits(Number.isFinite(hours) ? Math.min(hours, 24 * 365) : 24);
  }
}

/**
 * Runs once when the server starts: opening the db client applies pending migrations, and the
 * FSRS pools are refitted on a schedule (FSRS_POOL_REFIT_HOURS, default 24; 0 turns it off). It
 * also says, once, when client addresses are unknown (a bare `next start`: one shared throttle).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./db');
    const { addressWarning, socketAddressesKnown, trustedHops } = await import('./lib/auth/client-address');
    const warning = addressWarning(socketAddressesKnown(), trustedHops(process.env.TRUST_PROXY));
    if (warning) console.warn(warning);
    const hours = Number(process.env.FSRS_POOL_REFIT_HOURS ?? 24);
    const { scheduleRefits } = await import('./db/queries/fsrs-refit');
    scheduleRefits(Number.isFinite(hours) ? Math.min(hours, 24 * 365) : 24);
  }
}

/** Runs once when the server starts: opening the db client applies pending migrations. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./db');
  }
}

/**
 * Fitting FSRS parameters from the command line (operators). Every fit is checked on the latest
 * reviews before it is adopted, exactly as from the settings page; each prints what it found.
 *   npm run fsrs:fit -- --user a@b.edu      one student's personal parameters
 *   npm run fsrs:fit -- --deck war-for-peace a deck's pool (for its newcomers)
 *   npm run fsrs:fit -- --class 12          a class's pool
 *   npm run fsrs:fit -- --all               every pool, then every student with enough history
 * Runs with --conditions=react-server (package.json) so the data layer's `server-only` imports load.
 */
import { parseArgs } from 'node:util';

const usage = `Usage: npm run fsrs:fit -- --user EMAIL | --deck DECK_ID | --class CLASS_ID | --all`;
const { values } = parseArgs({ options: { user: { type: 'string' }, deck: { type: 'string' }, class: { type: 'string' }, all: { type: 'boolean' } } });
const chosen = [values.user, values.deck, values.class, values.all].filter((v) => v !== undefined && v !== false);
if (chosen.length !== 1) {
  console.error(usage);
  process.exit(2);
}

// The app's engine (DATABASE_URL: SQLite by default, or PostgreSQL), as the server uses it.
const { engine } = await import('../db/engine');
const { sql } = await import('drizzle-orm');
const { z } = await import('zod');
const { int } = await import('../db/engine/rows');
const { classes, decks, reviewLogs, users } = await import('../db/schema');
const { fitPoolParameters, fitUserParameters } = await import('../db/queries/fsrs-parameters');
const { refitPools } = await import('../db/queries/fsrs-refit');
const { MIN_FIT_ITEMS } = await import('../lib/scheduler/fit');
type Verdict = Awaited<ReturnType<typeof fitUserParameters>>['verdict'];

const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(4));
function report(label: string, v: Verdict, extra = ''): void {
  const verdict = v.adopted ? 'adopted' : v.reason === 'too_little_history' ? 'kept (too little history)' : 'kept (not better)';
  console.log(
    `${label.padEnd(32)} ${String(v.items).padStart(7)} items  ${verdict.padEnd(26)} log loss ${f(v.before?.logLoss)} → ${f(v.after?.logLoss)}  RMSE ${f(v.before?.rmse)} → ${f(v.after?.rmse)}${extra}`,
  );
}

const db = await engine();
const idRow = z.object({ id: int });

async function userId(email: string): Promise<number> {
  const row = await db.get(sql`SELECT ${users.id} AS "id" FROM ${users} WHERE lower(${users.email}) = ${email.trim().toLowerCase()}`, idRow);
  if (!row) {
    console.error(`No user with the email ${email}.`);
    process.exit(2);
  }
  return row.id;
}

if (values.user) {
  const out = await fitUserParameters(await userId(values.user));
  report(values.user, out.verdict, out.rebuilt ? `  (${out.rebuilt} cards replayed)` : '');
} else if (values.deck || values.class) {
  const classId = values.class === undefined ? undefined : Number(values.class);
  if (classId !== undefined && !(Number.isInteger(classId) && classId > 0)) {
    console.error('--class takes a class id (a positive whole number).');
    process.exit(2);
  }
  const exists = classId === undefined
    ? await db.get(sql`SELECT 1 AS "id" FROM ${decks} WHERE ${decks.id} = ${values.deck ?? ''}`, idRow)
    : await db.get(sql`SELECT ${classes.id} AS "id" FROM ${classes} WHERE ${classes.id} = ${classId}`, idRow);
  if (!exists) {
    console.error(classId === undefined ? `No deck with the id ${values.deck}.` : `No class with the id ${classId}.`);
    process.exit(2);
  }
  const scope = classId === undefined ? { kind: 'deck' as const, deckId: values.deck! } : { kind: 'class' as const, classId };
  const out = await fitPoolParameters(scope);
  report(values.deck ? `deck ${values.deck}` : `class ${classId}`, out.verdict, `  ${out.learners} learners, ${out.switched} moved to it`);
} else {
  const refit = await refitPools((scope, out) => report(scope.kind === 'deck' ? `deck ${scope.deckId}` : `class ${scope.classId}`, out.verdict, `  ${out.learners} learners`));
  const pools = refit.pools;
  if (refit.switched > 0) console.log(`${refit.switched} students moved to another pool's parameters (${refit.rebuilt} cards replayed).`);
  // Students with enough reviews for a fit to be tried (items are counted by the fit itself).
  const students = await db.all(
    sql`SELECT ${users.id} AS "id", ${users.email} AS "email" FROM ${users}
      WHERE (SELECT count(*) FROM ${reviewLogs} WHERE ${reviewLogs.userId} = ${users.id} AND ${reviewLogs.undoneAt} IS NULL) >= ${MIN_FIT_ITEMS}
      ORDER BY ${users.id}`,
    z.object({ id: int, email: z.string() }),
  );
  if (pools.length === 0 && students.length === 0) console.log('Nothing to fit yet: no deck has been studied.');
  for (const s of students) {
    const out = await fitUserParameters(s.id);
    report(s.email, out.verdict, out.rebuilt ? `  (${out.rebuilt} cards replayed)` : '');
  }
}
// The pool of PostgreSQL would keep the process alive; on SQLite this waits for queued statements.
await db.close();

/**
 * Refitting every pool: each deck that has been studied and each live class with an assigned deck.
 * Run by `npm run fsrs:fit -- --all` and, in the server, on a schedule (instrumentation.ts).
 * Pools are fitted one after the other (the optimiser is off the event loop, and building a
 * pool's history pauses between students, so grading goes on meanwhile); students move to their
 * best pool once all are fitted, so each student's cards are replayed at most once per refit.
 * On the engine (db/engine): the same SQL on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { assignments, cards, classes, decks, reviewLogs } from '@/db/schema';
import { fitPoolParameters, reassignPooledStudents, type PoolFitOutcome } from './fsrs-parameters';
import type { Optimiser } from '@/lib/scheduler/fit';
import type { PoolScope } from './fsrs-history';

/** Every pool there is to fit: each deck someone has studied, each live class with an assignment. */
export async function poolScopes(): Promise<PoolScope[]> {
  const db = await engine();
  const studied = await db.all(
    sql`SELECT ${decks.id} AS "deckId" FROM ${decks}
      WHERE EXISTS (SELECT 1 FROM ${cards} JOIN ${reviewLogs} ON ${reviewLogs.cardId} = ${cards.id} WHERE ${cards.deckId} = ${decks.id})
      ORDER BY ${decks.id}`,
    z.object({ deckId: z.string() }),
  );
  const live = await db.all(
    sql`SELECT ${classes.id} AS "classId" FROM ${classes}
      WHERE ${classes.archivedAt} IS NULL AND EXISTS (SELECT 1 FROM ${assignments} WHERE ${assignments.classId} = ${classes.id})
      ORDER BY ${classes.id}`,
    z.object({ classId: int }),
  );
  return [
    ...studied.map((r): PoolScope => ({ kind: 'deck', deckId: r.deckId })),
    ...live.map((r): PoolScope => ({ kind: 'class', classId: r.classId })),
  ];
}

export interface RefitOutcome {
  pools: PoolFitOutcome[];
  /** Students who moved to another pool's parameters, and the cards replayed for them. */
  switched: number;
  rebuilt: number;
}

export async function refitPools(
  onEach?: (scope: PoolScope, outcome: PoolFitOutcome) => void,
  options: { optimiser?: Optimiser } = {},
): Promise<RefitOutcome> {
  const pools: PoolFitOutcome[] = [];
  for (const scope of await poolScopes()) {
    const outcome = await fitPoolParameters(scope, { optimiser: options.optimiser, reassign: false });
    onEach?.(scope, outcome);
    pools.push(outcome);
  }
  const moved = pools.some((p) => p.verdict.adopted) ? await reassignPooledStudents() : { switched: 0, rebuilt: 0 };
  return { pools, ...moved };
}

let timer: NodeJS.Timeout | undefined;
let running = false;

/**
 * Refits the pools every `hours` hours in this process (0 turns it off). The first run is one
 * period after start, so a restart does not refit at once. With several app servers each would
 * refit: set FSRS_POOL_REFIT_HOURS=0 on all but one (README, "Scheduling").
 */
export function scheduleRefits(hours: number): void {
  if (timer || !(hours > 0)) return;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    refitPools()
      .catch((error: unknown) => console.error('FSRS pool refit failed:', error))
      .finally(() => {
        running = false;
      });
  }, hours * 3_600_000);
  timer.unref();
}

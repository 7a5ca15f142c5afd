/**
 * Refitting every pool: each deck that has been studied and each live class with an assigned deck.
 * Run by `npm run fsrs:fit -- --all` and, in the server, on a schedule (instrumentation.ts).
 * Pools are fitted one after the other (the optimiser is off the event loop, and building a
 * pool's history pauses between students, so grading goes on meanwhile); students move to their
 * best pool once all are fitted, so each student's cards are replayed at most once per refit.
 */
import 'server-only';
import { db } from '@/db';
import { fitPoolParameters, reassignPooledStudents, type PoolFitOutcome } from './fsrs-parameters';
import type { Optimiser } from '@/lib/scheduler/fit';
import type { PoolScope } from './fsrs-history';

const studiedDecks = db.$client.prepare<[], { deckId: string }>(
  'SELECT d.id AS deckId FROM decks d WHERE EXISTS (SELECT 1 FROM cards c JOIN review_logs r ON r.card_id = c.id WHERE c.deck_id = d.id) ORDER BY d.id',
);
const liveClasses = db.$client.prepare<[], { classId: number }>(
  'SELECT k.id AS classId FROM classes k WHERE k.archived_at IS NULL AND EXISTS (SELECT 1 FROM assignments a WHERE a.class_id = k.id) ORDER BY k.id',
);

export function poolScopes(): PoolScope[] {
  return [
    ...studiedDecks.all().map((r): PoolScope => ({ kind: 'deck', deckId: r.deckId })),
    ...liveClasses.all().map((r): PoolScope => ({ kind: 'class', classId: r.classId })),
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
  for (const scope of poolScopes()) {
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

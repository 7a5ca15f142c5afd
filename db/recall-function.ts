/**
 * `recall_at(last_review, stability, at, weights_json)` as a SQL function on the app's connection:
 * the predicted recall of lib/scheduler/recall.ts `recallAt` (the one recall curve), so analytics can sum it in a GROUP BY
 * instead of sending one row per (student, card) to JavaScript. NULL last review or weights
 * JSON that is not an array of numbers count as "never studied" and "default weights".
 * Import it for its effect (`import '@/db/recall-function'`) before preparing such statements.
 */
import 'server-only';
import { recallAt } from '@/lib/scheduler/recall';
import { db } from './index';

// Students' weight arrays, parsed once per distinct JSON text (recallAt memoises by array identity).
const parsedWeights = new Map<string, number[] | null>();

function weightsOf(json: unknown): number[] | null {
  if (typeof json !== 'string') return null;
  let weights = parsedWeights.get(json);
  if (weights === undefined) {
    try {
      const value: unknown = JSON.parse(json);
      weights = Array.isArray(value) && value.every((w) => typeof w === 'number') ? value : null;
    } catch {
      weights = null;
    }
    if (parsedWeights.size > 10_000) parsedWeights.clear();
    parsedWeights.set(json, weights);
  }
  return weights;
}

db.$client.function('recall_at', { deterministic: true }, (last: unknown, stability: unknown, at: unknown, weights: unknown) =>
  typeof last === 'number' && typeof stability === 'number' && typeof at === 'number' ? recallAt(last, stability, at, weightsOf(weights)) : 0,
);

/**
 * `recall_at(last_review, stability, at, weights_json)` as a SQL function on a SQLite connection:
 * the predicted recall of lib/scheduler/recall.ts `recallAt` (the one recall curve), so analytics can sum it in a GROUP BY
 * instead of sending one row per (student, card) to JavaScript. NULL last review or weights
 * JSON that is not an array of numbers count as "never studied" and "default weights".
 * Registered on every connection the app opens (db/connection.ts openDatabase) and by the SQLite
 * engine (db/engine/sqlite.ts), so no query needs a side-effect import. PostgreSQL has the same
 * function in SQL (db/migrations-pg/0001; tests/integration-pg/recall-at.test.ts matches the two).
 */
import type Database from 'better-sqlite3';
import { recallAt } from '../lib/scheduler/recall';

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

const registered = new WeakSet<Database.Database>();

/** Defines recall_at on `client` (once per connection). */
export function registerRecallAt(client: Database.Database): void {
  if (registered.has(client)) return;
  client.function('recall_at', { deterministic: true }, (last: unknown, stability: unknown, at: unknown, weights: unknown) =>
    typeof last === 'number' && typeof stability === 'number' && typeof at === 'number' ? recallAt(last, stability, at, weightsOf(weights)) : 0,
  );
  registered.add(client);
}

/** The SQLite spellings of db/engine/fragments.ts. */
import { sql } from 'drizzle-orm';
import type { Fragments } from './fragments';

export const sqliteFragments: Fragments = {
  intsIn: (values) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`,
  textsIn: (values) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`,
  jsonTexts: (array) => sql`(SELECT value FROM json_each(${array}))`,
  jsonText: (value) => sql`${value}`,
  json: (value) => sql`${JSON.stringify(value)}`,
  bool: (value) => (value ? sql`1` : sql`0`),
  greatest: (a, b) => sql`max(${a}, ${b})`,
  least: (a, b) => sql`min(${a}, ${b})`,
  indexedBy: (index) => sql` INDEXED BY ${sql.identifier(index)}`,

  // ── Grade path (issue 18, group "grade") ──
  jsonFromText: (text) => sql`${text}`,
  forUpdate: () => sql``,
  pairLock: () => null,
  // --- classes and accounts (issue 18, eng-classes) ---
  caseless: (value) => sql`${value} COLLATE NOCASE`,
  // ── Added by the authoring group (issue 18). ──
  lockTransaction: () => sql`SELECT 1`,
  jsonString: (value) => sql`(CASE WHEN json_type(${value}) = 'text' THEN json_extract(${value}, '$') END)`,
  // --- issue 18, progress and FSRS queries (eng-fsrs) ---
  numberedInts: (values) => sql`(SELECT key AS i, value AS v FROM json_each(${JSON.stringify(values)}))`,
  jsonArray: (values) => sql`json_array(${sql.join([...values], sql`, `)})`,
  // --- end of issue 18, progress and FSRS queries ---
};

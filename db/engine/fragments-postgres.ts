/** The PostgreSQL spellings of db/engine/fragments.ts. */
import { Param, sql } from 'drizzle-orm';
import type { Fragments } from './fragments';

export const postgresFragments: Fragments = {
  // One array parameter (a JavaScript array in a `sql` template would expand to one parameter per element).
  intsIn: (values) => sql`(SELECT unnest(CAST(${new Param([...values])} AS bigint[])))`,
  textsIn: (values) => sql`(SELECT unnest(CAST(${new Param([...values])} AS text[])))`,
  jsonTexts: (array) => sql`(SELECT jsonb_array_elements_text(${array}))`,
  jsonText: (value) => sql`CAST(${value} AS text)`,
  json: (value) => sql`CAST(${JSON.stringify(value)} AS jsonb)`,
  bool: (value) => (value ? sql`TRUE` : sql`FALSE`),
  greatest: (a, b) => sql`greatest(${a}, ${b})`,
  least: (a, b) => sql`least(${a}, ${b})`,
  indexedBy: () => sql``,

  // ── Grade path (issue 18, group "grade") ──
  jsonFromText: (text) => sql`CAST(${text} AS jsonb)`,
  forUpdate: () => sql` FOR UPDATE`,
  // Two int4 keys: ids are serial (int4) on PostgreSQL.
  pairLock: (a, b) => sql`SELECT pg_advisory_xact_lock(CAST(${a} AS integer), CAST(${b} AS integer))`,
  // --- classes and accounts (issue 18, eng-classes) ---
  caseless: (value) => sql`lower(${value})`,
  // ── Added by the authoring group (issue 18). ──
  lockTransaction: (key) => sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`,
  jsonString: (value) => sql`(CASE WHEN jsonb_typeof(${value}) = 'string' THEN ${value} #>> '{}' END)`,
  // --- issue 18, progress and FSRS queries (eng-fsrs) ---
  numberedInts: (values) =>
    sql`(SELECT CAST(t.ord - 1 AS integer) AS i, t.v FROM unnest(CAST(${new Param([...values])} AS bigint[])) WITH ORDINALITY AS t(v, ord))`,
  jsonArray: (values) => sql`json_build_array(${sql.join([...values], sql`, `)})`,
  // --- end of issue 18, progress and FSRS queries ---
};

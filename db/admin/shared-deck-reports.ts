/**
 * The maintainers' view of students' reports on the shared decks (those loaded from content/, which
 * no one in the app owns): every open report, whoever filed it, for `npm run reports`. The app shows
 * each instructor the reports of their own students (db/queries/card-reports.ts); a student in no
 * class reaches only the maintainers. No student names: a maintainer fixes cards, not classes.
 */
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { REPORT_REASONS, REPORT_SOURCES } from '@/lib/reports/reasons';
import { int } from '../engine/rows';
import type { Queryable } from '../engine/types';
import { cardReports, cards, decks } from '../schema';

const r = alias(cardReports, 'r');
const c = alias(cards, 'c');
const d = alias(decks, 'd');

const sharedReportRow = z.object({
  id: int,
  deckId: z.string(),
  itemId: z.string(),
  prompt: z.string(),
  reason: z.enum(REPORT_REASONS),
  source: z.enum(REPORT_SOURCES),
  note: z.string().nullable(),
  updatedAt: int,
});
export type SharedDeckReport = z.infer<typeof sharedReportRow>;

/** Open reports on shared decks, by deck and the item's place in it, oldest first within an item. */
export async function openSharedDeckReports(db: Queryable): Promise<SharedDeckReport[]> {
  return db.all(
    sql`SELECT ${r.id} AS "id", ${d.id} AS "deckId", ${c.itemId} AS "itemId", ${c.prompt} AS "prompt", ${r.reason} AS "reason",
          ${r.source} AS "source", ${r.note} AS "note", ${r.updatedAt} AS "updatedAt"
        FROM ${cardReports} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId}
        WHERE ${d.ownerId} IS NULL AND ${r.status} = 'open'
        ORDER BY ${d.position}, ${d.id}, ${c.position}, ${r.updatedAt}, ${r.id}`,
    sharedReportRow,
  );
}

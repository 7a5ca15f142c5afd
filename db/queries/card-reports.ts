/**
 * Students' reports on cards (issue 16 item 4). A student reports only a card they may study
 * (access.ts canStudyCard), and has at most one open report per card: reporting again updates it.
 * Only the owner of the card's deck reads the reports and closes them (fixed or dismissed, with a
 * short reply); the student then reads the answer once, on Today. On the engine (db/engine).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { cardReports, cards, decks, users } from '@/db/schema';
import { canStudyCard } from './access';
import { REPORT_DECISIONS, REPORT_REASONS, REPORT_SOURCES, type AuthorReport, type HandledReport } from '@/lib/reports/reasons';
import type { HandleReportInput, ReportCardInput } from '@/lib/validation/reports';

const r = alias(cardReports, 'r');
const c = alias(cards, 'c');
const d = alias(decks, 'd');
const u = alias(users, 'u');
const idRow = z.object({ id: int });

/** Files (or updates) the student's open report on a card; null when they may not study the card. */
export async function reportCard(userId: number, input: ReportCardInput, now: Date): Promise<{ id: number; updated: boolean } | null> {
  if (!(await canStudyCard(userId, input.cardId))) return null;
  const at = now.getTime();
  const db = await engine();
  // Read and write in one transaction; the upsert on the one-open-report index also settles two
  // reports sent at once from two app servers (PostgreSQL), where the read cannot see the other's insert.
  return db.transaction(async (tx) => {
    const existing = await tx.get(
      sql`SELECT ${cardReports.id} AS "id" FROM ${cardReports}
          WHERE ${cardReports.userId} = ${userId} AND ${cardReports.cardId} = ${input.cardId} AND ${cardReports.status} = 'open'`,
      idRow,
    );
    const written = await tx.get(
      sql`INSERT INTO ${cardReports} (${bare(cardReports.cardId)}, ${bare(cardReports.userId)}, ${bare(cardReports.reason)}, ${bare(cardReports.note)},
            ${bare(cardReports.source)}, ${bare(cardReports.status)}, ${bare(cardReports.createdAt)}, ${bare(cardReports.updatedAt)})
          VALUES (${input.cardId}, ${userId}, ${input.reason}, ${input.note}, ${input.source}, 'open', ${at}, ${at})
          ON CONFLICT (${bare(cardReports.userId)}, ${bare(cardReports.cardId)}) WHERE ${bare(cardReports.status)} = 'open'
          DO UPDATE SET ${bare(cardReports.reason)} = excluded.${bare(cardReports.reason)}, ${bare(cardReports.note)} = excluded.${bare(cardReports.note)},
            ${bare(cardReports.source)} = excluded.${bare(cardReports.source)}, ${bare(cardReports.updatedAt)} = excluded.${bare(cardReports.updatedAt)}
          RETURNING ${cardReports.id} AS "id"`,
      idRow,
    );
    if (!written) throw new Error('the report was not written');
    return { id: written.id, updated: existing !== undefined };
  });
}

const authorRow = z.object({
  id: int,
  cardId: int,
  itemId: z.string(),
  prompt: z.string(),
  studentName: z.string(),
  reason: z.enum(REPORT_REASONS),
  note: z.string().nullable(),
  source: z.enum(REPORT_SOURCES),
  status: z.enum(['open', ...REPORT_DECISIONS]),
  reply: z.string().nullable(),
  updatedAt: int,
}) satisfies z.ZodType<AuthorReport>;

/** The reports on a deck, open ones first, for its owner only (empty for anyone else). */
export async function reportsForDeck(ownerId: number, deckId: string, limit = 200): Promise<AuthorReport[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${r.id} AS "id", ${r.cardId} AS "cardId", ${c.itemId} AS "itemId", ${c.prompt} AS "prompt", ${u.name} AS "studentName",
          ${r.reason} AS "reason", ${r.note} AS "note", ${r.source} AS "source", ${r.status} AS "status", ${r.reply} AS "reply", ${r.updatedAt} AS "updatedAt"
        FROM ${cardReports} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId} JOIN ${users} ${u} ON ${u.id} = ${r.userId}
        WHERE ${d.id} = ${deckId} AND ${d.ownerId} = ${ownerId}
        ORDER BY (CASE WHEN ${r.status} = 'open' THEN 0 ELSE 1 END), ${r.updatedAt} DESC, ${r.id} DESC
        LIMIT ${limit}`,
    authorRow,
  );
}

/** Open reports per deck the instructor owns (decks without any are absent). */
export async function openReportCounts(ownerId: number): Promise<Map<string, number>> {
  const db = await engine();
  const rows = await db.all(
    sql`SELECT ${c.deckId} AS "deckId", count(*) AS "n"
        FROM ${cardReports} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId}
        WHERE ${d.ownerId} = ${ownerId} AND ${r.status} = 'open'
        GROUP BY ${c.deckId}`,
    z.object({ deckId: z.string(), n: int }),
  );
  return new Map(rows.map((row) => [row.deckId, row.n]));
}

/** The deck owner closes an open report; false when it is not theirs, not found or already closed. */
export async function handleReport(ownerId: number, input: HandleReportInput, now: Date): Promise<boolean> {
  const db = await engine();
  const at = now.getTime();
  const { changes } = await db.run(
    sql`UPDATE ${cardReports} SET ${bare(cardReports.status)} = ${input.decision}, ${bare(cardReports.reply)} = ${input.reply},
          ${bare(cardReports.handledAt)} = ${at}, ${bare(cardReports.handledBy)} = ${ownerId}, ${bare(cardReports.updatedAt)} = ${at}, ${bare(cardReports.seenAt)} = NULL
        WHERE ${cardReports.id} = ${input.reportId} AND ${cardReports.status} = 'open'
          AND EXISTS (SELECT 1 FROM ${cards} ${c} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId} WHERE ${c.id} = ${cardReports.cardId} AND ${d.ownerId} = ${ownerId})`,
  );
  return changes > 0;
}

const handledRow = z.object({ id: int, prompt: z.string(), status: z.enum(REPORT_DECISIONS), reply: z.string().nullable(), handledAt: int }) satisfies z.ZodType<HandledReport>;

/** The student's reports that were handled and that they have not dismissed yet. */
export async function handledReportsFor(userId: number): Promise<HandledReport[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${r.id} AS "id", ${c.prompt} AS "prompt", ${r.status} AS "status", ${r.reply} AS "reply", ${r.handledAt} AS "handledAt"
        FROM ${cardReports} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId}
        WHERE ${r.userId} = ${userId} AND ${r.status} <> 'open' AND ${r.seenAt} IS NULL
        ORDER BY ${r.handledAt} DESC, ${r.id} DESC
        LIMIT 20`,
    handledRow,
  );
}

/** The student has read the answer to their report; false when it is not theirs or not handled. */
export async function markReportSeen(userId: number, reportId: number, now: Date): Promise<boolean> {
  const db = await engine();
  const { changes } = await db.run(
    sql`UPDATE ${cardReports} SET ${bare(cardReports.seenAt)} = ${now.getTime()}
        WHERE ${cardReports.id} = ${reportId} AND ${cardReports.userId} = ${userId} AND ${cardReports.status} <> 'open' AND ${cardReports.seenAt} IS NULL`,
  );
  return changes > 0;
}

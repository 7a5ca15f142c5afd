/**
 * Students' reports on cards (issue 16 item 4). A student reports only a card they may study
 * (access.ts canStudyCard), and has at most one open report per card: reporting again updates it.
 * Who reads the reports and closes them (fixed or dismissed, with a short reply) is `answeredBy`:
 * the owner of the card's deck; on a shared deck (no owner: loaded from content/ for everyone), the
 * instructors of the reporting student, in any class they teach that the student is enrolled in.
 * The student then reads the answer once, on Today. On the engine (db/engine).
 */
import 'server-only';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { cardReports, cards, decks, enrollments, users } from '@/db/schema';
import { teachesClass } from './access-sql';
import { canStudyCard } from './access';
import { REPORT_DECISIONS, REPORT_REASONS, REPORT_SOURCES, type AuthorReport, type HandledReport, type ReportReader } from '@/lib/reports/reasons';
import type { HandleReportInput, ReportCardInput } from '@/lib/validation/reports';

const r = alias(cardReports, 'r');
const c = alias(cards, 'c');
const d = alias(decks, 'd');
const u = alias(users, 'u');
const h = alias(users, 'h');
const idRow = z.object({ id: int });

/**
 * True when `userId` answers a report filed by `reporter` on a card of deck `deck` (the decks table
 * or an alias): they own the deck, or the deck is shared and the reporter is enrolled in a class
 * they teach. A shared deck has no author in the app, so a report on it would otherwise reach no one.
 */
function answeredBy(userId: number, reporter: AnyColumn, deck: { ownerId: AnyColumn }): SQL {
  return sql`(${deck.ownerId} = ${userId} OR (${deck.ownerId} IS NULL AND ${reporter} IN (
    SELECT ${enrollments.userId} FROM ${enrollments} WHERE ${teachesClass(userId, enrollments.classId)})))`;
}

const readerRow = z.object({ owned: flag, inClass: flag });

/** Files (or updates) the student's open report on a card, and says who will read it; null when they may not study the card. */
export async function reportCard(userId: number, input: ReportCardInput, now: Date): Promise<{ id: number; updated: boolean; readBy: ReportReader } | null> {
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
    const reader = await tx.get(
      sql`SELECT (${d.ownerId} IS NOT NULL) AS "owned", EXISTS (SELECT 1 FROM ${enrollments} WHERE ${enrollments.userId} = ${userId}) AS "inClass"
          FROM ${cards} ${c} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId} WHERE ${c.id} = ${input.cardId}`,
      readerRow,
    );
    const readBy: ReportReader = reader?.owned ? 'author' : reader?.inClass ? 'instructors' : 'maintainers';
    return { id: written.id, updated: existing !== undefined, readBy };
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
  repliedBy: z.string().nullable(),
  updatedAt: int,
}) satisfies z.ZodType<AuthorReport>;

/** The reports on a deck that `userId` answers (answeredBy), open ones first; empty for anyone else. */
export async function reportsForDeck(userId: number, deckId: string, limit = 200): Promise<AuthorReport[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${r.id} AS "id", ${r.cardId} AS "cardId", ${c.itemId} AS "itemId", ${c.prompt} AS "prompt", ${u.name} AS "studentName",
          ${r.reason} AS "reason", ${r.note} AS "note", ${r.source} AS "source", ${r.status} AS "status", ${r.reply} AS "reply", ${h.name} AS "repliedBy", ${r.updatedAt} AS "updatedAt"
        FROM ${cardReports} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId} JOIN ${users} ${u} ON ${u.id} = ${r.userId}
          LEFT JOIN ${users} ${h} ON ${h.id} = ${r.handledBy}
        WHERE ${d.id} = ${deckId} AND ${answeredBy(userId, r.userId, d)}
        ORDER BY (CASE WHEN ${r.status} = 'open' THEN 0 ELSE 1 END), ${r.updatedAt} DESC, ${r.id} DESC
        LIMIT ${limit}`,
    authorRow,
  );
}

/** Open reports per deck, of those the instructor answers (answeredBy); decks without any are absent. */
export async function openReportCounts(userId: number): Promise<Map<string, number>> {
  const db = await engine();
  const rows = await db.all(
    sql`SELECT ${c.deckId} AS "deckId", count(*) AS "n"
        FROM ${cardReports} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId}
        WHERE ${answeredBy(userId, r.userId, d)} AND ${r.status} = 'open'
        GROUP BY ${c.deckId}`,
    z.object({ deckId: z.string(), n: int }),
  );
  return new Map(rows.map((row) => [row.deckId, row.n]));
}

/** Someone who answers the report (answeredBy) closes it; false when it is not theirs to answer, not found or already closed. */
export async function handleReport(userId: number, input: HandleReportInput, now: Date): Promise<boolean> {
  const db = await engine();
  const at = now.getTime();
  const { changes } = await db.run(
    sql`UPDATE ${cardReports} SET ${bare(cardReports.status)} = ${input.decision}, ${bare(cardReports.reply)} = ${input.reply},
          ${bare(cardReports.handledAt)} = ${at}, ${bare(cardReports.handledBy)} = ${userId}, ${bare(cardReports.updatedAt)} = ${at}, ${bare(cardReports.seenAt)} = NULL
        WHERE ${cardReports.id} = ${input.reportId} AND ${cardReports.status} = 'open'
          AND EXISTS (SELECT 1 FROM ${cards} ${c} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId} WHERE ${c.id} = ${cardReports.cardId} AND ${answeredBy(userId, cardReports.userId, d)})`,
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

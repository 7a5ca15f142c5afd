/**
 * Students' reports on cards (issue 16 item 4). A student reports only a card they may study
 * (access.ts canStudyCard), and has at most one open report per card: reporting again updates it.
 * Only the owner of the card's deck reads the reports and closes them (fixed or dismissed, with a
 * short reply); the student then reads the answer once, on Today.
 */
import 'server-only';
import { db } from '@/db';
// ENGINE-MERGE: await canStudyCard(…) from './access' (or canStudyCardIn(tx, …) inside a transaction) once this module is on the engine.
import { canStudyCardSync } from './access-legacy';
import { REPORT_DECISIONS, REPORT_REASONS, REPORT_SOURCES, type AuthorReport, type HandledReport } from '@/lib/reports/reasons';
import type { HandleReportInput, ReportCardInput } from '@/lib/validation/reports';

const openReport = db.$client.prepare<{ userId: number; cardId: number }, { id: number }>(
  "SELECT id FROM card_reports WHERE user_id = @userId AND card_id = @cardId AND status = 'open'",
);
const updateOpen = db.$client.prepare<{ id: number; reason: string; note: string | null; source: string; now: number }>(
  'UPDATE card_reports SET reason = @reason, note = @note, source = @source, updated_at = @now WHERE id = @id',
);
const insertReport = db.$client.prepare<{ userId: number; cardId: number; reason: string; note: string | null; source: string; now: number }>(
  `INSERT INTO card_reports (card_id, user_id, reason, note, source, status, created_at, updated_at)
   VALUES (@cardId, @userId, @reason, @note, @source, 'open', @now, @now)`,
);

// Read and write in one transaction, so two reports sent at once cannot both insert.
const upsertOpen = db.$client.transaction((userId: number, input: ReportCardInput, now: number): { id: number; updated: boolean } => {
  const params = { reason: input.reason, note: input.note, source: input.source, now };
  const existing = openReport.get({ userId, cardId: input.cardId });
  if (existing) {
    updateOpen.run({ id: existing.id, ...params });
    return { id: existing.id, updated: true };
  }
  return { id: Number(insertReport.run({ userId, cardId: input.cardId, ...params }).lastInsertRowid), updated: false };
});

/** Files (or updates) the student's open report on a card; null when they may not study the card. */
export function reportCard(userId: number, input: ReportCardInput, now: Date): { id: number; updated: boolean } | null {
  if (!canStudyCardSync(userId, input.cardId)) return null;
  return upsertOpen(userId, input, now.getTime());
}

interface AuthorRow extends Omit<AuthorReport, 'reason' | 'source' | 'status'> {
  reason: string;
  source: string;
  status: string;
}

const deckReports = db.$client.prepare<{ ownerId: number; deckId: string; limit: number }, AuthorRow>(`
  SELECT r.id, r.card_id AS cardId, c.item_id AS itemId, c.prompt, u.name AS studentName, r.reason, r.note, r.source,
         r.status, r.reply, r.updated_at AS updatedAt
  FROM card_reports r JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id JOIN users u ON u.id = r.user_id
  WHERE d.id = @deckId AND d.owner_id = @ownerId
  ORDER BY r.status = 'open' DESC, r.updated_at DESC, r.id DESC
  LIMIT @limit
`);

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new Error(`Unexpected ${what} in card_reports: ${value}`);
}

/** The reports on a deck, open ones first, for its owner only (empty for anyone else). */
export function reportsForDeck(ownerId: number, deckId: string, limit = 200): AuthorReport[] {
  return deckReports.all({ ownerId, deckId, limit }).map((r) => ({
    ...r,
    reason: oneOf(REPORT_REASONS, r.reason, 'reason'),
    source: oneOf(REPORT_SOURCES, r.source, 'source'),
    status: r.status === 'open' ? 'open' : oneOf(REPORT_DECISIONS, r.status, 'status'),
  }));
}

const openCounts = db.$client.prepare<{ ownerId: number }, { deckId: string; n: number }>(`
  SELECT c.deck_id AS deckId, count(*) AS n
  FROM card_reports r JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id
  WHERE d.owner_id = @ownerId AND r.status = 'open'
  GROUP BY c.deck_id
`);

/** Open reports per deck the instructor owns (decks without any are absent). */
export function openReportCounts(ownerId: number): Map<string, number> {
  return new Map(openCounts.all({ ownerId }).map((r) => [r.deckId, r.n]));
}

const closeStmt = db.$client.prepare<{ ownerId: number; reportId: number; status: string; reply: string | null; now: number }>(`
  UPDATE card_reports SET status = @status, reply = @reply, handled_at = @now, handled_by = @ownerId, updated_at = @now, seen_at = NULL
  WHERE id = @reportId AND status = 'open'
    AND EXISTS (SELECT 1 FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = card_reports.card_id AND d.owner_id = @ownerId)
`);

/** The deck owner closes an open report; false when it is not theirs, not found or already closed. */
export function handleReport(ownerId: number, input: HandleReportInput, now: Date): boolean {
  return closeStmt.run({ ownerId, reportId: input.reportId, status: input.decision, reply: input.reply, now: now.getTime() }).changes > 0;
}

const handledStmt = db.$client.prepare<{ userId: number }, Omit<HandledReport, 'status'> & { status: string }>(`
  SELECT r.id, c.prompt, r.status, r.reply, r.handled_at AS handledAt
  FROM card_reports r JOIN cards c ON c.id = r.card_id
  WHERE r.user_id = @userId AND r.status <> 'open' AND r.seen_at IS NULL
  ORDER BY r.handled_at DESC, r.id DESC
  LIMIT 20
`);

/** The student's reports that were handled and that they have not dismissed yet. */
export function handledReportsFor(userId: number): HandledReport[] {
  return handledStmt.all({ userId }).map((r) => ({ ...r, status: oneOf(REPORT_DECISIONS, r.status, 'status') }));
}

const seenStmt = db.$client.prepare<{ userId: number; reportId: number; now: number }>(
  "UPDATE card_reports SET seen_at = @now WHERE id = @reportId AND user_id = @userId AND status <> 'open' AND seen_at IS NULL",
);

/** The student has read the answer to their report; false when it is not theirs or not handled. */
export function markReportSeen(userId: number, reportId: number, now: Date): boolean {
  return seenStmt.run({ userId, reportId, now: now.getTime() }).changes > 0;
}

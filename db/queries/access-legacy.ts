/**
 * ENGINE-MERGE: transitional, deleted once every db/queries module is on the engine. The access
 * rules of access-sql.ts rendered as SQLite strings with @named parameters, and the deck and card
 * checks as synchronous better-sqlite3 statements, for the modules of other groups that still run
 * synchronous SQLite transactions. Rendered from the typed fragments, so the rule stays in one place.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { db } from '@/db';
import { decks } from '@/db/schema';
import { deckVisibleTo, teachesClass } from './access-sql';

const dialect = new SQLiteSyncDialect();

/** The fragment's text with each `?` replaced by the @name of its placeholder. */
function named(fragment: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  let i = 0;
  return text.replace(/\?/g, () => {
    const param = params[i++] as { name?: unknown } | undefined;
    if (typeof param?.name !== 'string') throw new Error('access-legacy: a fragment has a value that is not a placeholder');
    return `@${param.name}`;
  });
}

/** deckVisibleTo on a decks row aliased `d`, for the user bound as @userId. */
export const DECK_VISIBLE_SQL = named(deckVisibleTo(sql.placeholder('userId'), alias(decks, 'd')));

/** teachesClass on a class id expression, for the instructor bound as @instructorId (or @param). */
export function teachesClassSql(classIdExpr: string, param = 'instructorId'): string {
  return named(teachesClass(sql.placeholder(param), sql.raw(classIdExpr)));
}

const deckVisible = db.$client.prepare<{ userId: number; deckId: string }, { ok: number }>(
  `SELECT 1 AS ok FROM decks d WHERE d.id = @deckId AND ${DECK_VISIBLE_SQL}`,
);

export function canStudyDeckSync(userId: number, deckId: string): boolean {
  return deckVisible.get({ userId, deckId }) !== undefined;
}

const cardVisible = db.$client.prepare<{ userId: number; cardId: number }, { retired: number; studied: number }>(
  `SELECT c.retired_at IS NOT NULL AS retired,
          EXISTS (SELECT 1 FROM card_states s WHERE s.user_id = @userId AND s.card_id = c.id) AS studied
   FROM cards c JOIN decks d ON d.id = c.deck_id
   WHERE c.id = @cardId AND ${DECK_VISIBLE_SQL}`,
);

export function canStudyCardSync(userId: number, cardId: number): boolean {
  const row = cardVisible.get({ userId, cardId });
  return row !== undefined && (row.retired === 0 || row.studied === 1);
}

/**
 * Which decks and cards a user may study, as answers (the rules themselves are the fragments of
 * access-sql.ts). The `…In(q, …)` forms run inside a transaction the caller opened (on SQLite an
 * engine call from inside an open transaction would wait for that transaction to end).
 */
import 'server-only';
import { sql, type Placeholder } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { flag, int } from '@/db/engine/rows';
import type { Prepared, Queryable } from '@/db/engine/types';
import { cards, cardStates, decks } from '@/db/schema';
import { deckVisibleTo } from './access-sql';

const okRow = z.object({ ok: int });
const cardRow = z.object({ retired: flag, studied: flag });
const d = alias(decks, 'd');
const c = alias(cards, 'c');

const deckQuery = (userId: number | Placeholder, deckId: string | Placeholder) =>
  sql`SELECT 1 AS "ok" FROM ${decks} ${d} WHERE ${d.id} = ${deckId} AND ${deckVisibleTo(userId, d)}`;
const cardQuery = (userId: number | Placeholder, cardId: number | Placeholder) =>
  sql`SELECT (${c.retiredAt} IS NOT NULL) AS "retired",
        EXISTS (SELECT 1 FROM ${cardStates} WHERE ${cardStates.userId} = ${userId} AND ${cardStates.cardId} = ${c.id}) AS "studied"
      FROM ${cards} ${c} JOIN ${decks} ${d} ON ${d.id} = ${c.deckId}
      WHERE ${c.id} = ${cardId} AND ${deckVisibleTo(userId, d)}`;

// Prepared once (the card check is on the grade path), when the engine is first there.
let prepared: Promise<{
  deck: Prepared<{ userId: number; deckId: string }, z.infer<typeof okRow>>;
  card: Prepared<{ userId: number; cardId: number }, z.infer<typeof cardRow>>;
}> | undefined;
function statements() {
  prepared ??= engine().then((db) => ({
    deck: db.prepare<{ userId: number; deckId: string }, z.infer<typeof okRow>>(deckQuery(sql.placeholder('userId'), sql.placeholder('deckId')), okRow),
    card: db.prepare<{ userId: number; cardId: number }, z.infer<typeof cardRow>>(cardQuery(sql.placeholder('userId'), sql.placeholder('cardId')), cardRow),
  }));
  return prepared;
}

/** A card may be studied if its deck is visible; a retired card only if the user already has progress on it. */
function studiable(row: z.infer<typeof cardRow> | undefined): boolean {
  return row !== undefined && (!row.retired || row.studied);
}

export async function canStudyDeck(userId: number, deckId: string): Promise<boolean> {
  return (await (await statements()).deck.get({ userId, deckId })) !== undefined;
}

export async function canStudyCard(userId: number, cardId: number): Promise<boolean> {
  return studiable(await (await statements()).card.get({ userId, cardId }));
}

export async function canStudyDeckIn(q: Queryable, userId: number, deckId: string): Promise<boolean> {
  return (await q.get(deckQuery(userId, deckId), okRow)) !== undefined;
}

export async function canStudyCardIn(q: Queryable, userId: number, cardId: number): Promise<boolean> {
  return studiable(await q.get(cardQuery(userId, cardId), cardRow));
}

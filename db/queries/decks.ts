/**
 * Decks as one user sees them: which they may study and how many cards wait for them.
 * On the engine (db/engine).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { decks } from '@/db/schema';
import { deckVisibleTo } from './access-sql';
import type { SessionUser } from '@/lib/auth/session-user';

const visibleDeckRow = z.object({ id: z.string(), title: z.string(), author: z.string().nullable(), description: z.string() });
export type VisibleDeck = z.infer<typeof visibleDeckRow>;

/** The decks this user may study, in display order. Card counts come with the queue counts (queueCountsByDeck in study.ts): one pass over the cards. */
export async function visibleDecksForUser(user: SessionUser): Promise<VisibleDeck[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${decks.id} AS "id", ${decks.title} AS "title", ${decks.author} AS "author", ${decks.description} AS "description"
        FROM ${decks} WHERE ${deckVisibleTo(user.id)} ORDER BY ${decks.position}, ${decks.title}`,
    visibleDeckRow,
  );
}

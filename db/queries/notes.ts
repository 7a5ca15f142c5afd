/**
 * A deck's study notes, section by section, for a user allowed to study the deck. On the engine
 * (db/engine): typed SQL with column references, rows decoded, the same on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cards, decks, sections } from '@/db/schema';
import { deckVisibleTo } from './access-sql';

const deckRow = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  description: z.string(),
  context: z.string().nullable(),
});
const sectionRow = z.object({ key: z.string(), title: z.string(), notes: z.string(), cards: int });

export interface DeckNotes {
  deck: z.infer<typeof deckRow>;
  sections: z.infer<typeof sectionRow>[];
}

export async function deckNotesFor(userId: number, deckId: string): Promise<DeckNotes | null> {
  const db = await engine();
  const deck = await db.get(
    sql`SELECT ${decks.id} AS "id", ${decks.title} AS "title", ${decks.author} AS "author", ${decks.publisher} AS "publisher",
          ${decks.published} AS "published", ${decks.sourceUrl} AS "sourceUrl", ${decks.description} AS "description", ${decks.context} AS "context"
        FROM ${decks} WHERE ${decks.id} = ${deckId} AND ${deckVisibleTo(userId, decks)}`,
    deckRow,
  );
  if (!deck) return null;
  const rows = await db.all(
    sql`SELECT ${sections.key} AS "key", ${sections.title} AS "title", ${sections.notes} AS "notes",
          (SELECT count(*) FROM ${cards} WHERE ${cards.sectionId} = ${sections.id} AND ${cards.retiredAt} IS NULL) AS "cards"
        FROM ${sections} WHERE ${sections.deckId} = ${deckId} ORDER BY ${sections.position}`,
    sectionRow,
  );
  return { deck, sections: rows };
}

/**
 * Loads decks from content/ into the database: validates each deck, then hands it to writeDeck
 * (db/deck-writer.ts, on either engine), which upserts the deck, its sections and its cards by stable key in one
 * transaction. Running it twice changes nothing; a card whose item left the file is retired
 * (hidden from new study, progress kept), not deleted.
 */
import path from 'node:path';
import type { DeckMeta } from '@/lib/content/schema';
import { validateAllDecks } from '@/lib/content/validate';
import { DeckWriteError, writeDeck, type WriteReport } from './deck-writer';
import type { Engine } from './engine/types';

export type LoadReport = WriteReport;

/**
 * What a load did, as lines for a person: one summary line per deck, then one line per card it
 * retired, so whoever re-seeds a database with students in it sees which questions left study.
 */
export function describeLoad(reports: readonly LoadReport[]): string[] {
  return reports.flatMap((r) => [
    `Deck ${r.deckId}: ${r.inserted} new, ${r.updated} updated, ${r.retired} retired, ${r.unchanged} unchanged cards`,
    ...r.retiredKeys.map((key) => `  retired ${key} (students' history kept)`),
  ]);
}

export class ContentError extends Error {}

export function defaultSourceDir(): string {
  return process.env.CONTENT_SOURCE_DIR || path.resolve('..', 'shared', 'source');
}

type Validated = ReturnType<typeof validateAllDecks>;

/** Validates every deck under contentDir and loads them; throws ContentError listing problems. */
export function loadContentDir(db: Engine, contentDir: string, sourceDir = defaultSourceDir(), at = new Date()): Promise<LoadReport[]> {
  return loadValidatedDecks(db, contentDir, validateAllDecks(contentDir, { sourceDir }), at);
}

/** The loading half of loadContentDir, for decks validated already (validation takes seconds). */
export async function loadValidatedDecks(db: Engine, contentDir: string, results: Validated, at: Date): Promise<LoadReport[]> {
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    const lines = failed.flatMap((r) => r.errors.map((e) => `${path.relative(contentDir, r.dir)}/${e.file}: ${e.itemId ?? ''}: ${e.message}`));
    throw new ContentError(`Content has errors (run npm run content:check):\n${lines.join('\n')}`);
  }
  const reports: LoadReport[] = [];
  try {
    // Shared decks have no owner; their order among decks follows the folder order. One transaction per deck.
    for (const [position, r] of results.entries()) {
      reports.push(await writeDeck(db, { ...(r.deck as DeckMeta), context: r.deck?.context ?? null }, r.items ?? [], { ownerId: null, at, position }));
    }
  } catch (error) {
    if (error instanceof DeckWriteError) throw new ContentError(error.message);
    throw error;
  }
  return reports;
}

/**
 * Loads decks from content/ into the database: validates each deck, then upserts the deck,
 * its sections and its cards by stable key in one transaction. Running it twice changes nothing;
 * a card whose item left the file is retired (hidden from new study, progress kept), not deleted.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { itemsToCards, type CardDraft } from '@/lib/content/cards';
import type { DeckMeta } from '@/lib/content/schema';
import { validateAllDecks, type DeckValidation } from '@/lib/content/validate';
import type { Db } from './connection';
import { cards, decks, sections } from './schema';

export interface LoadReport {
  deckId: string;
  inserted: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export class ContentError extends Error {}

export function defaultSourceDir(): string {
  return process.env.CONTENT_SOURCE_DIR || path.resolve('..', 'shared', 'source');
}

function hashCard(card: CardDraft, sectionId: number, position: number): string {
  return createHash('sha256').update(JSON.stringify([card, sectionId, position])).digest('hex').slice(0, 32);
}

/** Validates every deck under contentDir and loads them; throws ContentError listing problems. */
export function loadContentDir(db: Db, contentDir: string, sourceDir = defaultSourceDir(), at = new Date()): LoadReport[] {
  const results = validateAllDecks(contentDir, { sourceDir });
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    const lines = failed.flatMap((r) => r.errors.map((e) => `${path.relative(contentDir, r.dir)}/${e.file}: ${e.itemId ?? ''}: ${e.message}`));
    throw new ContentError(`Content has errors (run npm run content:check):\n${lines.join('\n')}`);
  }
  return results.map((r, index) => loadDeck(db, r, index, at));
}

function loadDeck(db: Db, result: DeckValidation, deckPosition: number, at: Date): LoadReport {
  const deck = result.deck as DeckMeta;
  const drafts = itemsToCards(deck.id, result.items ?? []);
  const report: LoadReport = { deckId: deck.id, inserted: 0, updated: 0, retired: 0, unchanged: 0 };

  db.transaction((tx) => {
    const deckRow = {
      title: deck.title,
      author: deck.author,
      publisher: deck.publisher ?? null,
      published: deck.published ?? null,
      sourceUrl: deck.sourceUrl ?? null,
      description: deck.description,
      position: deckPosition,
    };
    tx.insert(decks)
      .values({ id: deck.id, ...deckRow })
      .onConflictDoUpdate({ target: decks.id, set: deckRow })
      .run();

    const sectionIds = new Map<string, number>();
    deck.sections.forEach((s, position) => {
      const row = tx
        .insert(sections)
        .values({ deckId: deck.id, key: s.id, title: s.title, notes: s.notes, position })
        .onConflictDoUpdate({ target: [sections.deckId, sections.key], set: { title: s.title, notes: s.notes, position } })
        .returning({ id: sections.id })
        .get();
      sectionIds.set(s.id, row.id);
    });

    const existing = new Map(
      tx
        .select({ key: cards.key, contentHash: cards.contentHash, retiredAt: cards.retiredAt })
        .from(cards)
        .where(eq(cards.deckId, deck.id))
        .all()
        .map((c) => [c.key, c]),
    );

    drafts.forEach((card, position) => {
      const sectionId = sectionIds.get(card.section);
      if (sectionId === undefined) throw new ContentError(`${card.key}: unknown section ${card.section}`);
      const contentHash = hashCard(card, sectionId, position);
      const before = existing.get(card.key);
      if (before && before.contentHash === contentHash && before.retiredAt === null) {
        report.unchanged++;
        return;
      }
      const values = {
        sectionId,
        itemId: card.itemId,
        type: card.type,
        position,
        prompt: card.prompt,
        answer: card.answer,
        payload: card.payload as unknown as Record<string, unknown>,
        explanation: card.explanation,
        evidenceQuote: card.evidenceQuote,
        evidenceRef: card.evidenceRef,
        tags: card.tags,
        skill: card.skill,
        contentHash,
        retiredAt: null,
        updatedAt: at,
      };
      tx.insert(cards)
        .values({ deckId: deck.id, key: card.key, ...values })
        .onConflictDoUpdate({ target: [cards.deckId, cards.key], set: values })
        .run();
      if (before) report.updated++;
      else report.inserted++;
    });

    const keys = drafts.map((c) => c.key);
    const retired = tx
      .update(cards)
      .set({ retiredAt: at, updatedAt: at })
      .where(and(eq(cards.deckId, deck.id), isNull(cards.retiredAt), keys.length ? notInArray(cards.key, keys) : sql`1`))
      .run();
    report.retired = retired.changes;
  });
  return report;
}

/**
 * Loading decks into PostgreSQL: db/deck-writer.ts `writeDeck` and db/seed.ts `loadContentDir`
 * for the pg schema, with the same rules (upsert by stable key, card ids kept across edits,
 * unchanged cards untouched, removed items retired) and the same content hashes.
 * Several app servers may start, and so load content/, at once: a transaction-scoped advisory
 * lock on the deck id makes their writes of one deck take turns.
 */
import path from 'node:path';
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { itemsToCards } from '@/lib/content/cards';
import type { DeckMeta, Item } from '@/lib/content/schema';
import { validateAllDecks } from '@/lib/content/validate';
import { DeckWriteError, hashCard, type DeckRecord, type WriteDeckOptions, type WriteReport } from '../deck-writer';
import { ContentError, defaultSourceDir, type LoadReport } from '../seed';
import { cards, decks, sections } from '../schema.pg';
import type { PgDb } from './connection';

/** Writes `items` as the complete content of `deck` in one transaction; see db/deck-writer.ts. */
export async function writeDeckPg(db: PgDb, deck: DeckRecord, items: readonly Item[], options: WriteDeckOptions): Promise<WriteReport> {
  const drafts = itemsToCards(deck.id, items);
  const report: WriteReport = { deckId: deck.id, inserted: 0, updated: 0, retired: 0, unchanged: 0, retiredKeys: [] };
  const { at, ownerId } = options;

  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`deck:${deck.id}`}))`);
    const [owner] = await tx.select({ ownerId: decks.ownerId }).from(decks).where(eq(decks.id, deck.id));
    if (owner && owner.ownerId !== ownerId) throw new DeckWriteError(`deck id ${deck.id} is already used by another deck`);

    const deckRow = {
      title: deck.title,
      author: deck.author,
      publisher: deck.publisher ?? null,
      published: deck.published ?? null,
      sourceUrl: deck.sourceUrl ?? null,
      description: deck.description,
      ...(deck.context === undefined ? {} : { context: deck.context }),
      ...(options.position === undefined ? {} : { position: options.position }),
    };
    await tx
      .insert(decks)
      .values({ id: deck.id, ownerId, ...deckRow })
      .onConflictDoUpdate({ target: decks.id, set: deckRow });

    const sectionIds = new Map<string, number>();
    for (const [position, s] of deck.sections.entries()) {
      const [row] = await tx
        .insert(sections)
        .values({ deckId: deck.id, key: s.id, title: s.title, notes: s.notes, position })
        .onConflictDoUpdate({ target: [sections.deckId, sections.key], set: { title: s.title, notes: s.notes, position } })
        .returning({ id: sections.id });
      sectionIds.set(s.id, row!.id);
    }

    const existing = new Map(
      (await tx.select({ key: cards.key, contentHash: cards.contentHash, retiredAt: cards.retiredAt }).from(cards).where(eq(cards.deckId, deck.id))).map(
        (c) => [c.key, c],
      ),
    );

    for (const [position, card] of drafts.entries()) {
      const sectionId = sectionIds.get(card.section);
      if (sectionId === undefined) throw new DeckWriteError(`${card.key}: unknown section ${card.section}`);
      const contentHash = hashCard(card, sectionId, position);
      const before = existing.get(card.key);
      if (before && before.contentHash === contentHash && before.retiredAt === null) {
        report.unchanged++;
        continue;
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
      await tx
        .insert(cards)
        .values({ deckId: deck.id, key: card.key, ...values })
        .onConflictDoUpdate({ target: [cards.deckId, cards.key], set: values });
      if (before) report.updated++;
      else report.inserted++;
    }

    const keys = drafts.map((c) => c.key);
    const toRetire = and(eq(cards.deckId, deck.id), isNull(cards.retiredAt), keys.length ? notInArray(cards.key, keys) : sql`true`);
    const retired = await tx.update(cards).set({ retiredAt: at, updatedAt: at }).where(toRetire).returning({ key: cards.key, position: cards.position, id: cards.id });
    report.retiredKeys = retired.sort((a, b) => a.position - b.position || a.id - b.id).map((c) => c.key);
    report.retired = retired.length;
  });
  return report;
}

type Validated = ReturnType<typeof validateAllDecks>;

/** db/seed.ts `loadContentDir` on PostgreSQL: validates every deck under contentDir, then loads them. */
export async function loadContentDirPg(db: PgDb, contentDir: string, sourceDir = defaultSourceDir(), at = new Date()): Promise<LoadReport[]> {
  return loadValidatedDecksPg(db, contentDir, validateAllDecks(contentDir, { sourceDir }), at);
}

/** The loading half of loadContentDirPg, for decks validated already (validation takes seconds). */
export async function loadValidatedDecksPg(db: PgDb, contentDir: string, results: Validated, at: Date): Promise<LoadReport[]> {
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    const lines = failed.flatMap((r) => r.errors.map((e) => `${path.relative(contentDir, r.dir)}/${e.file}: ${e.itemId ?? ''}: ${e.message}`));
    throw new ContentError(`Content has errors (run npm run content:check):\n${lines.join('\n')}`);
  }
  const reports: LoadReport[] = [];
  try {
    // Shared decks have no owner; their order among decks follows the folder order.
    for (const [position, r] of results.entries()) {
      reports.push(await writeDeckPg(db, { ...(r.deck as DeckMeta), context: r.deck?.context ?? null }, r.items ?? [], { ownerId: null, at, position }));
    }
  } catch (error) {
    if (error instanceof DeckWriteError) throw new ContentError(error.message);
    throw error;
  }
  return reports;
}

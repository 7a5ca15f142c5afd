// A deck in the content/ file format, as ONE YAML document: `deck:` holds what
// deck.yaml holds, `items:` the list an items/*.yaml file holds. Splitting it
// into those two files gives a folder that `npm run content:check` reads
// (content/README.md, "Exported decks"). Keys are written in the order the
// README shows them, so the file reads like a hand-written one.
import { Document } from 'yaml';
import type { DeckRecord } from './deck-record';
import { parseDeckMeta, type Item } from './schema';

function deckPart(deck: DeckRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: deck.id, title: deck.title };
  if (deck.author) out.author = deck.author;
  if (deck.publisher) out.publisher = deck.publisher;
  if (deck.published) out.published = deck.published;
  if (deck.sourceUrl) out.sourceUrl = deck.sourceUrl;
  out.description = deck.description;
  if (deck.context) out.context = deck.context;
  out.sections = deck.sections.map((s) => ({ id: s.id, title: s.title, notes: s.notes }));
  return out;
}

function itemPart(item: Item): Record<string, unknown> {
  const head = { id: item.id, type: item.type, section: item.section, tags: item.tags, skill: item.skill };
  const tail = { ...(item.explanation === undefined ? {} : { explanation: item.explanation }), evidence: item.evidence };
  switch (item.type) {
    case 'basic':
      return { ...head, front: item.front, back: item.back, ...tail };
    case 'cloze':
      return { ...head, text: item.text, ...tail };
    case 'mcq':
      return { ...head, question: item.question, options: item.options, ...tail };
    case 'truefalse':
      return { ...head, statement: item.statement, answer: item.answer, ...tail };
    case 'typed':
      return { ...head, question: item.question, answers: item.answers, ...(item.examples ? { examples: item.examples } : {}), ...tail };
    case 'ordering':
      return { ...head, prompt: item.prompt, steps: item.steps, ...tail };
  }
}

/** What the deck part still lacks for content:check, e.g. `published: is required`. */
export function deckMetaGaps(deck: DeckRecord): string[] {
  const parsed = parseDeckMeta(deckPart(deck));
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./, '')}: ${i.message}`);
}

/**
 * @param exportedAt shown in the header comment (YYYY-MM-DD)
 */
export function deckToYaml(deck: DeckRecord, items: readonly Item[], exportedAt: Date): string {
  const doc = new Document({ deck: deckPart(deck), items: items.map(itemPart) });
  const gaps = deckMetaGaps(deck);
  doc.commentBefore = [
    ` Deck "${deck.id}" exported ${exportedAt.toISOString().slice(0, 10)}.`,
    ' To use it as a content/ folder: put the `deck:` part in deck.yaml and the `items:` list',
    ' in items/01-items.yaml (see content/README.md, "Exported decks").',
    ...(gaps.length ? [' Before npm run content:check passes, fill in:', ...gaps.map((g) => `   deck.${g}`)] : []),
  ].join('\n');
  return doc.toString({ lineWidth: 100 });
}

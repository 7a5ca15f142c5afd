// Rebuilds an authored Item from the card rows it was expanded into.
// The database keeps cards, not items (db/schema.ts has no items table), so
// the deck editor and the YAML export read items back through this function.
// It is the inverse of itemToCards (cards.ts): itemsToCards → cardsToItem
// gives back the same item, which tests/unit/content/reconstruct.test.ts checks
// on every item of the real deck.
import type { CardPayload } from './cards';
import type { Evidence, Item, ItemType, Skill } from './schema';

/** The columns of a card row that carry item content (a CardDraft has them all). */
export interface StoredCard {
  itemId: string;
  type: ItemType;
  /** Section key (the slug), not the numeric sections.id. */
  section: string;
  payload: CardPayload;
  explanation: string | null;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  tags: readonly string[];
  skill: Skill;
}

export class ReconstructError extends Error {}

function evidenceOf(card: StoredCard): Evidence {
  const evidence: Evidence = {};
  if (card.evidenceQuote !== null) evidence.quote = card.evidenceQuote;
  if (card.evidenceRef !== null) evidence.paragraph = card.evidenceRef;
  return evidence;
}

/** Leaves the key out (rather than undefined) so results deep-equal parsed YAML. */
function optionalExplanation(card: StoredCard): { explanation?: string } {
  return card.explanation === null ? {} : { explanation: card.explanation };
}

function requiredExplanation(card: StoredCard): string {
  if (card.explanation === null) throw new ReconstructError(`${card.itemId}: a ${card.type} card has no explanation`);
  return card.explanation;
}

/**
 * @param cards every live card of one item (one card, or one per cloze number)
 * @example cardsToItem(itemToCards('deck', item)) // deep-equals item
 */
export function cardsToItem(cards: readonly StoredCard[]): Item {
  const first = cards[0];
  if (!first) throw new ReconstructError('no cards to rebuild an item from');
  const stray = cards.find((c) => c.itemId !== first.itemId || c.type !== first.type);
  if (stray) throw new ReconstructError(`cards of ${first.itemId} and ${stray.itemId} cannot form one item`);

  const base = { id: first.itemId, section: first.section, tags: [...first.tags], skill: first.skill, evidence: evidenceOf(first) };
  const payload = first.payload;
  if (payload.type !== first.type) throw new ReconstructError(`${first.itemId}: payload type ${payload.type} does not match ${first.type}`);
  switch (payload.type) {
    case 'basic':
      return { ...base, type: 'basic', front: payload.front, back: payload.back, ...optionalExplanation(first) };
    case 'cloze':
      // Every cloze card carries the whole source text, so any one of them is enough.
      return { ...base, type: 'cloze', text: payload.text, ...optionalExplanation(first) };
    case 'mcq':
      return {
        ...base,
        type: 'mcq',
        question: payload.question,
        options: payload.options.map((o) => ({ text: o.text, correct: o.correct, explanation: o.explanation })),
        ...optionalExplanation(first),
      };
    case 'truefalse':
      return { ...base, type: 'truefalse', statement: payload.statement, answer: payload.answer, explanation: requiredExplanation(first) };
    case 'typed':
      return {
        ...base,
        type: 'typed',
        question: payload.question,
        answers: [...payload.answers],
        ...(payload.examples ? { examples: payload.examples } : {}),
        explanation: requiredExplanation(first),
      };
    case 'ordering':
      return { ...base, type: 'ordering', prompt: payload.prompt, steps: [...payload.steps], explanation: requiredExplanation(first) };
  }
}

/** Groups cards by item (keeping the order items first appear in) and rebuilds each. */
export function cardsToItems(cards: readonly StoredCard[]): Item[] {
  const byItem = new Map<string, StoredCard[]>();
  for (const card of cards) {
    const list = byItem.get(card.itemId);
    if (list) list.push(card);
    else byItem.set(card.itemId, [card]);
  }
  return [...byItem.values()].map(cardsToItem);
}

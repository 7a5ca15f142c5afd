import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemToCards, itemsToCards } from '@/lib/content/cards';
import { cardsToItem, cardsToItems, ReconstructError } from '@/lib/content/reconstruct';
import { ItemSchema, ITEM_TYPES } from '@/lib/content/schema';
import { validateDeckDir } from '@/lib/content/validate';

const realDeck = validateDeckDir(path.resolve('content/war-for-peace'));
const items = realDeck.items ?? [];

describe('cardsToItem on the real deck', () => {
  it('has items of every type to round-trip', () => {
    expect(items.length).toBeGreaterThan(50);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(ITEM_TYPES));
  });

  it.each(items.map((item) => [item.id, item] as const))('%s survives itemToCards → cardsToItem', (_id, item) => {
    const cards = itemToCards('war-for-peace', item);
    expect(cardsToItem(cards)).toStrictEqual(item);
  });

  it('keeps a typed item’s example answers through its card', () => {
    const typed = items.find((i) => i.type === 'typed');
    const withExamples = { ...typed!, examples: { accept: ['President Tokayev'], reject: ['Nazarbayev'] } } as typeof typed & object;
    expect(cardsToItem(itemToCards('war-for-peace', withExamples))).toStrictEqual(withExamples);
  });

  it('regroups a whole deck of cards into the same items in the same order', () => {
    expect(cardsToItems(itemsToCards('war-for-peace', items))).toStrictEqual(items);
  });

  it('rebuilds a cloze item from any one of its cards (a retired number leaves the others)', () => {
    const cloze = items.find((i) => i.type === 'cloze' && itemToCards('d', i).length > 1);
    expect(cloze).toBeDefined();
    const cards = itemToCards('d', cloze!);
    expect(cardsToItem(cards.slice(1))).toStrictEqual(cloze);
  });
});

describe('cardsToItem rejects what cannot be one item', () => {
  const a = ItemSchema.parse({ id: 'a', type: 'basic', section: 's', front: 'F', back: 'B', evidence: { paragraph: '¶1' } });
  const b = ItemSchema.parse({ id: 'b', type: 'basic', section: 's', front: 'F', back: 'B', evidence: { paragraph: '¶1' } });

  it('throws on no cards', () => {
    expect(() => cardsToItem([])).toThrow(ReconstructError);
  });

  it('throws on cards of two items', () => {
    expect(() => cardsToItem([...itemToCards('d', a), ...itemToCards('d', b)])).toThrow(/cannot form one item/);
  });

  it('throws when a quiz card lost its required explanation', () => {
    const tf = ItemSchema.parse({ id: 't', type: 'truefalse', section: 's', statement: 'S', answer: true, explanation: 'E', evidence: { paragraph: '¶1' } });
    const [card] = itemToCards('d', tf);
    expect(() => cardsToItem([{ ...card!, explanation: null }])).toThrow(/no explanation/);
  });

  it('keeps an absent optional explanation absent (not undefined)', () => {
    expect(Object.keys(cardsToItem(itemToCards('d', a)))).not.toContain('explanation');
  });
});

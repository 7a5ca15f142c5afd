/**
 * Writes synthetic decks as ordinary content folders (deck.yaml + items/*.yaml), so the benchmark
 * seed loads them through the same writer as real content (db/seed.ts loadContentDir).
 * Card types are mixed like the real deck, with realistic text lengths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Rng } from './rng';

const WORDS = (
  'treaty alliance deployment mandate sovereignty ministry council region border conflict settlement mission ' +
  'forces security envoy ceasefire observers troops capital province delegation agreement parliament reform ' +
  'influence strategy doctrine economy pipeline sanctions summit coalition referendum statute governor army ' +
  'republic militia accord protocol dispute frontier garrison negotiation charter embassy policy minister ' +
  'analysis evidence history principle consent impartiality legitimacy intervention stability recognition'
).split(' ');

function words(rng: Rng, min: number, max: number): string {
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(WORDS));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Item = Record<string, unknown>;

function makeItem(rng: Rng, id: string, section: string): { item: Item; cards: number } {
  const evidence = { paragraph: `${section}, ¶${rng.int(1, 9)}` };
  const roll = rng.next();
  if (roll < 0.4) {
    return { item: { id, type: 'basic', section, front: `${words(rng, 8, 16)}?`, back: words(rng, 2, 8), evidence }, cards: 1 };
  }
  if (roll < 0.6) {
    const deletions = rng.chance(0.3) ? 2 : 1;
    const parts = [words(rng, 4, 8), `{{c1::${rng.pick(WORDS)}}}`, words(rng, 3, 8).toLowerCase()];
    if (deletions === 2) parts.push(`{{c2::${rng.pick(WORDS)}::hint}}`, words(rng, 2, 5).toLowerCase());
    return { item: { id, type: 'cloze', section, text: `${parts.join(' ')}.`, evidence }, cards: deletions };
  }
  if (roll < 0.85) {
    const n = rng.int(3, 5);
    const correct = rng.int(0, n - 1);
    const options = Array.from({ length: n }, (_, i) => ({
      text: `${words(rng, 2, 6)} (${i + 1})`,
      ...(i === correct ? { correct: true } : {}),
      explanation: words(rng, 8, 18),
    }));
    return { item: { id, type: 'mcq', section, skill: 'understanding', question: `${words(rng, 8, 16)}?`, options, evidence }, cards: 1 };
  }
  return {
    item: { id, type: 'truefalse', section, statement: `${words(rng, 8, 18)}.`, answer: rng.chance(0.5), explanation: words(rng, 10, 24), evidence },
    cards: 1,
  };
}

export interface GeneratedDeck {
  id: string;
  cards: number;
}

/** Writes one deck folder under `contentDir` with about `targetCards` cards in `sectionCount` sections. */
export function writeDeck(contentDir: string, rng: Rng, id: string, title: string, targetCards: number, sectionCount = 6): GeneratedDeck {
  const dir = path.join(contentDir, id);
  mkdirSync(path.join(dir, 'items'), { recursive: true });
  const sections = Array.from({ length: sectionCount }, (_, i) => ({
    id: `part-${i + 1}`,
    title: `Part ${i + 1}: ${words(rng, 2, 5)}`,
    notes: [words(rng, 40, 80), words(rng, 40, 80), words(rng, 20, 40)].map((p) => `${p}.`).join('\n\n'),
  }));
  const deck = {
    id,
    title,
    author: 'Bench Author',
    published: '2024-01-15',
    sourceUrl: `https://example.org/readings/${id}`,
    description: `${words(rng, 30, 60)}.`,
    sections,
  };
  writeFileSync(path.join(dir, 'deck.yaml'), stringify(deck));
  const perSection = Math.ceil(targetCards / sectionCount);
  let total = 0;
  let n = 0;
  sections.forEach((s, si) => {
    const items: Item[] = [];
    let inSection = 0;
    while (inSection < perSection && total < targetCards) {
      n += 1;
      const { item, cards } = makeItem(rng, `item-${String(n).padStart(5, '0')}`, s.id);
      items.push(item);
      inSection += cards;
      total += cards;
    }
    writeFileSync(path.join(dir, 'items', `${String(si + 1).padStart(2, '0')}-${s.id}.yaml`), stringify(items));
  });
  return { id, cards: total };
}

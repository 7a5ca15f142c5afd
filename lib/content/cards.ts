// Expands deck items into study cards. An item is what an author writes; a
// card is what gets scheduled. Every type yields one card except cloze, which
// yields one card per distinct deletion number. Card keys are derived from the
// item id only, so they stay stable as long as the author keeps the id.
import { clozeNumbers, renderCloze, type ClozePart } from './cloze';
import type { Item, ItemType, Skill, TypedExamples } from './schema';

export type CardPayload =
  | { type: 'basic'; front: string; back: string }
  | { type: 'cloze'; n: number; text: string; front: string; back: string; answers: string[]; parts: ClozePart[] }
  | { type: 'mcq'; question: string; options: { text: string; correct: boolean; explanation: string }[] }
  | { type: 'truefalse'; statement: string; answer: boolean }
  | { type: 'typed'; question: string; answers: string[]; examples?: TypedExamples }
  | { type: 'ordering'; prompt: string; steps: string[] };

export interface CardDraft {
  /** `${itemId}` or, for cloze, `${itemId}::c${n}`; the stable identity of the card. */
  key: string;
  itemId: string;
  deckId: string;
  section: string;
  type: ItemType;
  /** Cloze deletion number n for cloze cards, 0 for single-card items. */
  ordinal: number;
  /** Plain-text renderings for search, CSV export and simple display. */
  prompt: string;
  answer: string;
  /** Everything a renderer/grader needs for this type. */
  payload: CardPayload;
  explanation: string | null;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  tags: string[];
  skill: Skill;
}

export function cardKey(itemId: string, clozeN?: number): string {
  return clozeN === undefined ? itemId : `${itemId}::c${clozeN}`;
}

type Rendered = Pick<CardDraft, 'prompt' | 'answer' | 'payload'>;

function renderSingle(item: Exclude<Item, { type: 'cloze' }>): Rendered {
  switch (item.type) {
    case 'basic':
      return { prompt: item.front, answer: item.back, payload: { type: 'basic', front: item.front, back: item.back } };
    case 'mcq': {
      const options = item.options.map((o) => ({ text: o.text, correct: o.correct, explanation: o.explanation }));
      const correct = options.find((o) => o.correct);
      return { prompt: item.question, answer: correct?.text ?? '', payload: { type: 'mcq', question: item.question, options } };
    }
    case 'truefalse':
      return {
        prompt: item.statement,
        answer: item.answer ? 'True' : 'False',
        payload: { type: 'truefalse', statement: item.statement, answer: item.answer },
      };
    case 'typed':
      return {
        prompt: item.question,
        answer: item.answers[0] ?? '',
        // The author's example answers travel with the card, so a deck kept in the database keeps them.
        payload: { type: 'typed', question: item.question, answers: [...item.answers], ...(item.examples ? { examples: item.examples } : {}) },
      };
    case 'ordering':
      return {
        prompt: item.prompt,
        answer: item.steps.join(' → '),
        payload: { type: 'ordering', prompt: item.prompt, steps: [...item.steps] },
      };
  }
}

export function itemToCards(deckId: string, item: Item): CardDraft[] {
  const common = {
    itemId: item.id,
    deckId,
    section: item.section,
    type: item.type,
    explanation: item.explanation ?? null,
    evidenceQuote: item.evidence.quote ?? null,
    evidenceRef: item.evidence.paragraph ?? null,
    tags: [...item.tags],
    skill: item.skill,
  };
  if (item.type !== 'cloze') {
    return [{ key: cardKey(item.id), ordinal: 0, ...common, ...renderSingle(item) }];
  }
  return clozeNumbers(item.text).map((n) => {
    const r = renderCloze(item.text, n);
    return {
      key: cardKey(item.id, n),
      ordinal: n,
      ...common,
      prompt: r.front,
      answer: r.back,
      payload: { type: 'cloze', n, text: item.text, front: r.front, back: r.back, answers: r.answers, parts: r.parts },
    };
  });
}

export function itemsToCards(deckId: string, items: readonly Item[]): CardDraft[] {
  return items.flatMap((item) => itemToCards(deckId, item));
}

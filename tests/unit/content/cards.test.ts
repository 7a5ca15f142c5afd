import { describe, it, expect } from 'vitest';
import { itemToCards } from '@/lib/content/cards';
import { ItemSchema, type Item } from '@/lib/content/schema';

const item = (data: Record<string, unknown>): Item =>
  ItemSchema.parse({ section: 'intro', evidence: { quote: 'a quote', paragraph: '¶1' }, ...data });

describe('itemToCards', () => {
  it('makes one card for a basic item', () => {
    const [card, ...rest] = itemToCards('deck', item({ id: 'b1', type: 'basic', front: 'F', back: 'B', tags: ['t'] }));
    expect(rest).toEqual([]);
    expect(card).toEqual({
      key: 'b1',
      itemId: 'b1',
      deckId: 'deck',
      section: 'intro',
      type: 'basic',
      ordinal: 0,
      prompt: 'F',
      answer: 'B',
      payload: { type: 'basic', front: 'F', back: 'B' },
      explanation: null,
      evidenceQuote: 'a quote',
      evidenceRef: '¶1',
      tags: ['t'],
      skill: 'recall',
    });
  });

  it('makes one card per cloze number', () => {
    const cards = itemToCards('deck', item({ id: 'c1', type: 'cloze', text: '{{c2::A}} and {{c1::B::hint}} and {{c2::C}}' }));
    expect(cards.map((c) => [c.key, c.ordinal, c.prompt, c.answer])).toEqual([
      ['c1::c1', 1, 'A and [hint] and C', 'A and B and C'],
      ['c1::c2', 2, '[...] and B and [...]', 'A and B and C'],
    ]);
    expect(cards[1]?.payload).toMatchObject({ type: 'cloze', n: 2, answers: ['A', 'C'] });
  });

  it('renders quiz types as plain text and keeps grading data in the payload', () => {
    const options = [
      { text: 'Yes', correct: true, explanation: 'e1' },
      { text: 'No', explanation: 'e2' },
      { text: 'Maybe', explanation: 'e3' },
    ];
    const [mcq] = itemToCards('d', item({ id: 'm', type: 'mcq', question: 'Q?', options, skill: 'understanding' }));
    expect(mcq).toMatchObject({ prompt: 'Q?', answer: 'Yes', skill: 'understanding' });
    expect(mcq?.payload).toEqual({
      type: 'mcq',
      question: 'Q?',
      options: [
        { text: 'Yes', correct: true, explanation: 'e1' },
        { text: 'No', correct: false, explanation: 'e2' },
        { text: 'Maybe', correct: false, explanation: 'e3' },
      ],
    });

    const [tf] = itemToCards('d', item({ id: 't', type: 'truefalse', statement: 'S', answer: false, explanation: 'E' }));
    expect(tf).toMatchObject({ prompt: 'S', answer: 'False', explanation: 'E', payload: { answer: false } });

    const [typed] = itemToCards('d', item({ id: 'y', type: 'typed', question: 'Q', answers: ['CSTO', 'the CSTO'], explanation: 'E' }));
    expect(typed).toMatchObject({ answer: 'CSTO', payload: { answers: ['CSTO', 'the CSTO'] } });

    const [ord] = itemToCards('d', item({ id: 'o', type: 'ordering', prompt: 'P', steps: ['a', 'b', 'c'], explanation: 'E' }));
    expect(ord).toMatchObject({ key: 'o', answer: 'a → b → c', payload: { steps: ['a', 'b', 'c'] } });
  });
});

import { describe, expect, it } from 'vitest';
import { gradedMessage, sessionSummary } from '@/lib/review/summary';
import { plural, pluralWord } from '@/lib/text/plural';

describe('plural', () => {
  it.each([
    [0, 'card', '0 cards'],
    [1, 'card', '1 card'],
    [2, 'card', '2 cards'],
    [2500, 'review', '2,500 reviews'],
    [1.5, 'day', '1.5 days'],
  ])('%d %s → %s', (n, word, expected) => {
    expect(plural(n, word)).toBe(expected);
  });
  it('takes an irregular plural', () => {
    expect(plural(3, 'child', 'children')).toBe('3 children');
    expect(pluralWord(1, 'child', 'children')).toBe('child');
  });
});

describe('sessionSummary', () => {
  it.each([
    [{ reviewed: 1, again: 0, cardIds: [1] }, 'You reviewed 1 card in this session.'],
    [{ reviewed: 2, again: 1, cardIds: [1] }, 'You reviewed 1 card (2 reviews) in this session. 1 review graded Again.'],
    [{ reviewed: 3, again: 0, cardIds: [1, 2, 3] }, 'You reviewed 3 cards in this session.'],
    [{ reviewed: 5, again: 2, cardIds: [1, 2, 3] }, 'You reviewed 3 cards (5 reviews) in this session. 2 reviews graded Again.'],
    [{ reviewed: 0, again: 0, cardIds: [] }, 'You reviewed 0 cards in this session.'],
  ])('%j', (session, expected) => {
    expect(sessionSummary(session)).toBe(expected);
  });
  it('announces the cards left with the right plural', () => {
    expect(gradedMessage('Good', 1)).toBe('Graded Good. 1 card left.');
    expect(gradedMessage('Again', 0)).toBe('Graded Again. 0 cards left.');
  });
});

/** Mastery on /progress: sections listed for a couple of decks, else only for the deck asked for. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MasteryBars, OPEN_SECTIONS_UP_TO } from '@/components/progress/mastery-bars';
import type { DeckMastery } from '@/db/queries/progress-cards';

const counts = { mastered: 1, learning: 1, new: 1, suspended: 0, total: 3 };
const deck = (id: string): DeckMastery =>
  ({
    id,
    title: `Deck ${id}`,
    counts,
    sections: [
      { key: `${id}-a`, title: `Part A of ${id}`, counts },
      { key: `${id}-b`, title: `Part B of ${id}`, counts },
    ],
  }) as DeckMastery;

const render = (decks: DeckMastery[], expanded: string | null = null) => renderToStaticMarkup(createElement(MasteryBars, { decks, expanded }));

describe('MasteryBars', () => {
  it(`lists every deck's sections for up to ${OPEN_SECTIONS_UP_TO} decks, with no toggle`, () => {
    const html = render([deck('x'), deck('y')]);
    expect(html).toContain('Part A of x');
    expect(html).toContain('Part B of y');
    expect(html).not.toContain('By section');
  });

  it('with more decks, lists only the sections of the deck asked for, and links the others', () => {
    const html = render([deck('x'), deck('y'), deck('z')], 'y');
    expect(html).toContain('Part A of y');
    expect(html).not.toContain('Part A of x');
    expect(html).not.toContain('Part A of z');
    expect(html).toContain('href="/progress?sections=x#mastery-x"');
    expect(html).toContain('href="/progress#mastery-y"');
    expect(html.match(/By section \(2\)/g)).toHaveLength(2);
  });
});

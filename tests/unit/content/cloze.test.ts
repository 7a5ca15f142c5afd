import { describe, it, expect } from 'vitest';
import { clozeNumbers, clozeProblems, parseCloze, renderCloze } from '@/lib/content/cloze';

describe('cloze', () => {
  const text = 'The {{c1::CSTO}} deployed to {{c2::Kazakhstan::country}} in {{c1::2022}}.';

  it('lists distinct deletion numbers in order', () => {
    expect(clozeNumbers('{{c3::a}} {{c1::b}} {{c3::c}}')).toEqual([1, 3]);
    expect(clozeNumbers(text)).toEqual([1, 2]);
    expect(clozeNumbers('no deletions')).toEqual([]);
  });

  it('parses answers and hints', () => {
    expect(parseCloze(text).map(({ n, answer, hint }) => ({ n, answer, hint }))).toEqual([
      { n: 1, answer: 'CSTO', hint: null },
      { n: 2, answer: 'Kazakhstan', hint: 'country' },
      { n: 1, answer: '2022', hint: null },
    ]);
  });

  it('hides every deletion with the same number together', () => {
    const r = renderCloze(text, 1);
    expect(r.front).toBe('The [...] deployed to Kazakhstan in [...].');
    expect(r.back).toBe('The CSTO deployed to Kazakhstan in 2022.');
    expect(r.answers).toEqual(['CSTO', '2022']);
  });

  it('shows the hint in place of the answer', () => {
    const r = renderCloze(text, 2);
    expect(r.front).toBe('The CSTO deployed to [country] in 2022.');
    expect(r.answers).toEqual(['Kazakhstan']);
    expect(r.parts.filter((p) => p.target)).toEqual([{ text: 'Kazakhstan', target: true, hint: 'country' }]);
  });

  it('reports problems', () => {
    expect(clozeProblems(text)).toEqual([]);
    expect(clozeProblems('nothing hidden')[0]).toMatch(/at least one deletion/);
    expect(clozeProblems('{{c0::x}}').join()).toMatch(/start at c1/);
    expect(clozeProblems('{{c1::}}').join()).toMatch(/no answer/);
    expect(clozeProblems('{{c1::ok}} and {{c2:typo}}').join()).toMatch(/malformed cloze deletion/);
  });
});

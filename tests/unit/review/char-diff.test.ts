import { describe, expect, it } from 'vitest';
import { charDiff } from '@/lib/review/char-diff';

describe('charDiff', () => {
  it.each([
    ['Tokaev', 'Tokayev', [{ kind: 'same', text: 'Toka', expected: 'Toka' }, { kind: 'missing', text: 'y' }, { kind: 'same', text: 'ev', expected: 'ev' }]],
    ['NATO Charter', 'UN Charter', [{ kind: 'missing', text: 'U' }, { kind: 'same', text: 'N', expected: 'N' }, { kind: 'extra', text: 'ATO' }, { kind: 'same', text: ' Charter', expected: ' Charter' }]],
    ['csto', 'CSTO', [{ kind: 'same', text: 'csto', expected: 'CSTO' }]],
    ['', 'Putin', [{ kind: 'missing', text: 'Putin' }]],
    ['Putin', '', [{ kind: 'extra', text: 'Putin' }]],
  ] as const)('%s against %s', (given, expected, parts) => {
    expect(charDiff(given, expected)).toEqual(parts);
  });

  it('rebuilds both strings from its parts', () => {
    const parts = charDiff('Unbrekable Brotherhod drills', 'Unbreakable Brotherhood');
    expect(parts.filter((p) => p.kind !== 'missing').map((p) => p.text).join('')).toBe('Unbrekable Brotherhod drills');
    expect(parts.map((p) => (p.kind === 'same' ? p.expected : p.kind === 'missing' ? p.text : '')).join('')).toBe('Unbreakable Brotherhood');
  });
});

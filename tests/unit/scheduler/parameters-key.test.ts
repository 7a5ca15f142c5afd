import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { parametersKey } from '@/lib/scheduler';

describe('parametersKey', () => {
  const w = [...default_w];
  const changed = w.map((x, i) => (i === 20 ? x + 1e-6 : x));
  it.each([
    ['no weights', undefined, 'default'],
    ['null', null, 'default'],
    ['an empty list', [], 'default'],
  ])('%s are the defaults', (_label, weights, key) => {
    expect(parametersKey(weights)).toBe(key);
  });
  it('is a short fingerprint, the same for the same weights and different when one weight moves', () => {
    expect(parametersKey(w)).toMatch(/^[0-9a-f]{8}$/);
    expect(parametersKey([...w])).toBe(parametersKey(w));
    expect(parametersKey(changed)).not.toBe(parametersKey(w));
  });
});

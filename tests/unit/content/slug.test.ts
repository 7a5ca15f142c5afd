import { describe, expect, it } from 'vitest';
import { SLUG_RE } from '@/lib/content/schema';
import { newSlugId, randomSuffix, slugify } from '@/lib/content/slug';

describe('slugify', () => {
  it('keeps the first words as lower-case ASCII', () => {
    expect(slugify('War for Peace: Moscow’s "Peacekeeping" Operations', 4)).toBe('war-for-peace-moscows');
    expect(slugify('Café Déjà-vu')).toBe('cafe-deja-vu');
  });

  it('returns empty text when nothing usable is left', () => {
    expect(slugify('Война и мир')).toBe('');
  });
});

describe('newSlugId', () => {
  it('adds a random suffix and always matches SLUG_RE', () => {
    for (const text of ['Who chaired the CSTO?', '???', '  ', 'Война']) {
      const id = newSlugId(text, 'item');
      expect(id).toMatch(SLUG_RE);
      expect(id).toMatch(/-[a-z0-9]{5}$/);
    }
    expect(newSlugId('Война', 'deck')).toMatch(/^deck-/);
  });

  it('does not repeat itself', () => {
    expect(new Set(Array.from({ length: 200 }, () => randomSuffix())).size).toBe(200);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { createQuoteMatcher, normaliseForMatch, quoteOccursIn } from '@/lib/content/source-text';

// The article lives outside the repo (same place content:check looks).
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const articlePath = path.join(process.env.CONTENT_SOURCE_DIR ?? path.join(repoRoot, '..', 'shared', 'source'), 'war-for-peace.txt');
const hasArticle = existsSync(articlePath);
const article = hasArticle ? readFileSync(articlePath, 'utf8') : '';

describe('normaliseForMatch', () => {
  it('strips markdown link noise, emphasis and escapes', () => {
    expect(normaliseForMatch('**peacekeeping operations** (<https://peacekeeping.un.org/x>) are')).toBe(
      'peacekeeping operations are',
    );
    expect(normaliseForMatch('the [Collective Security Treaty Organization \\(CSTO\\) \\(https://en.odkb-csto.org/\\)](https://en.odkb-csto.org/), a')).toBe(
      'the collective security treaty organization (csto), a',
    );
    expect(normaliseForMatch('[improve \\(https://a.org/wg/tradoc-](https://a.org/wg/tradoc-)\n\n[g2/fmso/m/1?p=3](https://a.org/wg/tradoc-g2/fmso/m/1?p=3) Russia')).toBe(
      'improve russia',
    );
  });

  it('maps curly quotes and dashes, collapses whitespace', () => {
    expect(normaliseForMatch('“It’s”  *mirotvorets*—literally\n\n“peacemaker”')).toBe(`"it's" mirotvorets-literally "peacemaker"`);
    expect(normaliseForMatch('mirotvorets — literally')).toBe('mirotvorets-literally');
  });
});

describe.skipIf(!hasArticle)('quoteOccursIn (real article)', () => {
  const real = [
    'peacekeeping operations are generally multilateral activities that follow specific principles',
    'consent of the parties, impartiality, non-use of force except in self-defense and defense of the mandate',
    'consent of the parties, impartiality, non-use of force except in self-defense and defense of the mandate.',
    'shoot to kill without warning',
    'Unlike the [American] troops, occupying territories of [Syria] and [Kosovo]',
    'Unlike the American troops, occupying territories of Syria and Kosovo',
    'the CSTO is guided more by pragmatism than humanitarianism',
    'Collective Security Treaty Organization (CSTO), a Russia-led military alliance',
    "in what appeared to be an effort to improve Russia's geostrategic position in the conflict",
    'it is mirotvorets—literally “peacemaker”',
    '[Russians] have a muscular approach, it looks like a counterterrorism operation [to create] population control...because that’s what they feel',
    'Although the Russians have labeled their involvement as a PKO [peace keeping operation]',
  ];
  it.each(real)('finds %s', (q) => {
    expect(quoteOccursIn(article, q)).toBe(true);
  });

  it('rejects invented or altered quotes', () => {
    expect(quoteOccursIn(article, 'the CSTO is guided more by humanitarianism than pragmatism')).toBe(false);
    expect(quoteOccursIn(article, 'Moscow always respects the consent of the parties')).toBe(false);
    expect(quoteOccursIn(article, '')).toBe(false);
  });

  it('does not match from the middle of a word', () => {
    expect(quoteOccursIn(article, 'ace operations are generally')).toBe(false);
  });

  it('reports how much of a wrong quote matches', () => {
    const m = createQuoteMatcher(article);
    expect(m.matchingPrefix('the CSTO is guided more by humanitarianism')).toBe('the CSTO is guided more by');
  });
});

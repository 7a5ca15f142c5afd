import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { validateDeckDir, type ContentIssue } from '@/lib/content/validate';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const sourceDir = path.join(fixtures, 'source');
const check = (deck: string) => validateDeckDir(path.join(fixtures, 'decks', deck), { sourceDir });

function expectError(errors: ContentIssue[], file: string, itemId: string | undefined, message: string | RegExp) {
  expect(errors).toContainEqual({ file, itemId, message: expect.stringMatching(message) });
}

describe('valid-mini', () => {
  const v = check('valid-mini');

  it('has no errors or warnings', () => {
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('returns the parsed deck and items in file order', () => {
    expect(v.deck?.id).toBe('valid-mini');
    expect(v.deck?.published).toBe('2022-01-24');
    expect(v.items?.map((i) => i.id)).toEqual([
      'csto-first-deployment',
      'csto-name',
      'principles-mcq',
      'multilateral-tf',
      'principles-order',
      'mirotvorets',
      'embassy-tweet',
    ]);
  });

  it('computes stats', () => {
    expect(v.stats).toEqual({
      items: 7,
      cards: 8, // the cloze item has c1 and c2
      quizQuestions: 4,
      byType: { basic: 2, cloze: 1, mcq: 1, truefalse: 1, typed: 1, ordering: 1 },
      bySection: { intro: 2, principles: 3, words: 2 },
      bySkill: { recall: 5, understanding: 2 },
    });
  });
});

describe('broken fixture decks', () => {
  it('duplicate-ids: reports both locations', () => {
    const v = check('duplicate-ids');
    expect(v.ok).toBe(false);
    expectError(v.errors, 'items/a.yaml', 'dup-item', /duplicate item id, also used in items\/b\.yaml/);
    expectError(v.errors, 'items/b.yaml', 'dup-item', /duplicate item id, also used in items\/a\.yaml/);
    expect(v.errors).toHaveLength(2);
  });

  it('unknown-section', () => {
    const v = check('unknown-section');
    expectError(v.errors, 'items/items.yaml', 'lost-item', /section 'conclusion' is not defined in deck\.yaml/);
  });

  it('mcq-two-correct', () => {
    const v = check('mcq-two-correct');
    expectError(v.errors, 'items/items.yaml', 'two-correct', /multiple choice needs exactly one correct option, found 2/);
  });

  it('mcq-no-correct', () => {
    const v = check('mcq-no-correct');
    expectError(v.errors, 'items/items.yaml', 'no-correct', /multiple choice needs exactly one correct option, found 0/);
  });

  it('empty-explanation: item and option explanations', () => {
    const v = check('empty-explanation');
    expectError(v.errors, 'items/items.yaml', 'empty-tf-explanation', /^explanation: must not be empty/);
    expectError(v.errors, 'items/items.yaml', 'blank-option-explanation', /^options\[2\]\.explanation: must not be empty/);
  });

  it('ordering-two-steps', () => {
    const v = check('ordering-two-steps');
    expectError(v.errors, 'items/items.yaml', 'short-order', /steps: ordering needs at least 3 steps/);
  });

  it('quote-not-in-source: only the invented quote', () => {
    const v = check('quote-not-in-source');
    expect(v.errors).toHaveLength(1);
    expectError(v.errors, 'items/items.yaml', 'invented-quote', /evidence quote not found in source text mini\.txt/);
  });

  it('bad-yaml: reports the file, keeps checking the others', () => {
    const v = check('bad-yaml');
    expectError(v.errors, 'items/broken.yaml', undefined, /^YAML syntax error: .*line 4/);
    expect(v.items?.map((i) => i.id)).toEqual(['fine-item']);
  });

  it('cloze-no-deletion', () => {
    const v = check('cloze-no-deletion');
    expectError(v.errors, 'items/items.yaml', 'no-deletions', /cloze needs at least one deletion/);
  });

  it('quote-too-long', () => {
    const v = check('quote-too-long');
    expectError(v.errors, 'items/items.yaml', 'long-quote', /evidence\.quote: quote has 31 words, over the 30-word limit/);
  });

  it('unknown-key', () => {
    const v = check('unknown-key');
    expectError(v.errors, 'items/items.yaml', 'typo-key', /unknown key 'fornt'/);
    expectError(v.errors, 'items/items.yaml', 'typo-key', /^front: is required/);
  });

  it('deck-id-mismatch', () => {
    const v = check('deck-id-mismatch');
    expectError(v.errors, 'deck.yaml', undefined, /deck id 'some-other-id' must equal the folder name 'deck-id-mismatch'/);
  });

  it('missing-source: warns, does not fail', () => {
    const v = check('missing-source');
    expect(v.ok).toBe(true);
    expect(v.warnings).toContainEqual({ file: 'deck.yaml', message: expect.stringContaining('source text not found, quotes not checked') });
  });

  it('skips quote checks when no source dir is given', () => {
    const v = validateDeckDir(path.join(fixtures, 'decks', 'quote-not-in-source'));
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.message).join()).toMatch(/source text not found/);
  });
});

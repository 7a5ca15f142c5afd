import { describe, it, expect } from 'vitest';
import { isQuizType, parseDeckMeta, parseItem, QUIZ_TYPES } from '@/lib/content/schema';

const deck = {
  id: 'war-for-peace',
  title: 'War for Peace',
  author: 'Anna Borshchevskaya',
  published: '2022-01-24',
  sourceUrl: 'https://www.washingtoninstitute.org/x',
  description: 'One paragraph.',
  sections: [{ id: 'intro', title: 'Introduction', notes: 'Notes.' }],
};
const base = { id: 'an-item', section: 'intro', evidence: { paragraph: '¶1' } };

function messages(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
}

describe('deck meta', () => {
  it('accepts a valid deck and normalises a Date to YYYY-MM-DD', () => {
    const r = parseDeckMeta({ ...deck, published: new Date('2022-01-24T00:00:00Z') });
    expect(r.success).toBe(true);
    expect(r.data?.published).toBe('2022-01-24');
  });

  it('rejects bad slugs, duplicate sections, unknown keys and impossible dates', () => {
    expect(parseDeckMeta({ ...deck, id: 'War For Peace' }).success).toBe(false);
    expect(messages(parseDeckMeta({ ...deck, sections: [deck.sections[0], deck.sections[0]] }))).toMatch(/section ids must be distinct/);
    expect(messages(parseDeckMeta({ ...deck, auther: 'x' }))).toMatch(/unknown key 'auther'/);
    expect(messages(parseDeckMeta({ ...deck, published: '2022-02-30' }))).toMatch(/not a real date/);
    expect(messages(parseDeckMeta({ ...deck, sections: [] }))).toMatch(/at least one section/);
    expect(messages(parseDeckMeta({ ...deck, sourceFile: '../etc/passwd' }))).toMatch(/file name/);
  });
});

describe('items', () => {
  it('applies defaults for tags and skill', () => {
    const r = parseItem({ ...base, type: 'basic', front: ' Q ', back: 2010 });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ tags: [], skill: 'recall', front: 'Q', back: '2010' });
  });

  it('requires evidence with a quote or paragraph', () => {
    expect(messages(parseItem({ ...base, type: 'basic', front: 'Q', back: 'A', evidence: {} }))).toMatch(/quote or a paragraph/);
    expect(messages(parseItem({ id: 'x', section: 'intro', type: 'basic', front: 'Q', back: 'A' }))).toMatch(/evidence: is required/);
  });

  it('limits quotes to 30 words', () => {
    const quote = Array.from({ length: 31 }, (_, i) => `w${i}`).join(' ');
    expect(messages(parseItem({ ...base, type: 'basic', front: 'Q', back: 'A', evidence: { quote } }))).toMatch(/31 words/);
  });

  it('gives readable messages for unknown types and keys', () => {
    expect(messages(parseItem({ ...base, type: 'essay' }))).toMatch(/unknown type "essay"/);
    expect(messages(parseItem({ ...base, type: 'basic', front: 'Q', back: 'A', hint: 'x' }))).toMatch(/unknown key 'hint'/);
    expect(messages(parseItem({ ...base, type: 'truefalse', statement: 'S', answer: 'yes', explanation: 'E' }))).toMatch(/true or false/);
  });

  it('checks mcq options', () => {
    const opt = (text: string, correct = false) => ({ text, correct, explanation: 'because' });
    const mcq = (options: unknown[]) => parseItem({ ...base, type: 'mcq', question: 'Q?', options });
    expect(mcq([opt('a', true), opt('b'), opt('c')]).success).toBe(true);
    expect(messages(mcq([opt('a', true), opt('b', true), opt('c')]))).toMatch(/exactly one correct option, found 2/);
    expect(messages(mcq([opt('a', true), opt('b')]))).toMatch(/3 to 5 options/);
    expect(messages(mcq([opt('a', true), opt('b'), opt('B')]))).toMatch(/option texts must be distinct/);
    expect(messages(mcq([opt('a', true), opt('b'), { text: 'c' }]))).toMatch(/options.2.explanation: is required/);
  });

  it('requires explanations for truefalse, typed and ordering', () => {
    expect(parseItem({ ...base, type: 'truefalse', statement: 'S', answer: true }).success).toBe(false);
    expect(parseItem({ ...base, type: 'typed', question: 'Q', answers: ['a'], explanation: ' ' }).success).toBe(false);
    expect(parseItem({ ...base, type: 'typed', question: 'Q', answers: [], explanation: 'E' }).success).toBe(false);
    expect(parseItem({ ...base, type: 'ordering', prompt: 'P', steps: ['a', 'b', 'c'] }).success).toBe(false);
  });

  it('checks ordering steps and cloze deletions', () => {
    const ordering = (steps: string[]) => parseItem({ ...base, type: 'ordering', prompt: 'P', steps, explanation: 'E' });
    expect(ordering(['a', 'b', 'c']).success).toBe(true);
    expect(messages(ordering(['a', 'b']))).toMatch(/at least 3 steps/);
    expect(messages(ordering(['a', 'b', 'a']))).toMatch(/steps must be distinct/);
    expect(parseItem({ ...base, type: 'cloze', text: 'The {{c1::CSTO}}.' }).success).toBe(true);
    expect(messages(parseItem({ ...base, type: 'cloze', text: 'The CSTO.' }))).toMatch(/at least one deletion/);
  });
});

describe('quiz types', () => {
  it('are the four graded types', () => {
    expect([...QUIZ_TYPES]).toEqual(['mcq', 'truefalse', 'typed', 'ordering']);
    expect(isQuizType('mcq')).toBe(true);
    expect(isQuizType('cloze')).toBe(false);
  });
});

// Each item-writing lint rule catches a crafted bad item (or deck) and passes a good one.
import { describe, expect, it } from 'vitest';
import { lintDeck, type LintFinding } from '@/lib/content/lint';
import { keyLengthRank } from '@/lib/content/lint/key-length';
import { wordingOf } from '@/lib/content/lint/wording-cue';
import { longestSharedRun, words } from '@/lib/content/lint/words';
import { ItemSchema, type Item, type McqItem } from '@/lib/content/schema';

const evidence = { paragraph: '¶1' };
let n = 0;
const id = (p: string) => `${p}-${++n}`;

function item(data: Record<string, unknown>): Item {
  return ItemSchema.parse({ section: 's', evidence, ...data });
}
/** An MCQ whose options have the given lengths; `key` is the index of the correct one. */
function mcqOfLengths(lengths: number[], key: number, question = 'Which one is right?'): McqItem {
  const letters = 'abcdefghij';
  return item({
    id: id('mcq'),
    type: 'mcq',
    question,
    options: lengths.map((len, i) => ({ text: `${letters[i]}`.repeat(len), correct: i === key, explanation: 'why' })),
  }) as McqItem;
}
const tf = (statement: string, answer: boolean) => item({ id: id('tf'), type: 'truefalse', statement, answer, explanation: 'why' });
const rules = (fs: LintFinding[]) => fs.map((f) => f.rule);

describe('word helpers', () => {
  it.each([
    ['U.S.-led order', ['us', 'led', 'order']],
    ["Moscow's “peacekeeping”", ['moscows', 'peacekeeping']],
  ])('words(%j)', (text, expected) => expect(words(text)).toEqual(expected));

  it('finds the longest shared run of words', () => {
    expect(longestSharedRun(words('a b c d e'), words('x b c d y'))).toEqual(['b', 'c', 'd']);
    expect(longestSharedRun(words('a b'), words('c d'))).toEqual([]);
  });
});

describe('key length rank', () => {
  it.each([
    [[10, 20, 30, 40], 3, 1],
    [[10, 20, 30, 40], 2, 2],
    [[10, 20, 30, 40], 0, 4],
    [[40, 40, 10], 1, 1], // a key tied for longest counts as longest
  ])('lengths %j, key %i → rank %i', (lengths, key, rank) => expect(keyLengthRank(mcqOfLengths(lengths, key))).toBe(rank));

  it('flags a deck whose key is never the longest and usually the second longest', () => {
    const deck = Array.from({ length: 10 }, () => mcqOfLengths([40, 50, 30, 20], 0)); // key 2nd longest every time
    const r = lintDeck(deck);
    expect(r.figures.keyLength.byRank.slice(0, 4)).toEqual([0, 10, 0, 0]);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('2nd longest option in 10 of 10 MCQs (100%, limit 40%)'),
      expect.stringContaining('longest option in only 0 of 10 MCQs'),
    ]);
  });

  it('passes a deck whose key sits at every rank about equally', () => {
    const deck = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3].map((k) => mcqOfLengths([40, 30, 20, 10], k));
    expect(lintDeck(deck).errors).toEqual([]);
  });

  it('uses the deck’s own limit and stays silent below minItems', () => {
    const deck = [0, 0, 0, 1, 2, 3, 1, 2].map((k) => mcqOfLengths([40, 30, 20, 10], k)); // 3 of 8 longest
    expect(lintDeck(deck).errors).toEqual([]);
    expect(rules(lintDeck(deck, { maxKeyRankShare: 0.3 }).errors)).toEqual(['key-length']);
    expect(lintDeck(deck, { maxKeyRankShare: 0.3, minItems: 9 }).errors).toEqual([]);
  });

  it('warns about a single key far longer than every distractor, not about a modestly longer one', () => {
    const bad = mcqOfLengths([90, 40, 45, 50], 0);
    const good = mcqOfLengths([60, 40, 45, 50], 0);
    expect(lintDeck([bad]).warnings).toEqual([{ rule: 'key-length', itemId: bad.id, message: expect.stringContaining('far longer') }]);
    expect(lintDeck([good]).warnings).toEqual([]);
  });
});

describe('absolute vs hedged wording on true/false items', () => {
  it.each([
    ['The author says Russia is the only power guided by realpolitik.', 'absolute'],
    ['The author suggests the unrest may have had several causes.', 'hedged'],
    ['The author says Tokayev owes his survival to Putin.', 'neutral'],
  ])('%s → %s', (s, w) => expect(wordingOf(s)).toBe(w));

  const cuedDeck = [
    ...Array.from({ length: 5 }, () => tf('The author says this was always and entirely true.', false)),
    ...Array.from({ length: 5 }, () => tf('The author suggests this may sometimes happen.', true)),
  ];

  it('flags a deck where "absolute = false, hedged = true" answers every worded item, and names the items', () => {
    const r = lintDeck(cuedDeck);
    expect(r.errors).toEqual([{ rule: 'wording-cue', message: expect.stringContaining('answers 10 of 10 worded') }]);
    expect(r.warnings.filter((w) => w.rule === 'wording-cue')).toHaveLength(10);
    expect(r.figures.wordingCue).toEqual({ worded: 10, followCue: 10, trueFalse: 10 });
  });

  it('flags the reverse rule too (strong statements mostly true)', () => {
    const reversed = cuedDeck.map((i) => (i.type === 'truefalse' ? { ...i, answer: !i.answer } : i));
    expect(lintDeck(reversed).errors[0]?.message).toContain('"absolute means true, hedged means false" answers 10 of 10');
  });

  it('passes a deck with strong true statements and hedged false ones mixed in', () => {
    const mixed = [
      ...Array.from({ length: 3 }, () => tf('The author says this was always and entirely true.', false)),
      ...Array.from({ length: 2 }, () => tf('The author states outright that this was entirely so.', true)),
      ...Array.from({ length: 2 }, () => tf('The author suggests this may sometimes happen.', true)),
      ...Array.from({ length: 3 }, () => tf('The author concedes this might perhaps happen.', false)),
    ];
    expect(lintDeck(mixed).errors).toEqual([]);
  });

  it('flags a deck whose statements are mostly true', () => {
    const deck = [...Array.from({ length: 8 }, () => tf('The author says Tokayev owes his survival to Putin.', true)), tf('The author says Tokayev is a general.', false), tf('The author says so.', false)];
    expect(lintDeck(deck).errors).toEqual([{ rule: 'wording-cue', message: expect.stringContaining('8 of 10 true/false items are true') }]);
  });
});

describe('item rules', () => {
  const mcq = (question: string, texts: string[], key = 0) =>
    item({ id: id('mcq'), type: 'mcq', question, options: texts.map((text, i) => ({ text, correct: i === key, explanation: 'why' })) });

  it('option repeating the stem', () => {
    const bad = mcq('What does the author say the CSTO gave Moscow in Kazakhstan?', ['The CSTO gave Moscow in Kazakhstan a veneer', 'A permanent military base', 'A large loan from China']);
    const good = mcq('What does the author say the CSTO gave Moscow in Kazakhstan?', ['A veneer of legitimacy', 'A permanent military base', 'A large loan from China']);
    expect(lintDeck([bad]).warnings.filter((w) => w.rule === 'stem-repeat')).toEqual([{ rule: 'stem-repeat', itemId: bad.id, message: 'the key (option 1) repeats "the csto gave moscow in kazakhstan" from the question' }]);
    expect(lintDeck([good]).warnings).toEqual([]);
  });

  it.each([
    ['Which of these is NOT one of the three principles?', true],
    ['Which of these was not among her examples?', true],
    ['All of the following are principles EXCEPT which?', true],
    ['Which of these is one of the three principles?', false],
    ['Why does she note that the word is not new?', false],
  ])('negative stem: %s → %s', (question, flagged) => {
    const found = rules(lintDeck([mcq(question, ['a', 'b', 'c'])]).warnings);
    expect(found.includes('negative-stem')).toBe(flagged);
  });

  it.each([
    ['All of the above', true],
    ['None of these', true],
    ['Both of them', true],
    ['All four principles', false],
  ])('"%s" as an option → flagged %s', (text, flagged) => {
    const found = rules(lintDeck([mcq('Which is right?', ['Impartiality', 'Consent', text])]).warnings);
    expect(found.includes('all-none-above')).toBe(flagged);
  });

  it('typed answer already in its own question', () => {
    const bad = item({ id: id('typed'), type: 'typed', question: 'Where did Moscow act alone in Kosovo in 1999?', answers: ['Kosovo'], explanation: 'why' });
    const good = item({ id: id('typed'), type: 'typed', question: 'Where did Moscow try to act alone in 1999?', answers: ['Kosovo'], explanation: 'why' });
    expect(rules(lintDeck([bad]).warnings)).toEqual(['answer-in-question']);
    expect(lintDeck([good]).warnings).toEqual([]);
  });

  it('typed answer printed in another quiz question, unless it is the deck’s everyday vocabulary', () => {
    const typed = item({ id: 'kosovo-1999', type: 'typed', question: 'Where did Moscow try to act alone in 1999?', answers: ['Kosovo'], explanation: 'why' });
    const giver = mcq('Why is Kosovo in 1999 a telling example?', ['a', 'b', 'c']);
    const quiet = mcq('Why is the 1999 case a telling example?', ['a', 'b', 'c']);
    expect(lintDeck([typed, giver]).warnings).toEqual([{ rule: 'answer-elsewhere', itemId: 'kosovo-1999', message: `its answer "Kosovo" is printed in ${giver.id}` }]);
    expect(lintDeck([typed, quiet]).warnings).toEqual([]);
    const everywhere = Array.from({ length: 5 }, () => mcq('What did Kosovo show?', ['a', 'b', 'c']));
    expect(rules(lintDeck([typed, ...everywhere]).warnings)).not.toContain('answer-elsewhere');
  });

  it('near-duplicate prompts share a long run of content words; shared question scaffolding does not count', () => {
    const a = item({ id: 'fmso-a', type: 'cloze', text: 'The {{c1::Foreign Military Studies Office}} wrote in July 1996 about Russian involvement in Tajikistan.' });
    const b = tf('The Foreign Military Studies Office wrote in July 1996 that Russia was impartial.', false);
    const c = mcq('What is the point of the question she asks?', ['a', 'b', 'c']);
    const d = mcq('What is the point of the remark on the word?', ['a', 'b', 'c']);
    expect(lintDeck([a, b]).warnings).toEqual([{ rule: 'near-duplicate', itemId: b.id, message: expect.stringContaining('shares 9 words in a row with fmso-a') }]);
    expect(lintDeck([c, d]).warnings).toEqual([]);
  });

  it('a deck can cap the number of warnings', () => {
    const deck = [mcq('Which is NOT right?', ['a', 'b', 'c']), mcq('Which was not right?', ['a', 'b', 'c'])];
    expect(lintDeck(deck).errors).toEqual([]);
    expect(lintDeck(deck, { maxWarnings: 1 }).errors).toEqual([{ rule: 'too-many-warnings', message: "2 item-writing warnings, over the deck's limit of 1" }]);
  });
});

describe('the War for Peace deck', () => {
  it('passes the lint at the thresholds its deck.yaml sets', async () => {
    const { validateDeckDir } = await import('@/lib/content/validate');
    const v = validateDeckDir('content/war-for-peace', { sourceDir: '../shared/source' });
    expect(v.ok).toBe(true);
    const r = lintDeck(v.items ?? [], v.deck?.lint ?? {});
    expect(r.errors).toEqual([]);
    expect(Math.max(...r.figures.keyLength.byRank) / r.figures.keyLength.items).toBeLessThanOrEqual(0.35);
  });
});

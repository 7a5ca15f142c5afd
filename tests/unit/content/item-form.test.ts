import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFieldErrors, draftHeadline, draftToCandidate, emptyDraft, itemToDraft } from '@/lib/content/item-form';
import { parseItem } from '@/lib/content/schema';
import { validateDeckDir } from '@/lib/content/validate';

const items = validateDeckDir(path.resolve('content/war-for-peace')).items ?? [];
const parse = (draft: ReturnType<typeof emptyDraft>, id = 'new-item') => parseItem({ ...draftToCandidate(draft), id });

describe('the editor form keeps every real item intact', () => {
  it.each(items.map((i) => [i.id, i] as const))('%s: itemToDraft → draftToCandidate → ItemSchema', (id, item) => {
    const parsed = parse(itemToDraft(item), id);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toStrictEqual(item);
  });
});

describe('draft → item candidate', () => {
  it('leaves blank optional fields out and splits lists by line', () => {
    const draft = { ...emptyDraft('typed', 'intro'), question: 'Q?', answers: ' UN Charter \n\nUnited Nations Charter\n', explanation: 'E', evidenceParagraph: '¶1', tags: 'UN, Charter' };
    expect(draftToCandidate(draft)).toEqual({
      type: 'typed', section: 'intro', tags: ['un', 'charter'], skill: 'recall', evidence: { paragraph: '¶1' }, explanation: 'E',
      question: 'Q?', answers: ['UN Charter', 'United Nations Charter'],
    });
  });

  it('keeps a typed item’s example answers, one per line, and leaves an empty list out', () => {
    const draft = { ...emptyDraft('typed', 'intro'), question: 'How many troops?', answers: '2,500', examplesAccept: 'about 2,500\n\n2,500 troops\n', examplesReject: '', explanation: 'E', evidenceParagraph: '¶1' };
    const parsed = parse(draft);
    expect(parsed.data).toMatchObject({ examples: { accept: ['about 2,500', '2,500 troops'] } });
    expect(parsed.data && 'examples' in parsed.data && parsed.data.examples).toStrictEqual({ accept: ['about 2,500', '2,500 troops'] });
    expect(parse(itemToDraft(parsed.data!), 'new-item').data).toStrictEqual(parsed.data);
    expect(draftToCandidate({ ...draft, examplesAccept: ' ' })).not.toHaveProperty('examples');
  });

  it('marks the chosen option correct', () => {
    const draft = { ...emptyDraft('mcq', 'intro'), correctOption: 1 };
    expect((draftToCandidate(draft).options as { correct: boolean }[]).map((o) => o.correct)).toEqual([false, true, false]);
  });

  it('uses the visible text of a cloze for its headline', () => {
    expect(draftHeadline({ ...emptyDraft('cloze', 'i'), text: 'About {{c1::2,500::number}} troops' })).toBe('About 2,500 troops');
  });
});

describe('schema issues → form fields', () => {
  it('reports a multiple choice without a correct option on the options field', () => {
    const draft = { ...emptyDraft('mcq', 'intro'), question: 'Q', evidenceParagraph: '¶1', options: ['a', 'b', 'c'].map((t) => ({ text: t, explanation: `why ${t}` })) };
    const errors = draftFieldErrors(parse(draft).error!.issues);
    expect(errors).toEqual({ options: ['multiple choice needs exactly one correct option, found 0'] });
  });

  it('maps evidence, list lines and option fields', () => {
    const draft = { ...emptyDraft('mcq', 'intro'), question: 'Q', correctOption: 0, options: [{ text: 'a', explanation: '' }, { text: '', explanation: 'x' }, { text: 'c', explanation: 'y' }] };
    const errors = draftFieldErrors(parse(draft).error!.issues);
    expect(errors).toEqual({
      'options.0.explanation': ['must not be empty'],
      'options.1.text': ['must not be empty'],
      evidence: ['needs a quote or a paragraph reference'],
    });
    expect(draftFieldErrors([{ path: ['answers', 1], message: 'must not be empty' }, { path: ['evidence', 'quote'], message: 'too long' }])).toEqual({
      answers: ['line 2: must not be empty'],
      evidenceQuote: ['too long'],
    });
  });
});

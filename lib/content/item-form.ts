// The item editor's form model: what the form fields hold (ItemDraft), how a
// draft becomes an item candidate for ItemSchema (the only definition of a
// valid item), and how ItemSchema's issue paths map back to form fields.
// No runtime import of zod or schema.ts, so the client bundle stays small.
import type { Item, ItemType, Skill } from './schema';
import { tagsFromText } from './slug';

export interface DraftOption {
  text: string;
  explanation: string;
}

/** Every field of every item type as the form holds it: text, lists as lines. */
export interface ItemDraft {
  type: ItemType;
  section: string;
  /** Space or comma separated; made into slugs on save. */
  tags: string;
  skill: Skill;
  evidenceQuote: string;
  evidenceParagraph: string;
  explanation: string;
  front: string;
  back: string;
  text: string;
  /** mcq and typed. */
  question: string;
  options: DraftOption[];
  /** Index of the correct option, or -1 when none is marked. */
  correctOption: number;
  statement: string;
  answer: '' | 'true' | 'false';
  /** typed: accepted answers, one per line. */
  answers: string;
  /** typed: example answers the checker must accept, and must reject, one per line. */
  examplesAccept: string;
  examplesReject: string;
  prompt: string;
  /** ordering: steps in the correct order, one per line. */
  steps: string;
}

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  basic: 'Basic (front and back)',
  cloze: 'Cloze (fill the blank)',
  mcq: 'Multiple choice',
  truefalse: 'True or false',
  typed: 'Typed answer',
  ordering: 'Put in order',
};

export const ITEM_TYPE_BADGES: Record<ItemType, string> = {
  basic: 'Basic',
  cloze: 'Cloze',
  mcq: 'Multiple choice',
  truefalse: 'True/false',
  typed: 'Typed',
  ordering: 'Ordering',
};

export const MCQ_MIN_OPTIONS = 3;
export const MCQ_MAX_OPTIONS = 5;

export function emptyDraft(type: ItemType, section: string): ItemDraft {
  return {
    type, section, tags: '', skill: 'recall', evidenceQuote: '', evidenceParagraph: '', explanation: '',
    front: '', back: '', text: '', question: '',
    options: Array.from({ length: MCQ_MIN_OPTIONS }, () => ({ text: '', explanation: '' })),
    correctOption: -1, statement: '', answer: '', answers: '', examplesAccept: '', examplesReject: '', prompt: '', steps: '',
  };
}

export function itemToDraft(item: Item): ItemDraft {
  const draft: ItemDraft = {
    ...emptyDraft(item.type, item.section),
    tags: item.tags.join(' '),
    skill: item.skill,
    evidenceQuote: item.evidence.quote ?? '',
    evidenceParagraph: item.evidence.paragraph ?? '',
    explanation: item.explanation ?? '',
  };
  switch (item.type) {
    case 'basic':
      return { ...draft, front: item.front, back: item.back };
    case 'cloze':
      return { ...draft, text: item.text };
    case 'mcq':
      return {
        ...draft,
        question: item.question,
        options: item.options.map((o) => ({ text: o.text, explanation: o.explanation })),
        correctOption: item.options.findIndex((o) => o.correct),
      };
    case 'truefalse':
      return { ...draft, statement: item.statement, answer: item.answer ? 'true' : 'false' };
    case 'typed':
      return { ...draft, question: item.question, answers: item.answers.join('\n'), examplesAccept: (item.examples?.accept ?? []).join('\n'), examplesReject: (item.examples?.reject ?? []).join('\n') };
    case 'ordering':
      return { ...draft, prompt: item.prompt, steps: item.steps.join('\n') };
  }
}

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** A typed draft's example answers as the item's `examples` (left out when there are none). */
function draftExamples(draft: ItemDraft): { examples?: { accept?: string[]; reject?: string[] } } {
  const accept = lines(draft.examplesAccept ?? '');
  const reject = lines(draft.examplesReject ?? '');
  if (accept.length === 0 && reject.length === 0) return {};
  return { examples: { ...(accept.length ? { accept } : {}), ...(reject.length ? { reject } : {}) } };
}
/** Blank optional text is left out, as an author would leave the key out of YAML. */
const optional = (s: string) => (s.trim() ? s : undefined);

/** Drops undefined values, so a left-out field is absent rather than present-but-undefined. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** The draft as raw item data (no id): ItemSchema decides whether it is valid. */
export function draftToCandidate(draft: ItemDraft): Record<string, unknown> {
  return compact(draftFields(draft));
}

function draftFields(draft: ItemDraft): Record<string, unknown> {
  const base = {
    type: draft.type,
    section: draft.section,
    tags: tagsFromText(draft.tags),
    skill: draft.skill,
    evidence: compact({ quote: optional(draft.evidenceQuote), paragraph: optional(draft.evidenceParagraph) }),
    explanation: optional(draft.explanation),
  };
  switch (draft.type) {
    case 'basic':
      return { ...base, front: draft.front, back: draft.back };
    case 'cloze':
      return { ...base, text: draft.text };
    case 'mcq':
      return {
        ...base,
        question: draft.question,
        options: draft.options.map((o, i) => ({ text: o.text, correct: i === draft.correctOption, explanation: o.explanation })),
      };
    case 'truefalse':
      return { ...base, statement: draft.statement, answer: draft.answer === '' ? undefined : draft.answer === 'true' };
    case 'typed':
      return { ...base, question: draft.question, answers: lines(draft.answers), ...draftExamples(draft) };
    case 'ordering':
      return { ...base, prompt: draft.prompt, steps: lines(draft.steps) };
  }
}

/** The first words of what the student is asked, for a new item's id. */
export function draftHeadline(draft: ItemDraft): string {
  const byType: Record<ItemType, string> = {
    basic: draft.front, cloze: draft.text.replace(/\{\{c\d+::([^:}]*)(::[^}]*)?\}\}/g, '$1'), mcq: draft.question,
    truefalse: draft.statement, typed: draft.question, ordering: draft.prompt,
  };
  return byType[draft.type];
}

/** The item's question in one line of text, for lists. */
export function itemHeadline(item: Item): string {
  return draftHeadline(itemToDraft(item));
}

export type DraftFieldErrors = Record<string, string[]>;

const LIST_FIELDS: Record<string, string> = { answers: 'line', steps: 'line', tags: 'tag' };

/**
 * Maps ItemSchema issue paths onto form field names: `evidence.quote` → `evidenceQuote`,
 * `answers.2` → `answers` ("line 3: …"), `options.1.text` stays as it is.
 */
export function draftFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): DraftFieldErrors {
  const out: DraftFieldErrors = {};
  for (const issue of issues) {
    const [head, index] = issue.path;
    let key = issue.path.map(String).join('.') || '_form';
    let message = issue.message;
    if (head === 'evidence' && index === 'quote') key = 'evidenceQuote';
    else if (head === 'examples' && (index === 'accept' || index === 'reject')) {
      key = index === 'accept' ? 'examplesAccept' : 'examplesReject';
      if (typeof issue.path[2] === 'number') message = `line ${issue.path[2] + 1}: ${message}`;
    }
    else if (head === 'evidence' && index === 'paragraph') key = 'evidenceParagraph';
    else if (typeof head === 'string' && head in LIST_FIELDS && typeof index === 'number') {
      key = head;
      message = `${LIST_FIELDS[head]} ${index + 1}: ${message}`;
    }
    (out[key] ??= []).push(message);
  }
  return out;
}

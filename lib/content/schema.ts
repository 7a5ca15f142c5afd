// The deck file format: the single definition of what may appear in
// content/<deck-id>/deck.yaml and content/<deck-id>/items/*.yaml.
// Everything that can be checked on one file alone lives here (so the
// inferred types can be trusted); cross-file checks live in validate.ts.
import { z } from 'zod';
import { clozeProblems } from './cloze';
import { LintConfigSchema } from './lint/config';
import { SLUG_RE } from './slug-pattern';

export { SLUG_RE };
export const QUOTE_MAX_WORDS = 30;

export const ITEM_TYPES = ['basic', 'cloze', 'mcq', 'truefalse', 'typed', 'ordering'] as const;
export const QUIZ_TYPES = ['mcq', 'truefalse', 'typed', 'ordering'] as const;
export const SKILLS = ['recall', 'understanding'] as const;

export type ItemType = (typeof ITEM_TYPES)[number];
export type QuizType = (typeof QUIZ_TYPES)[number];
export type Skill = (typeof SKILLS)[number];

export function isQuizType(t: string): t is QuizType {
  return (QUIZ_TYPES as readonly string[]).includes(t);
}

export function countWords(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}

// YAML turns `back: 2010` into a number; hand-written decks should not have to
// quote every year, so numbers are accepted wherever text is.
const text = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().trim().min(1, 'must not be empty'),
);

const slug = z
  .string()
  .regex(SLUG_RE, 'must be lower-case letters, digits and dashes (e.g. csto-first-deployment)');

function noDuplicates<T>(what: string, key: (v: T) => string = String) {
  return (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const v of list) {
      const k = key(v).toLowerCase();
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `${what} must be distinct; "${key(v)}" repeats` });
      seen.add(k);
    }
  };
}

// --- deck.yaml -------------------------------------------------------------

// yaml 1.2 keeps `2022-01-24` a string, but a 1.1 parser (or a tool) may hand
// us a Date; both normalise to 'YYYY-MM-DD'.
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s); // rejects 2022-02-30
    }, 'is not a real date'),
);

export const SectionSchema = z.strictObject({
  id: slug,
  title: text,
  notes: text,
});

export const DeckMetaSchema = z.strictObject({
  id: slug,
  title: text,
  author: text,
  publisher: text.optional(),
  published: isoDate,
  sourceUrl: z.url({ protocol: /^https?$/, error: 'must be a full URL (https://...)' }),
  // A bare file name: it is looked up inside the source directory only.
  sourceFile: text.refine((s) => !/[\\/]/.test(s) && s !== '..', 'must be a file name, not a path').optional(),
  description: text,
  /** Background from outside the article (hindsight, names the article does not give). Shown with the
   * study notes, clearly apart from them; never turned into cards, so it never becomes a testable fact. */
  context: text.optional(),
  /** Thresholds for the item-writing lint (lib/content/lint/config.ts); every key is optional. */
  lint: LintConfigSchema.optional(),
  sections: z
    .array(SectionSchema)
    .min(1, 'needs at least one section')
    .superRefine(noDuplicates('section ids', (s) => s.id)),
});

// --- items -----------------------------------------------------------------

export const EvidenceSchema = z
  .strictObject({
    quote: text
      .superRefine((q, ctx) => {
        const n = countWords(q);
        if (n > QUOTE_MAX_WORDS) {
          ctx.addIssue({
            code: 'custom',
            message: `quote has ${n} words, over the ${QUOTE_MAX_WORDS}-word limit; quote less, or cite the paragraph instead`,
          });
        }
      })
      .optional(),
    paragraph: text.optional(),
  })
  .refine((e) => e.quote !== undefined || e.paragraph !== undefined, 'needs a quote or a paragraph reference');

const base = {
  id: slug,
  section: slug,
  tags: z.array(slug).default([]),
  skill: z.enum(SKILLS).default('recall'),
  evidence: EvidenceSchema,
};

const explanation = text; // required, non-empty
const optionalExplanation = text.optional();

export const BasicItemSchema = z.strictObject({
  ...base,
  type: z.literal('basic'),
  front: text,
  back: text,
  explanation: optionalExplanation,
});

export const ClozeItemSchema = z.strictObject({
  ...base,
  type: z.literal('cloze'),
  text: text.superRefine((t, ctx) => {
    for (const message of clozeProblems(t)) ctx.addIssue({ code: 'custom', message });
  }),
  explanation: optionalExplanation,
});

export const McqOptionSchema = z.strictObject({
  text,
  correct: z.boolean().default(false),
  explanation,
});

export const McqItemSchema = z.strictObject({
  ...base,
  type: z.literal('mcq'),
  question: text,
  options: z
    .array(McqOptionSchema)
    .min(3, 'multiple choice needs 3 to 5 options')
    .max(5, 'multiple choice needs 3 to 5 options')
    .superRefine((opts, ctx) => {
      const n = opts.filter((o) => o.correct).length;
      if (n !== 1) ctx.addIssue({ code: 'custom', message: `multiple choice needs exactly one correct option, found ${n}` });
    })
    .superRefine(noDuplicates('option texts', (o) => o.text)),
  explanation: optionalExplanation,
});

export const TrueFalseItemSchema = z.strictObject({
  ...base,
  type: z.literal('truefalse'),
  statement: text,
  answer: z.boolean({ message: 'must be true or false' }),
  explanation,
});

export const TypedItemSchema = z.strictObject({
  ...base,
  type: z.literal('typed'),
  question: text,
  answers: z.array(text).min(1, 'needs at least one accepted answer'),
  /** Sample answers the checker must accept and must reject; `npm run content:check` runs them. */
  examples: z.strictObject({ accept: z.array(text).optional(), reject: z.array(text).optional() }).optional(),
  explanation,
});

export const OrderingItemSchema = z.strictObject({
  ...base,
  type: z.literal('ordering'),
  prompt: text,
  steps: z
    .array(text)
    .min(3, 'ordering needs at least 3 steps')
    .superRefine(noDuplicates('steps')),
  explanation,
});

export const ItemSchema = z.discriminatedUnion('type', [
  BasicItemSchema,
  ClozeItemSchema,
  McqItemSchema,
  TrueFalseItemSchema,
  TypedItemSchema,
  OrderingItemSchema,
]);

export type Section = z.infer<typeof SectionSchema>;
export type DeckMeta = z.infer<typeof DeckMetaSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type McqOption = z.infer<typeof McqOptionSchema>;
export type BasicItem = z.infer<typeof BasicItemSchema>;
export type ClozeItem = z.infer<typeof ClozeItemSchema>;
export type McqItem = z.infer<typeof McqItemSchema>;
export type TrueFalseItem = z.infer<typeof TrueFalseItemSchema>;
export type TypedItem = z.infer<typeof TypedItemSchema>;
export type TypedExamples = NonNullable<TypedItem['examples']>;
export type OrderingItem = z.infer<typeof OrderingItemSchema>;
export type Item = z.infer<typeof ItemSchema>;

// --- friendlier messages ----------------------------------------------------

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

// Zod's defaults ("Invalid input: expected string, received undefined") are
// written for programmers; deck authors are instructors editing YAML.
export const contentErrorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type') {
    if (iss.input === undefined) return 'is required';
    const want = iss.expected === 'object' ? 'a mapping (key: value)' : iss.expected === 'array' ? 'a list' : iss.expected;
    return `expected ${want}, got ${describe(iss.input)}`;
  }
  if (iss.code === 'unrecognized_keys') {
    const keys = iss.keys.map((k) => `'${k}'`).join(', ');
    return `unknown key${iss.keys.length > 1 ? 's' : ''} ${keys} (typo?)`;
  }
  if (iss.code === 'invalid_union' && 'discriminator' in iss && iss.discriminator === 'type') {
    const got = (iss.input as Record<string, unknown> | undefined)?.type;
    const allowed = ITEM_TYPES.join(', ');
    return got === undefined ? `is required (one of ${allowed})` : `unknown type ${JSON.stringify(got)} (one of ${allowed})`;
  }
  if (iss.code === 'invalid_value') return `must be one of ${iss.values.map(String).join(', ')}`;
  return undefined;
};

export function parseDeckMeta(data: unknown) {
  return DeckMetaSchema.safeParse(data, { error: contentErrorMap });
}

export function parseItem(data: unknown) {
  return ItemSchema.safeParse(data, { error: contentErrorMap });
}

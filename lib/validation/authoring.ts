/**
 * Input rules for the deck editor's server actions. Deck and section fields reuse the content
 * schema's field definitions (lib/content/schema.ts); an item's rules are ItemSchema alone, so the
 * item draft here only bounds the size of what a browser may send.
 */
import { z } from 'zod';
import { ZIP_MAX_BYTES } from '@/lib/content/deck-upload-preview';
import { IMPORT_MAX_BYTES } from '@/lib/content/import-csv';
import { MCQ_MAX_OPTIONS } from '@/lib/content/item-form';
import { DeckMetaSchema, ITEM_TYPES, SectionSchema, SKILLS, SLUG_RE } from '@/lib/content/schema';
import { plainText } from './text';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const atMost = (max: number) => (s: string) => s.length <= max;
const tooLong = (max: number) => `must be at most ${max} characters`;

export const slugField = z.string().regex(SLUG_RE, 'is not a valid id').max(100);

export const deckMetaSchema = z.object({
  deckId: slugField.optional(),
  title: plainText(DeckMetaSchema.shape.title.refine(atMost(200), tooLong(200))),
  author: plainText(DeckMetaSchema.shape.author.refine(atMost(200), tooLong(200))),
  publisher: z.preprocess(blankToUndefined, plainText(DeckMetaSchema.shape.publisher.refine((s) => s === undefined || s.length <= 200, tooLong(200)))),
  published: z.preprocess(blankToUndefined, DeckMetaSchema.shape.published.optional()),
  sourceUrl: DeckMetaSchema.shape.sourceUrl.refine(atMost(2000), tooLong(2000)),
  description: DeckMetaSchema.shape.description.refine(atMost(5000), tooLong(5000)),
});
export type DeckMetaInput = z.infer<typeof deckMetaSchema>;

// Study notes may come later: an authored section starts with a title only.
const notesField = z.preprocess((v) => v ?? '', z.string().trim().max(20_000, tooLong(20_000)));
const sectionTitle = plainText(SectionSchema.shape.title.refine(atMost(200), tooLong(200)));

export const newDeckSchema = deckMetaSchema.extend({ sectionTitle, sectionNotes: notesField });
export type NewDeckInput = z.infer<typeof newDeckSchema>;

export const sectionSchema = z.object({ deckId: slugField, key: slugField.optional(), title: sectionTitle, notes: notesField });
export const moveSectionSchema = z.object({ deckId: slugField, key: slugField, direction: z.enum(['up', 'down']) });

const draftText = (max: number) => z.string().max(max, tooLong(max)).default('');

/** The item editor's fields (lib/content/item-form.ts ItemDraft), flattened next to the deck and item ids. */
export const itemDraftSchema = z.object({
  deckId: slugField,
  itemId: slugField.optional(),
  type: z.enum(ITEM_TYPES),
  section: z.string().max(100),
  tags: draftText(500),
  skill: z.enum(SKILLS),
  evidenceQuote: draftText(1000),
  evidenceParagraph: draftText(300),
  explanation: draftText(5000),
  front: draftText(5000),
  back: draftText(5000),
  text: draftText(5000),
  question: draftText(5000),
  // A few more than allowed, so ItemSchema gets to say "3 to 5 options" itself.
  options: z.array(z.object({ text: draftText(2000), explanation: draftText(5000) })).max(MCQ_MAX_OPTIONS + 3).default([]),
  correctOption: z.number().int().min(-1).max(MCQ_MAX_OPTIONS + 3),
  statement: draftText(5000),
  answer: z.enum(['', 'true', 'false']).default(''),
  answers: draftText(5000),
  examplesAccept: draftText(5000),
  examplesReject: draftText(5000),
  prompt: draftText(5000),
  steps: draftText(10_000),
});
export type ItemDraftInput = z.infer<typeof itemDraftSchema>;

export const retireItemSchema = z.object({ deckId: slugField, itemId: slugField });

/** A deck file from the import page: the YAML export as text, or a zip as base64 (lib/content/deck-upload.ts). */
export const deckUploadSchema = z.discriminatedUnion('format', [
  z.object({ deckId: slugField, format: z.literal('yaml'), data: z.string().min(1, 'Choose a file.').max(IMPORT_MAX_BYTES, 'That file is larger than 800 KB.') }),
  z.object({
    deckId: slugField,
    format: z.literal('zip'),
    data: z
      .string()
      .min(1, 'Choose a file.')
      .max(Math.ceil(ZIP_MAX_BYTES / 3) * 4, `That zip is larger than ${Math.round(ZIP_MAX_BYTES / 1000)} KB.`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  }),
]);
export type DeckUploadInput = z.infer<typeof deckUploadSchema>;

export const importSchema = z.object({
  deckId: slugField,
  text: z.string().trim().min(1, 'Paste some rows or choose a file.').max(IMPORT_MAX_BYTES, 'That is more than 800 KB; split the file.'),
});

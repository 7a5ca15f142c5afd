'use server';
/**
 * Server actions of the deck editor. Each goes through authedAction (session, instructor role, zod)
 * and calls one function of db/queries/authoring-*.ts, which checks that the deck is the caller's.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ActionError, authedAction } from '@/app/_lib/action';
import { addSection, createDeck, moveSection, updateDeckMeta, updateSection } from '@/db/queries/authoring-decks';
import { AuthoringError } from '@/db/queries/authoring-edit';
import { importRows, previewImport, retireItem, saveItem } from '@/db/queries/authoring-items';
import { importDeckUpload, previewDeckUpload } from '@/db/queries/authoring-upload';
import type { DeckUploadPreview } from '@/lib/content/deck-upload-preview';
import type { ImportPreview } from '@/lib/content/import-rows';
import { now } from '@/lib/clock';
import {
  deckMetaSchema,
  deckUploadSchema,
  importSchema,
  itemDraftSchema,
  moveSectionSchema,
  newDeckSchema,
  retireItemSchema,
  sectionSchema,
  slugField,
} from '@/lib/validation/authoring';

const instructor = { role: 'instructor' } as const;

/** Turns the data layer's expected failures into action results; anything else stays an exception. */
async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AuthoringError) throw new ActionError(error.message, error.fieldErrors);
    throw error;
  }
}

const deckPath = (deckId: string) => `/teach/decks/${deckId}`;

export const createDeckAction = authedAction(
  newDeckSchema,
  async (input, user) => {
    const id = await attempt(() => createDeck(user, input, now()));
    revalidatePath('/teach/decks');
    redirect(deckPath(id));
  },
  instructor,
);

export const updateDeckMetaAction = authedAction(
  deckMetaSchema.extend({ deckId: slugField }),
  async (input, user) => {
    await attempt(() => updateDeckMeta(user, input.deckId, input, now()));
    revalidatePath(deckPath(input.deckId));
    return 'Deck details saved.';
  },
  instructor,
);

export const saveSectionAction = authedAction(
  sectionSchema,
  async (input, user) => {
    const { deckId, key, title, notes } = input;
    await attempt<unknown>(() => (key ? updateSection(user, deckId, key, { title, notes }, now()) : addSection(user, deckId, { title, notes }, now())));
    revalidatePath(deckPath(deckId));
    return key ? 'Section saved.' : 'Section added.';
  },
  instructor,
);

export const moveSectionAction = authedAction(
  moveSectionSchema,
  async (input, user) => {
    await attempt(() => moveSection(user, input.deckId, input.key, input.direction, now()));
    revalidatePath(deckPath(input.deckId));
  },
  instructor,
);

export const saveItemAction = authedAction(
  itemDraftSchema,
  async (input, user) => {
    const { deckId, itemId, ...draft } = input;
    const item = await attempt(() => saveItem(user, deckId, itemId, draft, now()));
    revalidatePath(deckPath(deckId));
    redirect(`${deckPath(deckId)}?saved=${item.id}#item-${item.id}`);
  },
  instructor,
);

export const retireItemAction = authedAction(
  retireItemSchema,
  async (input, user) => {
    await attempt(() => retireItem(user, input.deckId, input.itemId, now()));
    revalidatePath(deckPath(input.deckId));
    redirect(`${deckPath(input.deckId)}?deleted=1`);
  },
  instructor,
);


export const previewImportAction = authedAction(
  importSchema,
  async (input, user): Promise<ImportPreview> => {
    const rows = await attempt(() => previewImport(user, input.deckId, input.text));
    return { rows: rows.map(({ item: _item, ...row }) => row), valid: rows.filter((r) => r.item).length };
  },
  instructor,
);

export const importRowsAction = authedAction(
  importSchema,
  async (input, user) => {
    const { imported } = await attempt(() => importRows(user, input.deckId, input.text, now()));
    revalidatePath(deckPath(input.deckId));
    redirect(`${deckPath(input.deckId)}?imported=${imported}`);
  },
  instructor,
);

/** A deck file (YAML export or zip of a deck folder): every check of content:check, nothing written. */
export const previewDeckUploadAction = authedAction(
  deckUploadSchema,
  (input, user): Promise<DeckUploadPreview> => attempt(() => previewDeckUpload(user, input)),
  instructor,
);

export const importDeckUploadAction = authedAction(
  deckUploadSchema,
  async (input, user) => {
    const { imported } = await attempt(() => importDeckUpload(user, input, now()));
    revalidatePath(deckPath(input.deckId));
    redirect(`${deckPath(input.deckId)}?imported=${imported}`);
  },
  instructor,
);

'use client';
/** Deck details: creates a deck (with its first section) or edits an existing deck's metadata. */
import type { ServerAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import type { DeckRecord } from '@/lib/content/deck-record';
import { TextAreaField } from './form-controls';
import { HydrationGate } from './hydration-gate';
import { useActionForm } from './use-action-form';

/** Creates a deck (no `deck`) or edits one; `save` is the matching action, from the page. */
export function DeckMetaForm({ deck, save }: { deck?: DeckRecord; save: ServerAction<unknown> }) {
  const { onSubmit, pending, errors, error, message } = useActionForm<unknown>(save);
  return (
    <form onSubmit={onSubmit} className="form" noValidate data-testid="deck-meta-form">
      <HydrationGate>
        <FormAlert error={error} message={message} />
        {deck && <input type="hidden" name="deckId" value={deck.id} />}
        <Field name="title" label="Title" required maxLength={200} defaultValue={deck?.title} errors={errors?.title} />
        <div className="grid-2">
          <Field name="author" label="Author of the reading" required maxLength={200} defaultValue={deck?.author ?? ''} errors={errors?.author} />
          <Field name="publisher" label="Publisher (optional)" maxLength={200} defaultValue={deck?.publisher ?? ''} errors={errors?.publisher} />
        </div>
        <div className="grid-2">
          <Field name="sourceUrl" label="Source URL" type="url" inputMode="url" required placeholder="https://…" defaultValue={deck?.sourceUrl ?? ''} errors={errors?.sourceUrl} />
          <Field name="published" label="Published (optional)" type="date" defaultValue={deck?.published ?? ''} errors={errors?.published} />
        </div>
        <TextAreaField name="description" label="Description" rows={3} required maxLength={5000} hint="One paragraph: what the reading is about and what the deck covers." defaultValue={deck?.description} errors={errors?.description} />
        {!deck && (
          <fieldset className="fieldset">
            <legend>First section</legend>
            <p className="hint">Sections follow the reading (chapters, headings). You can add more later.</p>
            <Field name="sectionTitle" label="Section title" required maxLength={200} defaultValue="Introduction" errors={errors?.sectionTitle} />
            <TextAreaField name="sectionNotes" label="Study notes (optional)" rows={3} errors={errors?.sectionNotes} />
          </fieldset>
        )}
        <div>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? 'Saving…' : deck ? 'Save deck details' : 'Create deck'}
          </button>
        </div>
      </HydrationGate>
    </form>
  );
}

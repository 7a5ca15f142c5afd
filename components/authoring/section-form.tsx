'use client';
/** Adds a section, or renames one and edits its study notes. */
import { useEffect, useRef } from 'react';
import type { ServerAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import type { DeckSectionRecord } from '@/lib/content/deck-record';
import { TextAreaField } from './form-controls';
import { HydrationGate } from './hydration-gate';
import { useActionForm } from './use-action-form';

export function SectionForm({ deckId, section, saveSection }: { deckId: string; section?: DeckSectionRecord; saveSection: ServerAction<string> }) {
  const { onSubmit, pending, errors, error, message, state } = useActionForm<string>(saveSection);
  const idBase = `section-${section?.id ?? 'new'}`;
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // A new-section form starts empty again after each section it added.
    if (state?.ok && !section) form.current?.reset();
  }, [state, section]);
  return (
    <form ref={form} onSubmit={onSubmit} className="form" noValidate>
      <HydrationGate>
        <FormAlert error={error} message={message} />
        <input type="hidden" name="deckId" value={deckId} />
        {section && <input type="hidden" name="key" value={section.id} />}
        <Field id={`${idBase}-title`} name="title" label="Section title" required maxLength={200} defaultValue={section?.title} errors={errors?.title} />
        <TextAreaField
          id={`${idBase}-notes`}
          name="notes"
          label="Study notes"
          rows={section ? 6 : 3}
          hint="Shown to students with the section. Plain text; separate paragraphs with a blank line."
          defaultValue={section?.notes}
          errors={errors?.notes}
        />
        <div>
          <button type="submit" className="btn" disabled={pending}>
            {pending ? 'Saving…' : section ? 'Save section' : 'Add section'}
          </button>
        </div>
      </HydrationGate>
    </form>
  );
}

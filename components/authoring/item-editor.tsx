'use client';
/**
 * The item editor: type-specific fields plus section, explanation, evidence, tags and skill, with a
 * live preview. The server checks the draft with ItemSchema and answers with errors named like the
 * fields here (lib/content/item-form.ts); on success it redirects to the deck.
 */
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { ServerAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { ITEM_TYPE_LABELS, type ItemDraft } from '@/lib/content/item-form';
import { FieldErrors, SelectField, TextAreaField } from './form-controls';
import { HydrationGate, useHydrated } from './hydration-gate';
import { ItemPreview } from './item-preview';
import { ItemTypeFields, typeFieldKeys } from './item-type-fields';
import { useActionForm } from './use-action-form';

interface Props {
  saveItem: ServerAction<never>;
  deckId: string;
  /** Absent for a new item: the server makes its id. */
  itemId?: string;
  initial: ItemDraft;
  sections: readonly { id: string; title: string }[];
}

const COMMON_KEYS = ['section', 'skill', 'tags', 'evidence', 'evidenceQuote', 'evidenceParagraph', 'explanation'];
const ALSO_CLEARS: Record<string, string[]> = { correctOption: ['options'], evidenceQuote: ['evidence'], evidenceParagraph: ['evidence'] };
/** Error keys a change makes stale. Adding or removing an option renumbers them all. */
function editedFields(before: ItemDraft, patch: Partial<ItemDraft>): string[] {
  return Object.keys(patch).flatMap((key) => {
    const options = patch.options;
    if (key !== 'options' || !options) return [key, ...(ALSO_CLEARS[key] ?? [])];
    if (options.length !== before.options.length) return ['options', 'options.*'];
    return options.flatMap((o, i) => [
      ...(o.text !== before.options[i]?.text ? [`options.${i}.text`] : []),
      ...(o.explanation !== before.options[i]?.explanation ? [`options.${i}.explanation`] : []),
    ]);
  });
}

const EXPLANATION_REQUIRED = new Set(['truefalse', 'typed', 'ordering']);

export function ItemEditor({ deckId, itemId, initial, sections, saveItem }: Props) {
  const [draft, setDraft] = useState(initial);
  const hydrated = useHydrated();
  const { state, submit, pending, error, errors: serverErrors = {} } = useActionForm<never>(saveItem);
  // Fields edited since the server answered: their old errors no longer apply, so they are hidden.
  const [edited, setEdited] = useState<{ answer: typeof state; keys: Set<string> }>({ answer: null, keys: new Set() });
  const editedKeys = edited.answer === state ? edited.keys : new Set<string>();
  const set = (patch: Partial<ItemDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setEdited({ answer: state, keys: new Set([...editedKeys, ...editedFields(draft, patch)]) });
  };
  const errors = Object.fromEntries(
    Object.entries(serverErrors).filter(([key]) => !editedKeys.has(key) && !(key.startsWith('options.') && editedKeys.has('options.*'))),
  );

  // The Save button is at the bottom: bring the first problem into view and put the cursor there.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state || state.ok || !form.current) return;
    const first = form.current.querySelector<HTMLElement>('.field-error') ?? form.current.querySelector<HTMLElement>('[data-testid="form-error"]');
    first?.scrollIntoView({ block: 'center' });
    first?.closest('.field, fieldset')?.querySelector<HTMLElement>('input, textarea, select')?.focus({ preventScroll: true });
  }, [state]);
  // Errors no field shows (e.g. for an option since removed) still reach the author.
  const shown = new Set([...COMMON_KEYS, ...typeFieldKeys(draft)]);
  const other = Object.entries(errors).filter(([key]) => !shown.has(key));

  return (
    <div className="editor-layout">
      <form
        ref={form}
        id="item-form"
        className="form card"
        noValidate
        data-testid="item-editor"
        onSubmit={(e) => {
          e.preventDefault();
          submit({ ...draft, deckId, ...(itemId ? { itemId } : {}) });
        }}
      >
        <HydrationGate>
          <FormAlert error={error} />
          {other.length > 0 && (
            <ul className="field-error" data-testid="other-errors">
              {other.map(([key, messages]) => (
                <li key={key}>{key === '_form' ? messages?.join(' ') : `${key}: ${messages?.join(' ')}`}</li>
              ))}
            </ul>
          )}
          {itemId && (
            <p className="row">
              <span className="badge badge-accent" data-testid="item-type">
                {ITEM_TYPE_LABELS[draft.type]}
              </span>
              <span className="small muted">id {itemId}</span>
            </p>
          )}
          <SelectField name="section" label="Section" value={draft.section} onChange={(e) => set({ section: e.target.value })} errors={errors.section}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </SelectField>

          <ItemTypeFields draft={draft} set={set} errors={errors} />

          <TextAreaField
            name="explanation"
            label={EXPLANATION_REQUIRED.has(draft.type) ? 'Explanation' : 'Explanation (optional)'}
            rows={2}
            value={draft.explanation}
            onChange={(e) => set({ explanation: e.target.value })}
            errors={errors.explanation}
            hint="Shown after the answer: why it is right, in the author's terms."
          />
          <fieldset className="fieldset" aria-describedby={errors.evidence?.length ? 'evidence-error' : undefined}>
            <legend>Evidence from the reading</legend>
            <p className="hint">A short verbatim quote (at most 30 words), a paragraph reference, or both.</p>
            <FieldErrors id="evidence-error" errors={errors.evidence} />
            <TextAreaField name="evidenceQuote" label="Quote" rows={2} value={draft.evidenceQuote} onChange={(e) => set({ evidenceQuote: e.target.value })} errors={errors.evidenceQuote} />
            <Field name="evidenceParagraph" label="Paragraph" placeholder="Introduction, ¶2" value={draft.evidenceParagraph} onChange={(e) => set({ evidenceParagraph: e.target.value })} errors={errors.evidenceParagraph} />
          </fieldset>
          <div className="grid-2">
            <Field name="tags" label="Tags (optional)" hint="Separated by spaces or commas." value={draft.tags} onChange={(e) => set({ tags: e.target.value })} errors={errors.tags} />
            <SelectField name="skill" label="Skill" value={draft.skill} onChange={(e) => set({ skill: e.target.value as ItemDraft['skill'] })} errors={errors.skill}>
              <option value="recall">Recall (facts)</option>
              <option value="understanding">Understanding (the argument)</option>
            </SelectField>
          </div>
        </HydrationGate>
      </form>
      <ItemPreview draft={draft} />
      {/* After the preview in the markup, so on a phone the author checks the preview on the way to Save. */}
      <div className="row editor-actions">
        <button type="submit" form="item-form" className="btn btn-primary" disabled={pending || !hydrated}>
          {pending ? 'Saving…' : 'Save item'}
        </button>
        <Link className="btn" href={`/teach/decks/${deckId}`}>
          Cancel
        </Link>
      </div>
    </div>
  );
}

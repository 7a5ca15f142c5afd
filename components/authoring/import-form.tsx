'use client';
/**
 * CSV/TSV import in two steps: preview (the server checks every row and writes nothing), then
 * "Import N valid rows". Editing the text throws the preview away, so what is imported is always
 * exactly what was previewed.
 */
import { useState } from 'react';
import type { ServerAction } from '@/lib/actions/result';
import type { ImportPreview } from '@/lib/content/import-rows';
import { FormAlert } from '@/components/ui/form-alert';
import { IMPORT_MAX_BYTES } from '@/lib/content/import-csv';
import { TextAreaField } from './form-controls';
import { HydrationGate } from './hydration-gate';
import { useActionForm } from './use-action-form';
import { plural } from '@/lib/text/plural';

export interface ImportActions {
  preview: ServerAction<ImportPreview>;
  commit: ServerAction<never>;
}

export function ImportForm({ deckId, sections, actions }: { deckId: string; sections: readonly { id: string; title: string }[]; actions: ImportActions }) {
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string>();
  const preview = useActionForm<ImportPreview>(actions.preview);
  const commit = useActionForm<never>(actions.commit);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const result = preview.state?.ok && previewed === text ? preview.state.data : undefined;

  const onFile = async (file: File | undefined) => {
    setFileError(undefined);
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) return setFileError('That file is larger than 800 KB; split it.');
    setText(await file.text());
    setPreviewed(null);
  };

  return (
    <div className="stack">
      <form
        className="form card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setPreviewed(text);
          preview.submit({ deckId, text });
        }}
      >
        <HydrationGate>
          <FormAlert error={preview.error ?? commit.error} />
          <div className="field">
            <label htmlFor="import-file">Upload a file (.txt, .tsv, .csv)</label>
            <input id="import-file" type="file" accept=".txt,.tsv,.csv,text/plain,text/csv,text/tab-separated-values" onChange={(e) => {
                void onFile(e.target.files?.[0]);
                // Emptied once read, so choosing the same file again (edited since) reads it again:
                // browsers fire no change event for the file already selected.
                e.target.value = '';
              }}
            />
            {fileError && <p className="field-error">{fileError}</p>}
          </div>
          <TextAreaField
            name="text"
            label="…or paste the rows"
            rows={8}
            className="mono"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPreviewed(null);
            }}
            errors={preview.errors?.text ?? commit.errors?.text}
            hint={
              <>
                One card per line: front, back, then optionally tags and section, separated by a tab (as Anki and Quizlet export) or a comma (CSV, with
                &quot;quotes&quot; around text that contains commas or line breaks). A header row such as <code>front,back,tags,section</code> is recognised,
                and so is this app&apos;s CSV export, which brings back every item type with all its fields (columns in content/README.md).
                Sections: {sections.map((s) => s.title).join(', ')}.
              </>
            }
          />
          <div>
            <button type="submit" className="btn" disabled={preview.pending || !text.trim()}>
              {preview.pending ? 'Checking…' : 'Preview'}
            </button>
          </div>
        </HydrationGate>
      </form>

      {result && (
        <section className="card stack" aria-labelledby="preview-heading" data-testid="import-preview">
          <div className="row preview-head">
            <h2 id="preview-heading">Preview</h2>
            <p className="muted" style={{ margin: 0 }}>
              {result.valid} of {result.rows.length} rows can be imported. Nothing has been saved yet.
            </p>
          </div>
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Type</th>
                <th scope="col">Front</th>
                <th scope="col">Back</th>
                <th scope="col">Section and tags</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.line} className={row.errors.length ? 'is-bad' : undefined} data-testid="import-row">
                  <td data-label="Line">
                    <div>{row.line}</div>
                  </td>
                  <td data-label="Type">
                    <div>{row.type}</div>
                  </td>
                  <td data-label="Front">
                    <div>{row.front || <span className="muted">(empty)</span>}</div>
                  </td>
                  <td data-label="Back">
                    <div className="pre-line">{row.back || <span className="muted">{row.type === 'cloze' ? '(the blanks)' : '(empty)'}</span>}</div>
                  </td>
                  <td data-label="Section and tags">
                    <div>
                      {sections.find((s) => s.id === row.section)?.title}
                      {row.tags.length > 0 && <span className="small muted"> · {row.tags.join(' ')}</span>}
                    </div>
                  </td>
                  <td data-label="Status">
                    {/* One wrapper per cell: on phones each cell is a label/value grid. */}
                    <div>
                      {row.errors.length ? (
                        row.errors.map((e) => (
                          <p className="field-error" key={e}>
                            {e}
                          </p>
                        ))
                      ) : (
                        <span className="badge badge-good">OK</span>
                      )}
                      {row.notes.map((n) => (
                        <p className="small muted" key={n} style={{ margin: 0 }}>
                          {n}
                        </p>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.valid > 0 ? (
            <div>
              <button type="button" className="btn btn-primary" disabled={commit.pending} onClick={() => commit.submit({ deckId, text })}>
                {commit.pending ? 'Importing…' : `Import ${plural(result.valid, 'valid row')}`}
              </button>
              <p className="hint">A row without a quote or paragraph cites its section as evidence; add a quote later in the editor.</p>
            </div>
          ) : (
            <p className="field-error">No row can be imported; fix the text and preview again.</p>
          )}
        </section>
      )}
    </div>
  );
}

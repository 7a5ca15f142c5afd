'use client';
/**
 * Importing a deck in the content format: the YAML export of a deck, or a zip of a deck folder
 * (deck.yaml + items/*.yaml). "Check file" runs every check of content:check on the server and
 * writes nothing; the import is offered only for a file without errors. The page hands in the two
 * server actions (components import no values from app/).
 */
import { useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { IMPORT_MAX_BYTES } from '@/lib/content/import-csv';
import { ZIP_MAX_BYTES, type DeckUploadPreview } from '@/lib/content/deck-upload-preview';
import { plural } from '@/lib/text/plural';
import { HydrationGate } from './hydration-gate';
import { useActionForm } from './use-action-form';

type Action<T> = (prev: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<T>>;
type Upload = { format: 'yaml' | 'zip'; data: string; name: string };

const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

/** The file's bytes as base64 (a data: URL without its head), for the zip branch of the action. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(file);
  });
}

export function DeckFileImport({ deckId, preview: previewAction, commit: commitAction }: { deckId: string; preview: Action<DeckUploadPreview>; commit: Action<never> }) {
  const [upload, setUpload] = useState<Upload>();
  const [fileError, setFileError] = useState<string>();
  const [checked, setChecked] = useState<Upload>();
  const preview = useActionForm<DeckUploadPreview>(previewAction);
  const commit = useActionForm<never>(commitAction);
  const result = preview.state?.ok && checked === upload ? preview.state.data : undefined;

  const onFile = async (file: File | undefined) => {
    setFileError(undefined);
    setUpload(undefined);
    if (!file) return;
    const zip = /\.zip$/i.test(file.name);
    if (!zip && !/\.ya?ml$/i.test(file.name)) return setFileError('Choose a .yaml or .zip file.');
    const max = zip ? ZIP_MAX_BYTES : IMPORT_MAX_BYTES;
    if (file.size > max) return setFileError(`That file is larger than ${kb(max)}.`);
    setUpload({ format: zip ? 'zip' : 'yaml', data: zip ? await base64Of(file) : await file.text(), name: file.name });
  };
  const send = (u: Upload) => ({ deckId, format: u.format, data: u.data });

  return (
    <section className="card stack" aria-labelledby="deck-file-heading" data-testid="deck-file-import">
      <h2 id="deck-file-heading">Import a deck file</h2>
      <p className="muted" style={{ margin: 0 }}>
        The YAML export of a deck, or a zip of a deck folder (deck.yaml and items/*.yaml). It is checked as <code>npm run content:check</code> checks a
        folder; nothing is saved until you import it.
      </p>
      <HydrationGate>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!upload) return;
            setChecked(upload);
            preview.submit(send(upload));
          }}
        >
          <FormAlert error={preview.error ?? commit.error} />
          <div className="field">
            <label htmlFor="deck-file">Deck file (.yaml, .zip)</label>
            <input id="deck-file" type="file" accept=".yaml,.yml,.zip,application/yaml,application/zip" onChange={(e) => {
                void onFile(e.target.files?.[0]);
                // Emptied once read, so choosing the same file again (edited since) reads it again:
                // browsers fire no change event for the file already selected.
                e.target.value = '';
              }}
            />
            {fileError && <p className="field-error">{fileError}</p>}
            {(preview.errors?.data ?? commit.errors?.data)?.map((m) => (
              <p className="field-error" key={m}>
                {m}
              </p>
            ))}
          </div>
          <div>
            <button type="submit" className="btn" disabled={preview.pending || !upload}>
              {preview.pending ? 'Checking…' : 'Check file'}
            </button>
          </div>
        </form>
      </HydrationGate>

      {result && upload && (
        <div className="stack" data-testid="deck-file-preview">
          <div className="row preview-head">
            <h3 style={{ margin: 0 }}>{upload.name}</h3>
            <p className="muted" style={{ margin: 0 }}>
              {result.errors.length > 0
                ? `${plural(result.errors.length, 'error')}: fix the file and check it again. Nothing has been saved.`
                : `${plural(result.items.length, 'item')} can be imported. Nothing has been saved yet.`}
            </p>
          </div>
          {result.errors.length > 0 && (
            <ul className="stack" data-testid="deck-file-errors" style={{ margin: 0, paddingLeft: '1.2rem' }}>
              {result.errors.map((e) => (
                <li className="field-error mono" key={e}>
                  {e}
                </li>
              ))}
            </ul>
          )}
          {result.warnings.length > 0 && (
            <details>
              <summary>{plural(result.warnings.length, 'warning')}</summary>
              <ul className="small muted">
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          )}
          {result.errors.length === 0 && (
            <>
              {result.newSections.length > 0 && <p className="small">Adds {plural(result.newSections.length, 'section')}: {result.newSections.join(', ')}.</p>}
              <table className="import-table">
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Type</th>
                    <th scope="col">Section</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((item) => (
                    <tr key={item.id} data-testid="deck-file-item">
                      <td data-label="Item">
                        <div>
                          {item.prompt}
                          {item.note && <p className="small muted" style={{ margin: 0 }}>{item.note}</p>}
                        </div>
                      </td>
                      <td data-label="Type">
                        <div>{item.type}</div>
                      </td>
                      <td data-label="Section">
                        <div>{item.section}</div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div>
                <button type="button" className="btn btn-primary" disabled={commit.pending} onClick={() => commit.submit(send(upload))}>
                  {commit.pending ? 'Importing…' : `Import ${plural(result.items.length, 'item')}`}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

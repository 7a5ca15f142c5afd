import type { Metadata } from 'next';
import '@/components/authoring/authoring.css';
import { DeckFileImport } from '@/components/authoring/deck-file-import';
import { ImportForm } from '@/components/authoring/import-form';
import { importRowsAction, previewImportAction } from '@/app/(teach)/teach/decks/actions';
import { importDeckUploadAction, previewDeckUploadAction } from '../../actions';
import { DeckCrumbs, editableDeckOr404 } from '../../_lib/editable-deck';

export const metadata: Metadata = { title: 'Import items' };

export default async function ImportPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deck } = await editableDeckOr404((await params).deckId);
  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <DeckCrumbs deck={deck} />
          <h1>Import items</h1>
          <p className="muted" style={{ margin: 0 }}>
            From Anki (Notes in Plain Text), Quizlet (export), a spreadsheet saved as CSV, this app’s CSV export, or a deck file. You see every row before anything is saved.
          </p>
        </div>
      </div>
      <ImportForm deckId={deck.id} sections={deck.sections} actions={{ preview: previewImportAction, commit: importRowsAction }} />
      <DeckFileImport deckId={deck.id} preview={previewDeckUploadAction} commit={importDeckUploadAction} />
    </div>
  );
}

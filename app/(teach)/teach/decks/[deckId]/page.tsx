import type { Metadata } from 'next';
import Link from 'next/link';
import '@/components/authoring/authoring.css';
import { DeckMetaForm } from '@/components/authoring/deck-meta-form';
import { ItemList } from '@/components/authoring/item-list';
import { LintPanel } from '@/components/authoring/lint-panel';
import { ReportsPanel } from '@/components/authoring/reports-panel';
import { reportsForDeck } from '@/db/queries/card-reports';
import { studySettingsFor } from '@/db/queries/settings';
import { requireRole } from '@/app/_lib/session';
import { handleReportAction } from '../report-actions';
import { MoveSectionButtons } from '@/components/authoring/move-section-buttons';
import { SectionForm } from '@/components/authoring/section-form';
import { moveSectionAction, saveSectionAction, updateDeckMetaAction } from '@/app/(teach)/teach/decks/actions';
import { ITEM_TYPE_LABELS, itemHeadline } from '@/lib/content/item-form';
import { lintDeck } from '@/lib/content/lint';
import { ITEM_TYPES } from '@/lib/content/schema';
import { editableDeckOr404 } from '../_lib/editable-deck';
import { plural } from '@/lib/text/plural';

export const metadata: Metadata = { title: 'Edit deck' };

interface Props {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<{ saved?: string; imported?: string; deleted?: string }>;
}

function flash(q: Awaited<Props['searchParams']>): string | undefined {
  if (q.saved) return 'Item saved.';
  if (q.imported) return `Imported ${plural(Number(q.imported) || 0, 'item')}.`;
  if (q.deleted) return 'Item deleted. Students keep their past reviews of it.';
  return undefined;
}

export default async function DeckEditorPage({ params, searchParams }: Props) {
  const { deck, items } = await editableDeckOr404((await params).deckId);
  const query = await searchParams;
  const message = flash(query);
  const base = `/teach/decks/${deck.id}`;
  // Decks written in the browser have no deck.yaml thresholds: the lint's defaults apply.
  const lint = lintDeck(items);
  const headlines = Object.fromEntries(items.map((it) => [it.id, itemHeadline(it)]));
  const user = await requireRole('instructor');
  const reports = await reportsForDeck(user.id, deck.id);
  const openReports = reports.filter((r) => r.status === 'open');
  const reportCounts: Record<string, number> = {};
  for (const r of openReports) reportCounts[r.itemId] = (reportCounts[r.itemId] ?? 0) + 1;

  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <p className="small muted crumbs">
            <Link href="/teach">Teaching</Link> / <Link href="/teach/decks">Decks</Link>
          </p>
          <h1 data-testid="deck-title">{deck.title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {deck.author && `by ${deck.author} · `}
            {plural(items.length, 'item')}
            {openReports.length > 0 && (
              <>
                {' · '}
                <a href="#reports" data-testid="open-report-count">
                  {plural(openReports.length, 'open report')}
                </a>
              </>
            )}
          </p>
        </div>
        <div className="row">
          <Link className="btn" href={`${base}/import`}>
            Import CSV/TSV or deck file
          </Link>
          <a className="btn" href={`${base}/export.csv`} download>
            Export CSV
          </a>
          <a className="btn" href={`${base}/export.yaml`} download>
            Export YAML
          </a>
        </div>
      </div>

      {message && (
        <div className="alert alert-ok flash" role="status" data-testid="flash">
          {message}
        </div>
      )}

      <LintPanel deckId={deck.id} report={lint} headlines={headlines} />
      <ReportsPanel deckId={deck.id} reports={reports} timeZone={(await studySettingsFor(user.id)).timeZone} answer={handleReportAction} />

      <form className="card add-item" action={`${base}/items/new`} method="get" aria-labelledby="add-item-heading">
        <h2 id="add-item-heading">Add an item</h2>
        <div className="add-item-fields">
          <div className="field">
            <label htmlFor="new-type">Type</label>
            <select id="new-type" name="type" defaultValue="basic">
              {ITEM_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ITEM_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-section">Section</label>
            <select id="new-section" name="section">
              {deck.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary">
            Add item
          </button>
        </div>
      </form>

      <div className="stack" style={{ marginTop: '1rem' }}>
        {deck.sections.map((section, i) => (
          <section key={section.id} className="card section-card" aria-labelledby={`sec-${section.id}`} data-testid={`section-${section.id}`}>
            <div className="section-head">
              <h2 id={`sec-${section.id}`}>
                {i + 1}. {section.title}
              </h2>
              <MoveSectionButtons deckId={deck.id} sectionKey={section.id} title={section.title} first={i === 0} last={i === deck.sections.length - 1} moveSection={moveSectionAction} />
            </div>
            {!section.notes && <p className="small muted">No study notes yet.</p>}
            <ItemList deckId={deck.id} items={items.filter((it) => it.section === section.id)} savedId={query.saved} reportCounts={reportCounts} />
            <details className="disclosure">
              <summary>Edit section title and notes</summary>
              <SectionForm deckId={deck.id} section={section} saveSection={saveSectionAction} />
            </details>
          </section>
        ))}
        <details className="card disclosure">
          <summary>Add a section</summary>
          <SectionForm deckId={deck.id} saveSection={saveSectionAction} />
        </details>
        <details className="card disclosure">
          <summary>Deck details</summary>
          <DeckMetaForm deck={deck} save={updateDeckMetaAction} />
        </details>
      </div>
    </div>
  );
}

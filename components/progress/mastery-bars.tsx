/**
 * How much of each deck and section is mastered: one stacked bar (mastered, learning, new,
 * suspended) per deck, then per section, with the counts written out beside it. With more than a
 * couple of decks only the deck asked for in the URL (?sections=<deck>) lists its sections: a
 * student in many classes had 176 section bars to scroll past on a phone (a 430 KB page).
 * Section titles are plain links, not one client component each.
 */
import type { DeckMastery } from '@/db/queries/progress-cards';
import type { MasteryCounts } from '@/lib/stats';

const PARTS = [
  { key: 'mastered', label: 'mastered' },
  { key: 'learning', label: 'learning' },
  { key: 'new', label: 'new' },
  { key: 'suspended', label: 'suspended' },
] as const;

function MasteryBar({ counts }: { counts: MasteryCounts }) {
  return (
    <div className="mastery-bar" aria-hidden="true">
      {PARTS.map(({ key }) =>
        counts[key] > 0 ? <span key={key} className={`seg seg-${key}`} style={{ width: `${(counts[key] / Math.max(1, counts.total)) * 100}%` }} /> : null,
      )}
    </div>
  );
}

function CountsText({ counts }: { counts: MasteryCounts }) {
  const parts = PARTS.filter(({ key }) => key !== 'suspended' || counts.suspended > 0);
  return (
    <p className="mastery-counts small muted">
      {parts.map(({ key, label }, i) => (
        <span key={key}>
          {i > 0 && ' · '}
          <strong className={`mc-${key}`}>{counts[key]}</strong> {label}
        </span>
      ))}
      <span>
        {' '}of {counts.total}
      </span>
    </p>
  );
}

export function MasteryLegend() {
  return (
    <p className="mastery-legend small muted" aria-hidden="true">
      {PARTS.map(({ key, label }) => (
        <span key={key}>
          <span className={`swatch seg-${key}`} /> {label}
        </span>
      ))}
    </p>
  );
}

/** Up to this many decks, their sections are shown open. */
export const OPEN_SECTIONS_UP_TO = 2;

function SectionBars({ deckId, sections }: { deckId: string; sections: DeckMastery['sections'] }) {
  return (
    <ul className="mastery-sections">
      {sections.map((s) => (
        <li key={s.key}>
          <a href={`/decks/${deckId}/notes#${s.key}`} className="mastery-section-title">
            {s.title}
          </a>
          <MasteryBar counts={s.counts} />
          <CountsText counts={s.counts} />
        </li>
      ))}
    </ul>
  );
}

export function MasteryBars({ decks, expanded = null }: { decks: DeckMastery[]; expanded?: string | null }) {
  const all = decks.length <= OPEN_SECTIONS_UP_TO;
  return (
    <ul className="mastery-list">
      {decks.map((deck) => {
        const open = all || deck.id === expanded;
        return (
          <li key={deck.id} className="mastery-deck" id={`mastery-${deck.id}`} data-testid={`mastery-${deck.id}`}>
            <h3>{deck.title}</h3>
            <MasteryBar counts={deck.counts} />
            <CountsText counts={deck.counts} />
            {deck.sections.length > 1 && open && <SectionBars deckId={deck.id} sections={deck.sections} />}
            {deck.sections.length > 1 && !all && (
              <a className="mastery-toggle small" href={open ? `/progress#mastery-${deck.id}` : `/progress?sections=${encodeURIComponent(deck.id)}#mastery-${deck.id}`} data-testid="mastery-toggle">
                {open ? 'Hide sections' : `By section (${deck.sections.length})`}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * How much of each deck and section is mastered: one stacked bar (mastered, learning, new,
 * suspended) per deck, then per section, with the counts written out beside it.
 */
import Link from 'next/link';
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

export function MasteryBars({ decks }: { decks: DeckMastery[] }) {
  return (
    <ul className="mastery-list">
      {decks.map((deck) => (
        <li key={deck.id} className="mastery-deck" data-testid={`mastery-${deck.id}`}>
          <h3>{deck.title}</h3>
          <MasteryBar counts={deck.counts} />
          <CountsText counts={deck.counts} />
          {deck.sections.length > 1 && (
            <ul className="mastery-sections">
              {deck.sections.map((s) => (
                <li key={s.key}>
                  <Link href={`/decks/${deck.id}/notes#${s.key}`} className="mastery-section-title">
                    {s.title}
                  </Link>
                  <MasteryBar counts={s.counts} />
                  <CountsText counts={s.counts} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

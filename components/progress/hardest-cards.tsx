/** The cards a learner forgets most, each with a link to the study notes of its section. */
import Link from 'next/link';
import type { HardCard } from '@/db/queries/progress-cards';
import { formatPercent, plural } from './format';

export function HardestCards({ cards }: { cards: HardCard[] }) {
  return (
    <ol className="hard-list" data-testid="hardest-cards">
      {cards.map((c) => (
        <li key={c.cardId}>
          <p className="hard-prompt">{c.prompt}</p>
          <p className="small muted hard-meta">
            <span>{plural(c.lapses, 'lapse')}</span>
            <span>
              Again {formatPercent(c.againRate)} of {plural(c.reviews, 'review')}
            </span>
            <span>difficulty {c.difficulty.toFixed(1)} / 10</span>
          </p>
          <Link className="small" href={`/decks/${c.deckId}/notes#${c.sectionKey}`}>
            Read the notes: {c.sectionTitle}
          </Link>
        </li>
      ))}
    </ol>
  );
}

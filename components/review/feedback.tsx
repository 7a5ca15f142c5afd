/** What teaches after an answer: the explanation, the passage it comes from, and the way back to the notes. */
import type { ReviewCard } from '@/lib/review/types';

export function Feedback({ card, deckId }: { card: ReviewCard; deckId: string }) {
  return (
    <div className="feedback" data-testid="feedback">
      {card.explanation && <p className="feedback-explanation">{card.explanation}</p>}
      {card.evidenceQuote && (
        <figure className="evidence" data-testid="evidence">
          <blockquote>“{card.evidenceQuote}”</blockquote>
          <figcaption>
            {card.sectionTitle}
            {card.evidenceRef ? ` · ${card.evidenceRef}` : ''}
          </figcaption>
        </figure>
      )}
      <a className="notes-link" href={`/decks/${deckId}/notes#${card.sectionKey}`} target="_blank" rel="noreferrer">
        Read the notes for “{card.sectionTitle}”
      </a>
    </div>
  );
}

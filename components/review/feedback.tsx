/** What teaches after an answer: the explanation, the passage it comes from, and the way back to the notes. */
import type { ReviewCard } from '@/lib/review/types';

/** Where the quote comes from, without repeating the section when the reference already names it. */
function evidenceSource(card: ReviewCard): string {
  if (!card.evidenceRef) return card.sectionTitle;
  return card.evidenceRef.startsWith(card.sectionTitle) ? card.evidenceRef : `${card.sectionTitle} · ${card.evidenceRef}`;
}

export function Feedback({ card, deckId }: { card: ReviewCard; deckId: string }) {
  return (
    <div className="feedback" data-testid="feedback">
      {card.explanation && <p className="feedback-explanation">{card.explanation}</p>}
      {card.evidenceQuote && (
        <figure className="evidence" data-testid="evidence">
          <blockquote>“{card.evidenceQuote}”</blockquote>
          <figcaption>{evidenceSource(card)}</figcaption>
        </figure>
      )}
      {/* An item may cite its paragraph without quoting it: the reference still says where to look. */}
      {!card.evidenceQuote && card.evidenceRef && (
        <p className="feedback-ref" data-testid="evidence-ref">
          In the reading: {evidenceSource(card)}
        </p>
      )}
      <a className="notes-link" href={`/decks/${deckId}/notes#${card.sectionKey}`} target="_blank" rel="noreferrer">
        Read the notes for “{card.sectionTitle}”
      </a>
    </div>
  );
}

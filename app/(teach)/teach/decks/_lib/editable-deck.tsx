/**
 * What every deck-editor page starts with: an instructor, a well-formed deck id, and a deck they
 * own (404 otherwise, so other instructors' deck ids are not revealed); and the breadcrumb back.
 */
import 'server-only';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deckForEditor } from '@/db/queries/authoring-decks';
import { requireRole } from '@/app/_lib/session';
import { SLUG_RE } from '@/lib/content/schema';

export async function editableDeckOr404(deckId: string) {
  const user = await requireRole('instructor');
  const editable = SLUG_RE.test(deckId) ? await deckForEditor(user, deckId) : null;
  if (!editable) notFound();
  return editable;
}

export function DeckCrumbs({ deck }: { deck: { id: string; title: string } }) {
  return (
    <p className="small muted crumbs">
      <Link href="/teach/decks">Decks</Link> / <Link href={`/teach/decks/${deck.id}`}>{deck.title}</Link>
    </p>
  );
}

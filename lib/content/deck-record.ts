// A deck's metadata as the database keeps it. A deck.yaml (DeckMeta) fits this
// shape; so does a deck written in the browser, which may still lack what
// content:check insists on (a publication date, study notes). Shared by the db
// writer, the editor and the exports.

export interface DeckSectionRecord {
  /** The section key (a slug); never reused for another section. */
  id: string;
  title: string;
  notes: string;
}

export interface DeckRecord {
  id: string;
  title: string;
  author: string | null;
  publisher?: string | null;
  published?: string | null;
  sourceUrl?: string | null;
  description: string;
  /** Background from outside the reading, shown with the notes and never quizzed (deck.yaml `context`). */
  context?: string | null;
  /** In study order. */
  sections: readonly DeckSectionRecord[];
}

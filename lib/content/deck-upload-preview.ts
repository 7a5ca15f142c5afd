// What the browser and the server share about a deck-file upload (deck-upload.ts): the size limits
// the import page checks before sending, and the preview the server answers with. Kept apart from
// deck-upload.ts so the page does not ship the zip and YAML readers.

/** The zip file itself: its base64 text (about 4/3 of it) must stay under the 1 MB action body limit. */
export const ZIP_MAX_BYTES = 560_000;

export interface DeckUploadPreview {
  /** The file's deck title, when it has one. */
  title?: string;
  items: { id: string; type: string; section: string; prompt: string; note?: string }[];
  /** Titles of the file's sections the deck does not have yet; the import adds them. */
  newSections: string[];
  /** As content:check prints them: `items/01-items.yaml: item-id: message`. Any error and nothing is imported. */
  errors: string[];
  warnings: string[];
}

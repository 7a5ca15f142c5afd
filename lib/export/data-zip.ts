/**
 * The "Take my data" zip (issue 17), built with fflate: a README saying what each file holds,
 * data.json (everything, as JSON), review-history.csv (the same file as /progress/export) and
 * each deck the user wrote in the content format (decks/<id>.yaml, like the deck's YAML export).
 * Pure: the caller reads the data.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface DataExportParts {
  json: unknown;
  reviewHistoryCsv: string;
  decks: { id: string; yaml: string }[];
  exportedAt: Date;
}

export const DATA_EXPORT_README = `What this download holds (Recall, "Take my data")

data.json            everything Recall keeps about you, as JSON:
                     profile (name, email, role, when you signed up and confirmed your email),
                     settings, enrolments (class, instructor, when you joined), every review
                     (rating 1 Again, 2 Hard, 3 Good, 4 Easy; undone ones marked), every quiz
                     attempt with its answers, typed answers marked wrong, your "I was right"
                     requests, signed-in devices and memory-model fits.
review-history.csv   your reviews, one a row, as on the Progress page's download.
decks/<id>.yaml      each deck you wrote, in the format Recall imports (instructors only).

Times are UTC (ISO 8601).
`;

/** The zip's bytes. Entry times are the export's, so two exports of the same data differ only there. */
export function buildDataZip(parts: DataExportParts): Uint8Array {
  const mtime = parts.exportedAt;
  const files: Zippable = {
    'README.txt': [strToU8(DATA_EXPORT_README), { mtime }],
    'data.json': [strToU8(`${JSON.stringify({ exportedAt: parts.exportedAt.toISOString(), ...asObject(parts.json) }, null, 2)}\n`), { mtime }],
    'review-history.csv': [strToU8(parts.reviewHistoryCsv), { mtime }],
  };
  for (const deck of parts.decks) files[`decks/${deck.id}.yaml`] = [strToU8(deck.yaml), { mtime }];
  return zipSync(files, { level: 6 });
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { data: value };
}

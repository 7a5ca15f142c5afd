/** GET: the deck as CSV, one row per item (lib/content/export-csv.ts, columns in csv-layout.ts). */
import { itemsToCsv } from '@/lib/content/export-csv';
import { download, exportRequest, type ExportParams } from '../../_lib/export-request';

export async function GET(_request: Request, context: ExportParams) {
  const found = await exportRequest(context);
  if (found instanceof Response) return found;
  // The byte-order mark makes Excel read the file as UTF-8; the importer skips it.
  return download(`\uFEFF${itemsToCsv(found.deck.sections, found.items)}`, `${found.deck.id}.csv`, 'text/csv');
}

/**
 * Students' open reports on the shared decks, for whoever maintains content/ (the app shows each
 * instructor their own students' reports; a student in no class reaches only this list).
 *   npm run reports            one line per report, by deck and item
 * DATABASE_URL chooses the engine as it does for the app (unset: the SQLite file).
 */
import { openEngine } from '../db/engine/open';
import { openSharedDeckReports } from '../db/admin/shared-deck-reports';

const db = await openEngine();
try {
  const reports = await openSharedDeckReports(db);
  if (reports.length === 0) console.log('No open reports on the shared decks.');
  let last = '';
  for (const r of reports) {
    const where = `content/${r.deckId}, item ${r.itemId}`;
    if (where !== last) console.log(`\n${where}: ${r.prompt}`);
    last = where;
    const day = new Date(r.updatedAt).toISOString().slice(0, 10);
    console.log(`  #${r.id} ${r.reason} (in a ${r.source}, ${day})${r.note ? `: ${r.note}` : ''}`);
  }
} finally {
  await db.close();
}

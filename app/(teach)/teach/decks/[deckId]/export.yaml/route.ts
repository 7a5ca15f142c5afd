/** GET: the deck in the content/ file format as one YAML document (lib/content/export-yaml.ts). */
import { now } from '@/lib/clock';
import { deckToYaml } from '@/lib/content/export-yaml';
import { download, exportRequest, type ExportParams } from '../../_lib/export-request';

export async function GET(_request: Request, context: ExportParams) {
  const found = await exportRequest(context);
  if (found instanceof Response) return found;
  return download(deckToYaml(found.deck, found.items, now()), `${found.deck.id}.yaml`, 'application/yaml');
}

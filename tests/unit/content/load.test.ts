import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { listDeckDirs, readAllDecks, readDeckDir } from '@/lib/content/load';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'content-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text: string) {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

write('README.md', '# not a deck');
write('alpha/deck.yaml', 'id: alpha\n');
write('alpha/items/b.yaml', '- id: b1\n- id: b2\n');
write('alpha/items/a.yaml', '- id: a1\n');
write('alpha/items/notes.txt', 'ignored');
write('alpha/items/empty.yaml', '');
write('beta/deck.yaml', 'id: beta\n');
write('beta/items/x.yaml', 'id: not-a-list\n');
write('_drafts/deck.yaml', 'id: drafts\n');
write('.hidden/deck.yaml', 'id: hidden\n');
write('no-deck/items/x.yaml', '- id: x\n');

describe('load', () => {
  it('finds deck folders, skipping _ and . folders, plain files and folders without deck.yaml', () => {
    expect(listDeckDirs(tmp).map((d) => path.basename(d))).toEqual(['alpha', 'beta']);
    expect(readAllDecks(tmp).map((d) => d.folder)).toEqual(['alpha', 'beta']);
    expect(listDeckDirs(path.join(tmp, 'missing'))).toEqual([]);
  });

  it('reads item files in filename order and tracks where each item came from', () => {
    const d = readDeckDir(path.join(tmp, 'alpha'));
    expect(d.deck).toEqual({ id: 'alpha' });
    expect(d.files).toEqual(['deck.yaml', 'items/a.yaml', 'items/b.yaml', 'items/empty.yaml']);
    expect(d.items).toEqual([
      { file: 'items/a.yaml', position: 1, data: { id: 'a1' } },
      { file: 'items/b.yaml', position: 1, data: { id: 'b1' } },
      { file: 'items/b.yaml', position: 2, data: { id: 'b2' } },
    ]);
    expect(d.errors).toEqual([]);
    expect(d.warnings).toEqual([{ file: 'items/empty.yaml', message: 'file has no items' }]);
  });

  it('rejects an items file that is not a list', () => {
    const d = readDeckDir(path.join(tmp, 'beta'));
    expect(d.errors).toEqual([{ file: 'items/x.yaml', message: expect.stringMatching(/must be a YAML list/) }]);
  });

  it('reports a missing deck.yaml', () => {
    const d = readDeckDir(path.join(tmp, 'no-deck'));
    expect(d.errors).toContainEqual({ file: 'deck.yaml', message: 'deck.yaml is missing' });
    expect(d.items).toHaveLength(1);
  });
});

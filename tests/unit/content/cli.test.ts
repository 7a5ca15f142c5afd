import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function run(deckDir: string) {
  const r = spawnSync('npx', ['tsx', 'scripts/content-check.mts', deckDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_SOURCE_DIR: 'tests/fixtures/source' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('content:check CLI', () => {
  it('exits 1 and prints file and item id for a broken deck', { timeout: 30_000 }, () => {
    const { status, out } = run('tests/fixtures/decks/duplicate-ids');
    expect(status).toBe(1);
    expect(out).toContain('tests/fixtures/decks/duplicate-ids/items/a.yaml: dup-item: duplicate item id');
    expect(out).toContain('tests/fixtures/decks/duplicate-ids/items/b.yaml: dup-item: duplicate item id');
  });

  it('exits 0 on a valid deck and prints its summary', { timeout: 30_000 }, () => {
    const { status, out } = run('tests/fixtures/decks/valid-mini');
    expect(status).toBe(0);
    expect(out).toMatch(/valid-mini: OK .*7 items, 8 cards, 4 quiz questions/);
  });

  it('runs typed items’ example answers through the checker and names each mismatch', { timeout: 30_000 }, () => {
    const ok = run('tests/fixtures/decks/typed-examples-pass');
    expect(ok.out).toMatch(/typed-examples-pass: OK/);
    expect(ok.status).toBe(0);
    const { status, out } = run('tests/fixtures/decks/typed-examples-fail');
    expect(status).toBe(1);
    expect(out).toContain('tests/fixtures/decks/typed-examples-fail/items/01-intro.yaml: csto-age: example “forty years” must be accepted, but the checker marks it wrong');
    expect(out).toContain('csto-age: example “three decades” must be rejected, but the checker accepts it: Accepted as “thirty years” (the same number).');
    expect(out).not.toContain('about 30 years');
    expect(out).toContain('2 errors');
  });

  it('does not call a deck OK when only its lint fails: the summary counts the lint errors', { timeout: 30_000 }, () => {
    const { status, out } = run('tests/fixtures/decks/lint-fails');
    expect(status).toBe(1);
    expect(out).toMatch(/lint-fails: 3 errors — 7 items/);
    expect(out).not.toMatch(/lint-fails: OK/);
    expect(out).toContain('lint key-length:');
  });
});

/**
 * Server-side table sorting from query parameters: which column, which way. Missing values
 * (no quiz yet, never active) always sort last, whichever way, so they never hide the data.
 */
export type SortDir = 'asc' | 'desc';

export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

/** The sort asked for in the URL, if it names a known column; otherwise the default. */
export function parseSort<K extends string>(key: unknown, dir: unknown, allowed: readonly K[], fallback: SortState<K>): SortState<K> {
  const k = allowed.find((a) => a === key);
  if (!k) return fallback;
  return { key: k, dir: dir === 'desc' ? 'desc' : 'asc' };
}

type Sortable = string | number | null | undefined;

/**
 * Rows sorted by `value(row)`; ties keep their order.
 * @example sortRows([{ n: 2 }, { n: null }, { n: 1 }], (r) => r.n, 'desc') // n: 2, 1, null
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => Sortable, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      const aMissing = a.v === null || a.v === undefined;
      const bMissing = b.v === null || b.v === undefined;
      if (aMissing || bMissing) return aMissing === bMissing ? a.i - b.i : aMissing ? 1 : -1;
      const cmp = typeof a.v === 'string' && typeof b.v === 'string' ? a.v.localeCompare(b.v, 'en', { sensitivity: 'base' }) : Number(a.v) - Number(b.v);
      return cmp === 0 ? a.i - b.i : sign * cmp;
    })
    .map((x) => x.row);
}

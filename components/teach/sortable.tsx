/**
 * Sortable table headers as plain links (`?sort=…&dir=…`): the server sorts, so it works without
 * JavaScript. On phones the header row is hidden and the same links show as a "Sort by" row.
 */
import type { SortState } from '@/lib/teach/sort';

export interface Column<K extends string> {
  key: K;
  label: string;
  num?: boolean;
}

interface Props<K extends string> {
  columns: readonly Column<K>[];
  sort: SortState<K>;
  /** The page's current query, kept in every link (other tables' sorts, the chosen assignment). */
  query: Record<string, string>;
  sortParam: string;
  dirParam: string;
  /** Fragment to land on, so the page doesn't jump back to the top. */
  anchor: string;
}

function hrefFor<K extends string>(p: Props<K>, key: K): string {
  const dir = p.sort.key === key && p.sort.dir === 'asc' ? 'desc' : 'asc';
  const params = new URLSearchParams({ ...p.query, [p.sortParam]: key, [p.dirParam]: dir });
  return `?${params.toString()}#${p.anchor}`;
}

export function SortableHead<K extends string>(props: Props<K>) {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => {
          const active = props.sort.key === c.key;
          return (
            <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={active ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
              <a href={hrefFor(props, c.key)}>
                {c.label}
                {active && <span aria-hidden="true">{props.sort.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
              </a>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export function SortLinks<K extends string>(props: Props<K>) {
  return (
    <nav className="sort-links" aria-label="Sort by">
      <span className="muted">Sort by</span>
      {props.columns.map((c) => (
        <a key={c.key} href={hrefFor(props, c.key)} aria-current={props.sort.key === c.key ? 'true' : undefined}>
          {c.label}
          {props.sort.key === c.key && (props.sort.dir === 'asc' ? ' ▲' : ' ▼')}
        </a>
      ))}
    </nav>
  );
}

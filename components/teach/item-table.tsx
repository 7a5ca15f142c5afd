/** Per-item analytics for one assignment: who studied it, how often it lapses, how quizzes go, what looks broken. */
import { percent } from '@/lib/teach/format';
import { FLAG_LABEL, type ItemAnalytics } from '@/lib/teach/item-analysis';
import { sortRows, type SortState } from '@/lib/teach/sort';
import { SortableHead, SortLinks, type Column } from './sortable';
import { ShowAllLink } from './show-all-link';
import { plural } from '@/lib/text/plural';

export const ITEM_SORT_KEYS = ['position', 'studied', 'lapses', 'facility', 'discrimination', 'flags'] as const;
export type ItemSortKey = (typeof ITEM_SORT_KEYS)[number];

const COLUMNS: Column<ItemSortKey>[] = [
  { key: 'position', label: 'Item' },
  { key: 'studied', label: 'Students studied', num: true },
  { key: 'lapses', label: 'Lapse rate', num: true },
  { key: 'facility', label: 'Quiz facility', num: true },
  { key: 'discrimination', label: 'Discrimination', num: true },
  { key: 'flags', label: 'Flags' },
];

interface Props {
  rows: ItemAnalytics[];
  sort: SortState<ItemSortKey>;
  query: Record<string, string>;
  /** Otherwise the first rows only (a deck has ~150 items: too long to scroll through on a phone). */
  showAll?: boolean;
}

export const ITEMS_SHOWN = 15;

export function ItemTable({ rows, sort, query, showAll = false }: Props) {
  const position = new Map(rows.map((r, i) => [r.cardId, i]));
  const value: Record<ItemSortKey, (r: ItemAnalytics) => number | null> = {
    position: (r) => position.get(r.cardId) ?? 0,
    studied: (r) => r.studiedBy,
    lapses: (r) => r.lapseRate,
    facility: (r) => r.facility,
    discrimination: (r) => r.discrimination,
    flags: (r) => r.flags.length,
  };
  const head = { columns: COLUMNS, sort, query, sortParam: 'isort', dirParam: 'idir', anchor: 'items' };
  const sorted = sortRows(rows, value[sort.key], sort.dir);
  const shown = showAll ? sorted : sorted.slice(0, ITEMS_SHOWN);
  const allHref = `?${new URLSearchParams({ ...query, iall: '1' }).toString()}#items`;
  return (
    <div className="table-wrap">
      <SortLinks {...head} />
      <table className="data-table" data-testid="item-table">
        <caption className="visually-hidden">How the class does on each item</caption>
        <SortableHead {...head} />
        <tbody>
          {shown.map((r) => (
            <tr key={r.cardId} data-testid={`item-row-${r.itemId}`}>
              <td className="cell-main" data-label="Item">
                <span className="prompt">{r.prompt}</span>
                <span className="small muted" style={{ display: 'block', fontWeight: 400 }}>
                  {r.sectionTitle} · {r.type}
                </span>
                {r.topWrongText && (
                  <span className="small" style={{ display: 'block', fontWeight: 400 }} data-testid="top-wrong">
                    Most chosen wrong option: “{r.topWrongText}” ({r.topWrongChoice?.count}×)
                  </span>
                )}
              </td>
              <td className="num" data-label="Students studied">{r.studiedBy}</td>
              <td className="num" data-label="Lapse rate">{percent(r.lapseRate)}</td>
              <td className="num" data-label="Quiz facility">
                {percent(r.facility)}
                {r.quizAnswers > 0 && <span className="small muted nowrap" style={{ display: 'block' }}>{plural(r.quizAnswers, 'answer')}</span>}
              </td>
              <td className="num" data-label="Discrimination" data-testid="discrimination">
                {r.discrimination === null ? <span className="muted">–</span> : r.discrimination.toFixed(2)}
                {r.discriminationStudents > 0 && (
                  <span className="small muted nowrap" style={{ display: 'block' }}>
                    {r.discriminationStudents} {r.discriminationStudents === 1 ? 'student' : 'students'}
                  </span>
                )}
              </td>
              <td data-label="Flags" style={{ maxWidth: '14rem' }}>
                {r.flags.length === 0 ? <span className="muted">–</span> : r.flags.map((f) => <span key={f} className="flag">⚠ {FLAG_LABEL[f]}</span>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < sorted.length && <ShowAllLink href={allHref} count={sorted.length} noun="items" testId="show-all-items" />}
    </div>
  );
}

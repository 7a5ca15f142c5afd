/** The assigned items a student keeps forgetting: lapses (Again after it was learned) and lapse rate. */
import type { ForgottenItem } from '@/db/queries/student-detail';
import { percent } from '@/lib/teach/format';
import { plural } from '@/lib/text/plural';

export function ForgottenList({ items }: { items: ForgottenItem[] }) {
  if (items.length === 0) return <p className="muted">Nothing forgotten once learned, so far.</p>;
  return (
    <ol className="forgotten-list" data-testid="forgotten-items">
      {items.map(({ item, lapses }) => (
        <li key={item.cardId}>
          <p className="forgotten-prompt">{item.prompt}</p>
          <p className="small muted">
            {plural(lapses, 'lapse')} · lapse rate {percent(item.lapseRate)} · {item.sectionTitle}
          </p>
        </li>
      ))}
    </ol>
  );
}

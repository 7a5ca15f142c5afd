/** What the review screen receives for each card of a session (content + memory state). */
import type { CardPayload } from '@/lib/content/cards';
import type { SchedulerSettings } from '@/lib/scheduler/types';
import type { SerializedCardState } from '@/lib/scheduler/undo';

export type QueueKind = 'learning' | 'review' | 'new';

export interface ReviewCard {
  id: number;
  itemId: string;
  type: CardPayload['type'];
  payload: CardPayload;
  explanation: string | null;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  sectionKey: string;
  sectionTitle: string;
  state: SerializedCardState | null;
  kind: QueueKind;
}

export interface ReviewSessionData {
  deck: { id: string; title: string };
  cards: ReviewCard[];
  settings: { scheduler: SchedulerSettings; passFail: boolean };
  dayEnd: number;
  counts: { learning: number; review: number; new: number };
  /** Server time of this render: a session saved on the device continues only the render it came from. */
  generatedAt: number;
}

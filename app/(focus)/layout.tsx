import { requireUser } from '@/app/_lib/session';

/** A distraction-free frame for review sessions: no navigation bars, the whole screen for the card. */
export default async function FocusLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return <main className="focus">{children}</main>;
}

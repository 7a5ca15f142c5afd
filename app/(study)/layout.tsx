import { AppShell } from '@/components/app-shell';
import { requireUser } from '@/app/_lib/session';

export default async function StudyLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}

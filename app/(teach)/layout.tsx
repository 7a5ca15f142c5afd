import { AppShell } from '@/components/app-shell';
import { requireRole } from '@/app/_lib/session';

export default async function TeachLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole('instructor');
  return <AppShell user={user}>{children}</AppShell>;
}

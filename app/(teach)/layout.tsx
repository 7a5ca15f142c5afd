import { AppShell } from '@/components/app-shell';
import { signOutAction } from '@/app/(auth)/actions';
import { requireRole } from '@/app/_lib/session';

export default async function TeachLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole('instructor');
  return <AppShell user={user} signOut={signOutAction}>{children}</AppShell>;
}

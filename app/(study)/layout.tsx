import { AppShell } from '@/components/app-shell';
import { signOutAction } from '@/app/(auth)/actions';
import { requireUser } from '@/app/_lib/session';

export default async function StudyLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user} signOut={signOutAction}>{children}</AppShell>;
}

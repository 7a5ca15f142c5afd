/** The signed-in frame: top bar with navigation and sign-out, a tab bar on phones. */
import Link from 'next/link';
import { APP_NAME, BrandMark } from '@/components/brand';
import { NavLinks, TabBar, type NavItem } from '@/components/nav-links';
import { SignOutButton } from '@/components/sign-out-button';
import type { SessionUser } from '@/lib/auth/session-user';

const icon = (d: string) => (
  <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d={d} />
  </svg>
);

const STUDY: NavItem[] = [
  { href: '/today', label: 'Today', icon: icon('M3 12l9-8 9 8M5 10v10h14V10') },
  { href: '/progress', label: 'Progress', icon: icon('M4 20V10M10 20V4M16 20v-7M22 20H2') },
  { href: '/settings', label: 'Settings', icon: icon('M12 15a3 3 0 100-6 3 3 0 000 6zM4 12h2m12 0h2M12 4v2m0 12v2') },
];
// Students see the classes they are in; an instructor's classes are under Teach (and the tab bar stays at four).
const CLASSES: NavItem = { href: '/classes', label: 'Classes', icon: icon('M4 19V6a2 2 0 012-2h12v15H6a2 2 0 00-2 2zM8 8h6') };
const TEACH: NavItem = { href: '/teach', label: 'Teach', icon: icon('M2 8l10-5 10 5-10 5-10-5zM6 10v5c3 3 9 3 12 0v-5') };

export function AppShell({ user, signOut, children }: { user: SessionUser; signOut: () => Promise<void>; children: React.ReactNode }) {
  const items = [...STUDY.slice(0, 2), user.role === 'instructor' ? TEACH : CLASSES, ...STUDY.slice(2)];
  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/today" className="brand">
            <BrandMark />
            {APP_NAME}
          </Link>
          <nav className="nav" aria-label="Main">
            <NavLinks items={items} />
            <SignOutButton signOut={signOut} />
          </nav>
        </div>
      </header>
      <main className="main" id="main">
        {children}
      </main>
      <TabBar items={items} />
    </div>
  );
}

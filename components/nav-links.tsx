'use client';
/** Top-bar links and the phone tab bar; marks the current page for sighted and screen-reader users. */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
  icon: React.ReactNode;
}

function isCurrent(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return items.map((item) => (
    <Link key={item.href} href={item.href} className="nav-link" aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}>
      {item.label}
    </Link>
  ));
}

export function TabBar({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="tabbar" aria-label="Main">
      {items.map((item) => (
        <Link key={item.href} href={item.href} aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}>
          {item.icon}
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

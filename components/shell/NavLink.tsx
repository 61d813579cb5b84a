'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

interface NavLinkProps {
  href: string;
  children: ReactNode;
  /** Shown indented under the link before it, as a part of that section. */
  sub?: boolean;
  /** A path under `href` that has a link of its own, so this one is not marked current there. */
  except?: string;
}

export function NavLink({ href, children, sub, except }: NavLinkProps) {
  const pathname = usePathname() ?? '';
  const active = pathname.startsWith(href) && !(except && pathname.startsWith(except));
  return (
    <Link href={href} className={sub ? 'sub' : undefined} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';

interface MainNavigationProps {
  children: ReactNode;
}

/**
 * The app's navigation: a sidebar on wide screens, and on a phone a top bar whose
 * Menu button shows and hides it (the CSS decides which, by screen width).
 */
export function MainNavigation({ children }: MainNavigationProps) {
  const pathname = usePathname();
  // Open only on the page it was opened on, so any navigation (a link, Back) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn !== null && openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    }
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open]);

  // A link to the page already shown changes no path, so a click on any link closes the menu too.
  function closeOnLinkClick(event: MouseEvent<HTMLElement>) {
    if ((event.target as HTMLElement).closest('a')) setOpenOn(null);
  }

  return (
    <div className="app-nav" data-open={open}>
      <div className="topbar">
        <span className="brand">SMS CRM</span>
        <button
          ref={button}
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls="main-navigation"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
      </div>
      <nav id="main-navigation" className="sidebar" aria-label="Main" onClick={closeOnLinkClick}>
        {children}
      </nav>
    </div>
  );
}

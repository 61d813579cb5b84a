'use client';

import { useEffect, useState } from 'react';

const POLL_MS = 5_000;

interface UnreadBadgeProps {
  initial: number;
}

/** The inbox's unread count beside its link, asked for again every few seconds while the page is in view. */
export function UnreadBadge({ initial }: UnreadBadgeProps) {
  const [unread, setUnread] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      if (document.hidden) return;
      const res = await fetch('/api/conversations/unread', { cache: 'no-store' }).catch(() => null);
      const json = res?.ok ? ((await res.json().catch(() => null)) as { unread?: number } | null) : null;
      if (!stopped && typeof json?.unread === 'number') setUnread(json.unread);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  if (!unread) return null;
  return (
    <span className="badge unread-badge" data-testid="unread-badge" aria-label={`${unread} unread`}>
      {unread}
    </span>
  );
}

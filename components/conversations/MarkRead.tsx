'use client';

import { useEffect } from 'react';

interface MarkReadProps {
  conversationId: string;
}

/** Staff opened an unread conversation: tell the server it is read, once. */
export function MarkRead({ conversationId }: MarkReadProps) {
  useEffect(() => {
    void fetch(`/api/conversations/${conversationId}/read`, { method: 'POST' });
  }, [conversationId]);
  return null;
}

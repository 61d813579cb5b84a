'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest } from '../api-request';

interface TakeBackReplyProps {
  conversationId: string;
  replyId: string;
}

/** Takes back a reply that is held until quiet hours end, before it goes. */
export function TakeBackReply({ conversationId, replyId }: TakeBackReplyProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function takeBack() {
    setBusy(true);
    const result = await apiRequest(`/api/conversations/${conversationId}/replies/${replyId}`, { method: 'DELETE' });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }
  return (
    <div style={{ marginTop: '.35rem' }}>
      <button type="button" className="secondary" onClick={takeBack} disabled={busy}>
        {busy ? 'Taking back…' : 'Take back'}
      </button>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest } from './api-request';

/**
 * A table row's own change to its resource: busy while it runs, the server's
 * words on failure, and the page's data read again on success.
 */
export function useRowRequest(url: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(method: 'PATCH' | 'DELETE', body?: unknown) {
    setBusy(true);
    setError(null);
    const result = await apiRequest(url, { method, body });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }
  return { error, busy, send };
}

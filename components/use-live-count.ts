'use client';

import { useEffect, useState } from 'react';
import type { AudienceSize } from '@/lib/audiences/count-audience';

export type LiveCountState =
  | { state: 'counting'; previous: AudienceSize | null }
  | { state: 'ready'; size: AudienceSize }
  | { state: 'invalid'; message: string }
  | { state: 'error'; message: string };

const DEBOUNCE_MS = 400;

export interface LiveCountRequest {
  url: string;
  /** The JSON body, or the message to show while what is being chosen cannot be counted yet. */
  body: { ok: true; value: unknown } | { ok: false; message: string };
}

/** An audience counted on the server as it is being chosen: debounced, and only the latest answer is kept. */
export function useLiveCount({ url, body }: LiveCountRequest): LiveCountState {
  const key = body.ok ? JSON.stringify(body.value) : null;
  const [answer, setAnswer] = useState<{ key: string; value: LiveCountState } | null>(null);
  const [lastSize, setLastSize] = useState<AudienceSize | null>(null);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: key,
          signal: controller.signal,
        });
        const json = await res.json().catch(() => null);
        if (res.ok) {
          setAnswer({ key, value: { state: 'ready', size: json as AudienceSize } });
          setLastSize(json as AudienceSize);
        } else {
          setAnswer({
            key,
            value: { state: 'error', message: json?.error?.message ?? `Could not count the audience (${res.status}).` },
          });
        }
      } catch {
        if (!controller.signal.aborted)
          setAnswer({
            key,
            value: { state: 'error', message: 'Could not count the audience: the server did not answer.' },
          });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, url]);

  if (!body.ok) return { state: 'invalid', message: body.message };
  if (answer?.key === key) return answer.value;
  return { state: 'counting', previous: lastSize };
}

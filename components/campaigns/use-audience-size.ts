'use client';

import { useEffect, useMemo, useState } from 'react';
import { AudienceSchema } from '@/lib/audiences/audience';
import type { Audience } from '@/lib/audiences/audience';
import type { AudienceSize } from '@/lib/audiences/count-audience';

export type AudienceSizeState =
  | { state: 'counting'; previous: AudienceSize | null }
  | { state: 'ready'; size: AudienceSize }
  | { state: 'invalid'; message: string }
  | { state: 'error'; message: string };

const DEBOUNCE_MS = 400;

/** The audience counted on the server as it is being chosen: debounced, and only the latest answer is kept. */
export function useAudienceSize(audience: Audience): AudienceSizeState {
  const key = JSON.stringify(audience);
  const parsed = useMemo(() => AudienceSchema.safeParse(JSON.parse(key)), [key]);
  const [answer, setAnswer] = useState<{ key: string; value: AudienceSizeState } | null>(null);
  const [lastSize, setLastSize] = useState<AudienceSize | null>(null);

  useEffect(() => {
    if (!parsed.success) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch('/api/campaigns/audience-size', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ audience: parsed.data }),
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
  }, [key, parsed]);

  if (!parsed.success)
    return { state: 'invalid', message: parsed.error.issues[0]?.message ?? 'Finish choosing the audience.' };
  if (answer?.key === key) return answer.value;
  return { state: 'counting', previous: lastSize };
}

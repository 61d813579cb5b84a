'use client';

import { useMemo } from 'react';
import { AudienceSchema } from '@/lib/audiences/audience';
import type { Audience } from '@/lib/audiences/audience';
import { useLiveCount, type LiveCountState } from '../use-live-count';

export type AudienceSizeState = LiveCountState;

/** The campaign's audience counted on the server as it is being chosen. */
export function useAudienceSize(audience: Audience): AudienceSizeState {
  const key = JSON.stringify(audience);
  const body = useMemo(() => {
    const parsed = AudienceSchema.safeParse(JSON.parse(key));
    return parsed.success
      ? ({ ok: true, value: { audience: parsed.data } } as const)
      : ({ ok: false, message: parsed.error.issues[0]?.message ?? 'Finish choosing the audience.' } as const);
  }, [key]);
  return useLiveCount({ url: '/api/campaigns/audience-size', body });
}

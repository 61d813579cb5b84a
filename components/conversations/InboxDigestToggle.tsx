'use client';

import { useState } from 'react';
import { apiRequest } from '../api-request';

interface InboxDigestToggleProps {
  enabled: boolean;
  mailConfigured: boolean;
  everyMinutes: number;
}

function period(minutes: number): string {
  if (minutes === 60) return 'hour';
  return minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
}

/** The signed-in staff member's own choice: an e-mail of unread replies, at most once per period. */
export function InboxDigestToggle({ enabled, mailConfigured, everyMinutes }: InboxDigestToggleProps) {
  const [on, setOn] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function change(next: boolean) {
    setSaving(true);
    setError(null);
    const result = await apiRequest<{ digest: { enabled: boolean } }>('/api/me/inbox-digest', {
      method: 'PUT',
      body: { enabled: next },
    });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    setOn(result.data.digest.enabled);
  }
  return (
    <div className="field">
      <label style={{ fontWeight: 'normal', display: 'flex', gap: '.4rem', alignItems: 'center' }}>
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          checked={on}
          disabled={saving || (!mailConfigured && !on)}
          onChange={(e) => change(e.target.checked)}
        />
        E-mail me unread replies, at most once an {period(everyMinutes)}
      </label>
      {!mailConfigured && (
        <div className="hint">This installation has no e-mail server set up, so no digest can be sent.</div>
      )}
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

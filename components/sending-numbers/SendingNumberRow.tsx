'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { SendingNumberView } from '@/lib/sending-numbers/sending-number-view';
import { apiRequest } from '../api-request';

const CHECKBOX_LABEL = { fontWeight: 'normal', display: 'flex', gap: '.4rem', alignItems: 'center' } as const;

function perDay(limit: number): string {
  return `${limit.toLocaleString('en-AU')}/day`;
}

/** What the number may send today, in the words staff use for warm-up. */
function warmUpLabel({ today }: Pick<SendingNumberView, 'today'>): string {
  if (today.day === 0) return `warm-up not started: ${perDay(0)}`;
  if (today.warmingUp) return `warm-up day ${today.day}: ${perDay(today.limit)}`;
  return `steady: ${perDay(today.limit)}`;
}

function registrationLabel(number: SendingNumberView): string {
  if (number.registered) return 'Registered';
  // From 1 July 2026 carriers show unregistered alphanumeric sender IDs as "Unverified".
  return number.kind === 'ALPHANUMERIC' ? 'Unverified' : 'Not registered';
}

export function SendingNumberRow({ number, canEdit }: { number: SendingNumberView; canEdit: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(body: { registered?: boolean; active?: boolean }) {
    setBusy(true);
    setError(null);
    const result = await apiRequest(`/api/sending-numbers/${number.id}`, { method: 'PATCH', body });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  return (
    <tr>
      <td>
        <code>{number.value}</code>
        {error && <div className="error" role="alert">{error}</div>}
      </td>
      <td>{number.kind === 'LONG_CODE' ? 'Long code' : 'Alphanumeric'}</td>
      <td>
        {canEdit ? (
          <label style={CHECKBOX_LABEL}>
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              aria-label={`Registered: ${number.value}`}
              checked={number.registered}
              disabled={busy}
              onChange={(e) => change({ registered: e.target.checked })}
            />
            <span className={number.registered ? undefined : 'badge'}>{registrationLabel(number)}</span>
          </label>
        ) : (
          <span className={number.registered ? undefined : 'badge'}>{registrationLabel(number)}</span>
        )}
      </td>
      <td>{warmUpLabel(number)}</td>
      <td>
        {canEdit ? (
          <label style={CHECKBOX_LABEL}>
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              aria-label={`Active: ${number.value}`}
              checked={number.active}
              disabled={busy}
              onChange={(e) => change({ active: e.target.checked })}
            />
            {number.active ? 'Active' : 'Inactive'}
          </label>
        ) : number.active ? (
          'Active'
        ) : (
          <span className="muted">Inactive</span>
        )}
      </td>
    </tr>
  );
}

'use client';

import type { ReactNode } from 'react';
import { formatCount } from '@/lib/format/number';
import type { SendingNumberView } from '@/lib/sending-numbers/sending-number-view';
import { WARM_UP_CURVE } from '@/lib/sending-numbers/warm-up-curve';
import { useRowRequest } from '../use-row-request';

const CHECKBOX_LABEL = { fontWeight: 'normal', display: 'flex', gap: '.4rem', alignItems: 'center' } as const;

function perDay(limit: number): string {
  return `${formatCount(limit)}/day`;
}

/** What the number may send on a day, in the words staff use for warm-up. */
function allowanceLabel(limit: SendingNumberView['today']): string {
  if (limit.day === 0) return `warm-up not started: ${perDay(0)}`;
  if (limit.warmingUp) return `warm-up day ${limit.day}: ${perDay(limit.limit)}`;
  return `steady: ${perDay(limit.limit)}`;
}

/** A start far enough back that the number is past its warm-up today. */
function establishedStart(): string {
  return new Date(Date.now() - (WARM_UP_CURVE.length + 1) * 86_400_000).toISOString();
}

function registrationLabel(number: SendingNumberView): string {
  if (number.registered) return 'Registered';
  // From 1 July 2026 carriers show unregistered alphanumeric sender IDs as "Unverified".
  return number.kind === 'ALPHANUMERIC' ? 'Unverified' : 'Not registered';
}

interface ToggleProps {
  label: string;
  checked: boolean;
  canEdit: boolean;
  busy: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/** A yes/no setting of the row: a labelled checkbox for admins, the plain state for everyone else. */
function Toggle({ label, checked, canEdit, busy, onChange, children }: ToggleProps) {
  if (!canEdit) return children;
  return (
    <label style={CHECKBOX_LABEL}>
      <input
        type="checkbox"
        style={{ width: 'auto' }}
        aria-label={label}
        checked={checked}
        disabled={busy}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}

interface SendingNumberRowProps {
  number: SendingNumberView;
  canEdit: boolean;
}

export function SendingNumberRow({ number, canEdit }: SendingNumberRowProps) {
  const { error, busy, send } = useRowRequest(`/api/sending-numbers/${number.id}`);
  const change = (body: { registered?: boolean; active?: boolean; warmupStartedAt?: string }) => send('PATCH', body);

  return (
    <tr>
      <td>
        <code>{number.value}</code>
        {number.notice && <div className="muted">{number.notice}</div>}
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
      </td>
      <td>{number.kind === 'LONG_CODE' ? 'Long code' : 'Alphanumeric'}</td>
      <td>
        <Toggle
          label={`Registered: ${number.value}`}
          checked={number.registered}
          canEdit={canEdit}
          busy={busy}
          onChange={(registered) => change({ registered })}
        >
          <span className={number.registered ? undefined : 'badge'}>{registrationLabel(number)}</span>
        </Toggle>
      </td>
      <td>
        <div>Today: {allowanceLabel(number.today)}</div>
        <div className="muted">Tomorrow: {allowanceLabel(number.tomorrow)}</div>
        {canEdit && number.today.warmingUp && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            title="For a number that has already been sending for a while: it skips the warm-up and may send up to its daily cap from today."
            onClick={() => change({ warmupStartedAt: establishedStart() })}
          >
            Already established: skip warm-up
          </button>
        )}
      </td>
      <td>
        <Toggle
          label={`Active: ${number.value}`}
          checked={number.active}
          canEdit={canEdit}
          busy={busy}
          onChange={(active) => change({ active })}
        >
          {number.active ? 'Active' : canEdit ? 'Inactive' : <span className="muted">Inactive</span>}
        </Toggle>
      </td>
    </tr>
  );
}

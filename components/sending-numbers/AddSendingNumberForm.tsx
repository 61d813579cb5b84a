'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { apiRequest } from '../api-request';

type Fields = {
  kind: 'LONG_CODE' | 'ALPHANUMERIC';
  value: string;
  registered: boolean;
  dailyCap: number;
  messagingServiceSid: string;
};

export function AddSendingNumberForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);
  const { register, handleSubmit, reset, control, formState } = useForm<Fields>({
    defaultValues: { kind: 'LONG_CODE', value: '', registered: false, dailyCap: 1000, messagingServiceSid: '' },
  });
  const kind = useWatch({ control, name: 'kind' });

  async function onSubmit(fields: Fields) {
    const body = {
      kind: fields.kind,
      value: fields.value,
      ...(fields.kind === 'ALPHANUMERIC' && { registered: fields.registered }),
      // An emptied number box reads as NaN; leaving the cap out keeps the default.
      ...(Number.isFinite(fields.dailyCap) && { dailyCap: fields.dailyCap }),
      ...(fields.messagingServiceSid.trim() && { messagingServiceSid: fields.messagingServiceSid.trim() }),
    };
    const result = await apiRequest<{ number: { value: string } }>('/api/sending-numbers', { method: 'POST', body });
    if (!result.ok) return setMessage({ kind: 'bad', text: result.message });
    setMessage({ kind: 'ok', text: `${result.data.number.value} was added. It starts its warm-up today.` });
    reset({ ...fields, value: '', messagingServiceSid: '' });
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Add a sending number">
      <div className="row">
        <div className="field" style={{ flex: 0, minWidth: 190 }}>
          <label htmlFor="sending-number-kind">Kind</label>
          <select id="sending-number-kind" {...register('kind')}>
            <option value="LONG_CODE">Long code (phone number)</option>
            <option value="ALPHANUMERIC">Alphanumeric sender ID</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="sending-number-value">Number or sender ID</label>
          <input
            id="sending-number-value"
            placeholder={kind === 'LONG_CODE' ? '0412 345 678' : '2–11 characters, e.g. AcmeCo'}
            autoComplete="off"
            {...register('value', {
              required: kind === 'LONG_CODE' ? 'Enter the phone number.' : 'Enter the sender ID.',
            })}
          />
          {formState.errors.value && <div className="error">{formState.errors.value.message}</div>}
        </div>
        <div className="field" style={{ flex: 0, minWidth: 150 }}>
          <label htmlFor="sending-number-cap">Daily cap</label>
          <input
            id="sending-number-cap"
            type="number"
            min={1}
            max={100000}
            {...register('dailyCap', { valueAsNumber: true })}
          />
        </div>
        <div className="field">
          <label htmlFor="sending-number-sid">Messaging service SID (optional)</label>
          <input id="sending-number-sid" placeholder="MG…" autoComplete="off" {...register('messagingServiceSid')} />
        </div>
      </div>
      {kind === 'ALPHANUMERIC' && (
        <div className="field">
          <label style={{ fontWeight: 'normal', display: 'flex', gap: '.4rem', alignItems: 'center' }}>
            <input type="checkbox" style={{ width: 'auto' }} {...register('registered')} />
            Registered on the SMS Sender ID Register (unregistered IDs show as &quot;Unverified&quot; from 1 July 2026)
          </label>
        </div>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        Add number
      </button>
      {message && (
        <div
          className={`notice ${message.kind === 'bad' ? 'bad' : ''}`}
          role={message.kind === 'bad' ? 'alert' : 'status'}
          style={{ marginTop: '1rem', marginBottom: 0 }}
        >
          {message.text}
        </div>
      )}
    </form>
  );
}

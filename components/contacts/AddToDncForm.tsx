'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DNC_CHANNELS, type AddToDncInput } from '@/lib/contacts/dnc-schemas';
import { formatQuantity } from '@/lib/format/number';
import { apiRequest } from '../api-request';

/** Staff put a number on the list when its owner asked by phone, e-mail, in person or by complaint. */
export function AddToDncForm() {
  const router = useRouter();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<AddToDncInput>({
    defaultValues: { phone: '', channel: 'PHONE_CALL', note: '' },
  });

  async function onSubmit(input: AddToDncInput) {
    const answer = await apiRequest<{ phoneE164: string; skippedJobs: number }>('/api/dnc', {
      method: 'POST',
      body: input,
    });
    if (!answer.ok) return setResult({ ok: false, message: answer.message });
    const skipped = answer.data.skippedJobs;
    setResult({
      ok: true,
      message: `${answer.data.phoneE164} is on the do-not-contact list.${skipped ? ` ${formatQuantity(skipped, 'queued message')} to it ${skipped === 1 ? 'was' : 'were'} skipped.` : ''}`,
    });
    reset();
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} aria-label="Add a number to the do-not-contact list">
      <h2 style={{ marginTop: 0 }}>Add a number</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="dnc-phone">Phone number</label>
          <input id="dnc-phone" inputMode="tel" placeholder="e.g. 0412 345 678" {...register('phone')} />
        </div>
        <div className="field">
          <label htmlFor="dnc-channel">How they asked</label>
          <select id="dnc-channel" {...register('channel')}>
            {Object.entries(DNC_CHANNELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dnc-note">Note (optional)</label>
          <input id="dnc-note" maxLength={300} placeholder="e.g. rang the Fitzroy store" {...register('note')} />
        </div>
      </div>
      <p className="hint">
        It takes effect at once: messages already queued to this number are skipped, and no import can add it back.
      </p>
      {result && (
        <div className={result.ok ? 'notice' : 'notice bad'} role={result.ok ? 'status' : 'alert'}>
          {result.message}
        </div>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        Add to the list
      </button>
    </form>
  );
}

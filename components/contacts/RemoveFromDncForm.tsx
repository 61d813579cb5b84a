'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiRequest } from '../api-request';

interface RemoveFromDncFormProps {
  phoneE164: string;
}

/** An admin takes a number off the list, with a reason that is recorded. */
export function RemoveFromDncForm({ phoneE164 }: RemoveFromDncFormProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  async function onSubmit({ reason }: { reason: string }) {
    const result = await apiRequest('/api/dnc', { method: 'DELETE', body: { phone: phoneE164, reason } });
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Take off…
      </button>
    );
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label={`Take ${phoneE164} off the list`}>
      <div className="field">
        <label htmlFor={`remove-${phoneE164}`}>Why may {phoneE164} be messaged again?</label>
        <input id={`remove-${phoneE164}`} {...register('reason')} />
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="danger" disabled={formState.isSubmitting}>
        Take off the list
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Keep
      </button>
    </form>
  );
}

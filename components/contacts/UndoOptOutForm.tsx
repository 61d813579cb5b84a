'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiRequest } from '../api-request';

interface UndoOptOutFormProps {
  contactId: string;
}

export function UndoOptOutForm({ contactId }: UndoOptOutFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  async function onSubmit({ reason }: { reason: string }) {
    const result = await apiRequest(`/api/contacts/${contactId}/opt-out`, { method: 'DELETE', body: { reason } });
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} aria-label="Undo opt-out">
      <p>
        Only undo an opt-out when this person has clearly asked to hear from you again. The change and your reason are
        recorded.
      </p>
      <div className="field">
        <label htmlFor="undo-reason">Why</label>
        <input id="undo-reason" {...register('reason', { required: 'Give a reason.' })} />
        {formState.errors.reason && <div className="error">{formState.errors.reason.message}</div>}
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="danger" disabled={formState.isSubmitting}>
        Undo the opt-out
      </button>
    </form>
  );
}

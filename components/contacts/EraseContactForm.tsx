'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiRequest } from '../api-request';

interface EraseContactFormProps {
  contactId: string;
  label: string;
}

/** An admin erases a person who asked for it: two steps, with the reason recorded. */
export function EraseContactForm({ contactId, label }: EraseContactFormProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  async function onSubmit({ reason }: { reason: string }) {
    const result = await apiRequest(`/api/contacts/${contactId}/erase`, { method: 'POST', body: { reason } });
    if (!result.ok) return setError(result.message);
    router.push('/contacts?erased=1');
    router.refresh();
  }

  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Erase this person…
      </button>
    );
  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} aria-label="Erase this person">
      <p>
        Erasing {label} removes their name, e-mail, tags, custom fields, consent history and the texts of every message
        to and from them. Their number stays on the do-not-contact list so they are never messaged again, and campaign
        figures keep their outcome. This cannot be undone.
      </p>
      <div className="field">
        <label htmlFor="erase-reason">Who asked, and how</label>
        <input id="erase-reason" placeholder="e.g. customer e-mailed on 3 May" {...register('reason')} />
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="danger" disabled={formState.isSubmitting}>
        Erase {label}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Keep
      </button>
    </form>
  );
}

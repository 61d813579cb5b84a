'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiRequest } from '../api-request';

type Fields = { email: string; name: string; role: 'ADMIN' | 'STAFF' | 'VIEWER' };

export function InviteUserForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<Fields>({
    defaultValues: { email: '', name: '', role: 'STAFF' },
  });

  async function onSubmit(fields: Fields) {
    const result = await apiRequest('/api/users', { method: 'POST', body: fields });
    if (!result.ok) return setMessage({ kind: 'bad', text: result.message });
    setMessage({ kind: 'ok', text: `${fields.email} was invited.` });
    reset();
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Invite a user">
      <div className="row">
        <div className="field">
          <label htmlFor="invite-email">E-mail</label>
          <input id="invite-email" type="email" {...register('email', { required: 'Enter an e-mail address.' })} />
          {formState.errors.email && <div className="error">{formState.errors.email.message}</div>}
        </div>
        <div className="field">
          <label htmlFor="invite-name">Name (optional)</label>
          <input id="invite-name" {...register('name')} />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" {...register('role')}>
            <option value="ADMIN">Admin</option>
            <option value="STAFF">Staff</option>
            <option value="VIEWER">Viewer</option>
          </select>
        </div>
        <div className="field" style={{ flex: 0 }}>
          <button type="submit" disabled={formState.isSubmitting}>
            Invite
          </button>
        </div>
      </div>
      {message && (
        <div className={`notice ${message.kind === 'bad' ? 'bad' : ''}`} role="status">
          {message.text}
        </div>
      )}
    </form>
  );
}

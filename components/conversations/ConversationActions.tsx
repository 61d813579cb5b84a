'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest } from '../api-request';

interface ConversationActionsProps {
  conversationId: string;
  done: boolean;
  assignedToId: string | null;
  assignees: { userId: string; email: string; name: string | null }[];
  canOptOut: boolean;
  possibleOptOut: boolean;
  hasContact: boolean;
}

/** Mark done or open again, assign, opt out with one click, make a contact of the number. */
export function ConversationActions(props: ConversationActionsProps) {
  const { conversationId } = props;
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(url: string, method: string, body?: unknown, then?: (data: unknown) => void) {
    setBusy(true);
    setError(null);
    const result = await apiRequest<unknown>(url, { method, body });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    then?.(result.data);
    router.refresh();
  }

  const base = `/api/conversations/${conversationId}`;
  return (
    <div aria-label="Conversation actions">
      <h2>Actions</h2>
      <div className="field">
        <label htmlFor="assignee">Assigned to</label>
        <select
          id="assignee"
          value={props.assignedToId ?? ''}
          disabled={busy}
          onChange={(e) => act(base, 'PATCH', { assignedToId: e.target.value || null })}
        >
          <option value="">Nobody</option>
          {props.assignees.map((a) => (
            <option key={a.userId} value={a.userId}>
              {a.name ? `${a.name} (${a.email})` : a.email}
            </option>
          ))}
        </select>
      </div>
      <p className="row">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => act(base, 'PATCH', { done: !props.done })}
        >
          {props.done ? 'Open again' : 'Mark done'}
        </button>
        {props.canOptOut && (
          <button
            type="button"
            className={props.possibleOptOut ? 'danger-solid' : 'danger'}
            disabled={busy}
            onClick={() => act(`${base}/opt-out`, 'POST')}
          >
            Opt out this number
          </button>
        )}
        {!props.hasContact && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              act(`${base}/contact`, 'POST', {}, (data) => {
                const { contactId } = data as { contactId: string };
                router.push(`/contacts/${contactId}`);
              })
            }
          >
            Create a contact
          </button>
        )}
      </p>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest } from '../api-request';

interface SavedReply {
  id: string;
  title: string;
  body: string;
}

function SavedReplyForm({ reply, onDone }: { reply: SavedReply | null; onDone: () => void }) {
  const router = useRouter();
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = reply?.id ?? 'new';

  async function run(method: string, url: string, payload?: unknown) {
    setBusy(true);
    setError(null);
    const result = await apiRequest(url, { method, body: payload });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    if (!reply) {
      setTitle('');
      setBody('');
    }
    onDone();
    router.refresh();
  }

  return (
    <form
      className="panel"
      aria-label={reply ? `Saved reply ${reply.title}` : 'New saved reply'}
      onSubmit={(e) => {
        e.preventDefault();
        void run(reply ? 'PATCH' : 'POST', reply ? `/api/saved-replies/${reply.id}` : '/api/saved-replies', {
          title,
          body,
        });
      }}
    >
      <div className="field">
        <label htmlFor={`title-${key}`}>Name</label>
        <input id={`title-${key}`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={60} />
      </div>
      <div className="field">
        <label htmlFor={`body-${key}`}>Text</label>
        <textarea id={`body-${key}`} rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={1600} />
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <p className="row">
        <button type="submit" disabled={busy}>
          {reply ? 'Save' : 'Add saved reply'}
        </button>
        {reply && (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => run('DELETE', `/api/saved-replies/${reply.id}`)}
          >
            Delete
          </button>
        )}
      </p>
    </form>
  );
}

/** The workspace's saved replies, each editable in place, and a form to add one. */
export function SavedRepliesEditor({ savedReplies }: { savedReplies: SavedReply[] }) {
  const [version, setVersion] = useState(0);
  return (
    <>
      {savedReplies.length === 0 && <div className="empty">No saved replies yet.</div>}
      {savedReplies.map((reply) => (
        <SavedReplyForm key={`${reply.id}-${reply.title}-${reply.body}`} reply={reply} onDone={() => undefined} />
      ))}
      <h2>Add one</h2>
      <SavedReplyForm key={`new-${version}`} reply={null} onDone={() => setVersion((v) => v + 1)} />
    </>
  );
}

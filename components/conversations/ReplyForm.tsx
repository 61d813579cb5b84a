'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { formatDateTime } from '@/lib/format/date-time';
import { apiRequest } from '../api-request';
import { dollars } from '../campaigns/format';

interface ReplyPreview {
  encoding: 'GSM-7' | 'UCS-2';
  parts: number;
  costMicros: number;
  refusal: string | null;
  holdReason: string | null;
  allowedFrom: string | null;
}

interface ReplyFormProps {
  conversationId: string;
  from: string;
  timeZone: string;
  blocked: string | null;
  savedReplies: { id: string; title: string; body: string }[];
}

const PREVIEW_DELAY_MS = 300;

/**
 * The reply box: a saved reply can be put in and edited; its parts and cost, and
 * whether it may go now or is held until quiet hours end, are shown before
 * sending. Nothing is added to the text.
 */
export function ReplyForm({ conversationId, from, timeZone, blocked, savedReplies }: ReplyFormProps) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const [latestPreview, setPreview] = useState<ReplyPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const base = `/api/conversations/${conversationId}/replies`;

  useEffect(() => {
    if (!body.trim()) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await apiRequest<{ preview: ReplyPreview }>(`${base}/preview`, { method: 'POST', body: { body } });
      if (current && result.ok) setPreview(result.data.preview);
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [base, body]);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    const result = await apiRequest(base, { method: 'POST', body: { body } });
    setSending(false);
    if (!result.ok) return setError(result.message);
    setBody('');
    setPreview(null);
    router.refresh();
  }

  const preview = body.trim() ? latestPreview : null;
  if (blocked) return <div className="notice bad">{blocked}</div>;
  return (
    <form className="panel" onSubmit={send} aria-label="Reply" style={{ marginTop: '1rem' }}>
      {savedReplies.length > 0 && (
        <div className="field">
          <label htmlFor="saved-reply">Saved reply</label>
          <select
            id="saved-reply"
            value=""
            onChange={(e) => {
              const chosen = savedReplies.find((s) => s.id === e.target.value);
              if (chosen) setBody(chosen.body);
            }}
          >
            <option value="">Insert a saved reply…</option>
            {savedReplies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="reply-body">Reply from {from}</label>
        <textarea id="reply-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} maxLength={1600} />
        <div className="hint">
          Sent as you write it: no sender name or opt-out line is added (add one yourself if this is marketing).
        </div>
      </div>
      {preview && (
        <p className="muted" role="status" aria-label="Reply cost">
          {preview.parts} SMS part{preview.parts === 1 ? '' : 's'} ({preview.encoding}), costs{' '}
          {dollars(preview.costMicros, { fine: true })}
        </p>
      )}
      {preview?.refusal && (
        <div className="notice warn" role="status">
          {preview.refusal}
        </div>
      )}
      {!preview?.refusal && preview?.holdReason && (
        <div className="notice warn" role="status">
          {preview.holdReason}
          {preview.allowedFrom &&
            ` It goes at ${formatDateTime(preview.allowedFrom, timeZone)}; you can take it back until then.`}
        </div>
      )}
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <button type="submit" disabled={sending || !body.trim() || Boolean(preview?.refusal)}>
        {sending ? 'Sending…' : preview?.holdReason && !preview.refusal ? 'Hold until quiet hours end' : 'Send reply'}
      </button>
    </form>
  );
}

'use client';

import { useState } from 'react';
import type { FormEvent } from 'react';
import { formatQuantity } from '@/lib/format/number';
import { apiRequest } from '../api-request';

interface Sent {
  to: string;
  body: string;
  parts: number;
}

interface TestSendFormProps {
  campaignId: string;
  initialPhone: string | null;
}

/** Sends one message of the campaign to the staff member's own phone, exactly as recipients would get it. */
export function TestSendForm({ campaignId, initialPhone }: TestSendFormProps) {
  const [phone, setPhone] = useState(initialPhone ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!phone.trim()) return setError('Enter the mobile number to send the test to.');
    setBusy(true);
    setError(null);
    setSent(null);
    const result = await apiRequest<{ sent: Sent }>(`/api/campaigns/${campaignId}/test-send`, {
      method: 'POST',
      body: { phone: phone.trim() },
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSent(result.data.sent);
  }

  return (
    <form className="panel" onSubmit={send} noValidate aria-label="Test send">
      <h2 style={{ marginTop: 0 }}>Send a test</h2>
      <p className="muted">
        One message to your own phone, as a recipient would get it. It is not counted in the campaign. The number is
        kept for your next test.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor="test-phone">Your mobile number</label>
          <input
            id="test-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="0412 345 678"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </div>
        <div className="field" style={{ flex: 0 }}>
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send test'}
          </button>
        </div>
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      {sent && (
        <div className="notice" role="status">
          Test sent to {sent.to} ({formatQuantity(sent.parts, 'part')}):
          <pre className="sms">{sent.body}</pre>
        </div>
      )}
    </form>
  );
}

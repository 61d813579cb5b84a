'use client';

import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { apiRequest } from '../api-request';
import { dollars } from '../campaigns/format';

interface Budgets {
  dailyCapDollars: number | null;
  monthlyCapDollars: number | null;
  spentTodayDollars: number;
  spentThisMonthDollars: number;
}

const asText = (cap: number | null) => (cap === null ? '' : String(cap));

/** A blank box means no cap; anything else must be a whole number of cents. */
function readCap(text: string, label: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed))
    return {
      ok: false,
      message: `${label}: enter an amount in dollars such as 250 or 99.50, or leave it blank for no cap.`,
    };
  return { ok: true, value: Number(trimmed) };
}

interface BudgetsPanelProps {
  canEdit: boolean;
}

/** Daily and monthly spending caps: sends that would pass one wait for the next day or month. */
export function BudgetsPanel({ canEdit }: BudgetsPanelProps) {
  const [budgets, setBudgets] = useState<Budgets | null>(null);
  const [daily, setDaily] = useState('');
  const [monthly, setMonthly] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void apiRequest<{ budgets: Budgets }>('/api/settings/budgets', { method: 'GET' }).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setMessage({ kind: 'bad', text: `Could not load the budgets: ${result.message}` });
      setBudgets(result.data.budgets);
      setDaily(asText(result.data.budgets.dailyCapDollars));
      setMonthly(asText(result.data.budgets.monthlyCapDollars));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    const dailyCap = readCap(daily, 'Daily cap');
    const monthlyCap = readCap(monthly, 'Monthly cap');
    if (!dailyCap.ok) return setMessage({ kind: 'bad', text: dailyCap.message });
    if (!monthlyCap.ok) return setMessage({ kind: 'bad', text: monthlyCap.message });
    setBusy(true);
    const result = await apiRequest<{ budgets: Budgets }>('/api/settings/budgets', {
      method: 'PUT',
      body: { dailyCapDollars: dailyCap.value, monthlyCapDollars: monthlyCap.value },
    });
    setBusy(false);
    if (!result.ok) return setMessage({ kind: 'bad', text: result.message });
    setBudgets(result.data.budgets);
    setMessage({ kind: 'ok', text: 'Budgets saved.' });
  }

  const spent = (amount: number, cap: number | null) =>
    `${dollars(amount * 1_000_000)}${cap === null ? ' (no cap)' : ` of ${dollars(cap * 1_000_000)}`}`;

  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="budgets-heading">
      <h2 id="budgets-heading" style={{ marginTop: 0 }}>
        Budgets
      </h2>
      <p className="muted">
        Caps on what sending may spend, in Australian dollars, counted in the workspace&apos;s time zone. A message that
        would pass a cap waits until the next day or month. Leave a box blank for no cap.
      </p>
      {budgets && (
        <dl className="facts" aria-label="Spend">
          <div>
            <dt>Spent today</dt>
            <dd>{spent(budgets.spentTodayDollars, budgets.dailyCapDollars)}</dd>
          </div>
          <div>
            <dt>Spent this month</dt>
            <dd>{spent(budgets.spentThisMonthDollars, budgets.monthlyCapDollars)}</dd>
          </div>
        </dl>
      )}
      <fieldset disabled={!canEdit || !budgets} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="row">
          <div className="field">
            <label htmlFor="budget-daily">Daily cap (dollars)</label>
            <input
              id="budget-daily"
              inputMode="decimal"
              placeholder="No cap"
              value={daily}
              onChange={(e) => setDaily(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="budget-monthly">Monthly cap (dollars)</label>
            <input
              id="budget-monthly"
              inputMode="decimal"
              placeholder="No cap"
              value={monthly}
              onChange={(e) => setMonthly(e.target.value)}
            />
          </div>
          {canEdit && (
            <div className="field" style={{ flex: 0 }}>
              <button type="submit" disabled={busy}>
                Save budgets
              </button>
            </div>
          )}
        </div>
      </fieldset>
      {!canEdit && <p className="muted">Only admins can change the budgets.</p>}
      {message && (
        <div
          className={`notice ${message.kind === 'bad' ? 'bad' : ''}`}
          role={message.kind === 'bad' ? 'alert' : 'status'}
        >
          {message.text}
        </div>
      )}
    </form>
  );
}

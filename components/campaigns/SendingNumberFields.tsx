'use client';

import Link from 'next/link';
import { Controller } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import type { CampaignContext } from '@/lib/campaigns/get-campaign-context';
import type { EditorFields } from './editor-fields';
import { FieldIssue, invalidProps } from './FieldIssue';
import type { Issues } from './FieldIssue';

type SendingNumber = CampaignContext['numbers'][number];

function isUnverified(n: SendingNumber): boolean {
  return n.kind === 'ALPHANUMERIC' && !n.registered;
}

interface SendingNumberFieldsProps {
  form: UseFormReturn<EditorFields>;
  numbers: SendingNumber[];
  issues: Issues;
}

export function SendingNumberFields({ form, numbers, issues }: SendingNumberFieldsProps) {
  return (
    <Controller
      control={form.control}
      name="sendingNumberIds"
      render={({ field }) => {
        // Switched-off numbers are offered only while a draft still names one, so it can be unticked.
        const shown = numbers.filter((n) => n.active || field.value.includes(n.id));
        const chosen = numbers.filter((n) => field.value.includes(n.id));
        return (
          <fieldset className="panel" {...invalidProps(issues, 'sendingNumberIds')}>
            <legend>Sending numbers</legend>
            {shown.length === 0 ? (
              <div className="notice warn" role="status">
                This workspace has no sending numbers yet, so nothing can be sent. An admin must add one in{' '}
                <Link href="/settings">Settings</Link>.
              </div>
            ) : (
              <div className="choices">
                {shown.map((n) => (
                  <label key={n.id} className="choice">
                    <input
                      type="checkbox"
                      checked={field.value.includes(n.id)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked ? [...field.value, n.id] : field.value.filter((id) => id !== n.id),
                        )
                      }
                    />{' '}
                    <code>{n.value}</code>{' '}
                    <span className="muted">{n.kind === 'LONG_CODE' ? 'long code' : 'sender ID'}</span>
                    {isUnverified(n) && <span className="badge warn">Unverified</span>}
                    {!n.active && <span className="badge">switched off</span>}
                  </label>
                ))}
              </div>
            )}
            <FieldIssue issues={issues} path="sendingNumberIds" />
            {chosen.some(isUnverified) && (
              <div className="notice warn" role="status">
                From 1 July 2026 Australian carriers show a sender ID that is not on the SMS Sender ID Register as
                &quot;Unverified&quot;, and recipients are warned about it. Register it, then mark it registered in
                Settings.
              </div>
            )}
            {chosen.some((n) => n.kind === 'ALPHANUMERIC') && (
              <p className="hint">
                A sender ID cannot receive replies, so every message of this campaign carries a web opt-out link instead
                of &quot;Reply STOP&quot;.
              </p>
            )}
          </fieldset>
        );
      }}
    />
  );
}

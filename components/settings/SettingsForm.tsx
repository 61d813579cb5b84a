'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TenantSettingsView } from '@/lib/tenants/get-tenant-settings';
import { AUSTRALIAN_ZONE_LABELS } from '@/lib/contacts/contact-time-zone';
import { apiRequest } from '../api-request';

type Fields = Omit<TenantSettingsView, 'paused' | 'pausedReason' | 'defaultJoinReply'>;

const FIELDS: { name: keyof Fields; label: string; type?: string; multiline?: boolean; zones?: true }[] = [
  { name: 'senderName', label: 'Sender name shown in messages' },
  { name: 'timeZone', label: 'Time zone', zones: true },
  { name: 'quietHoursStart', label: 'Quiet hours start', type: 'time' },
  { name: 'quietHoursEnd', label: 'Quiet hours end', type: 'time' },
  { name: 'tenantRatePerMinute', label: 'Messages per minute (workspace)', type: 'number' },
  { name: 'numberRatePerMinute', label: 'Messages per minute (per sending number)', type: 'number' },
  { name: 'optOutReply', label: 'Reply to STOP', multiline: true },
  { name: 'optInReply', label: 'Reply to START', multiline: true },
  { name: 'helpReply', label: 'Reply to HELP', multiline: true },
];

/** Australia's zones, and the workspace's own when it was set to another one before. */
function zoneChoices(current: string): [zone: string, label: string][] {
  const choices: [string, string][] = Object.entries(AUSTRALIAN_ZONE_LABELS);
  return choices.some(([zone]) => zone === current) ? choices : [[current, current], ...choices];
}

interface SettingsFormProps {
  settings: TenantSettingsView;
  canEdit: boolean;
}

export function SettingsForm({ settings, canEdit }: SettingsFormProps) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);
  // Only the fields shown: the kill switch has its own panel, and this route refuses its fields.
  const { register, handleSubmit, formState } = useForm<Fields>({
    defaultValues: {
      ...(Object.fromEntries(FIELDS.map((f) => [f.name, settings[f.name]])) as Fields),
      frequencyCapMessages: settings.frequencyCapMessages,
      frequencyCapWindow: settings.frequencyCapWindow,
      frequencyCapUnit: settings.frequencyCapUnit,
      joinKeyword: settings.joinKeyword,
      joinReply: settings.joinReply,
    },
  });

  async function onSubmit(fields: Fields) {
    const result = await apiRequest('/api/settings', { method: 'PATCH', body: fields });
    setMessage(result.ok ? { kind: 'ok', text: 'Settings saved.' } : { kind: 'bad', text: result.message });
  }

  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} aria-label="Workspace settings">
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
        {FIELDS.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={f.name}>{f.label}</label>
            {f.zones ? (
              <select id={f.name} {...register(f.name)}>
                {zoneChoices(settings.timeZone).map(([zone, label]) => (
                  <option key={zone} value={zone}>
                    {label}
                  </option>
                ))}
              </select>
            ) : f.multiline ? (
              <textarea id={f.name} rows={2} {...register(f.name)} />
            ) : (
              <input id={f.name} type={f.type ?? 'text'} {...register(f.name)} />
            )}
          </div>
        ))}
        <fieldset className="field">
          <legend>Frequency cap across campaigns</legend>
          <div className="row">
            <div className="field">
              <label htmlFor="frequencyCapMessages">At most (marketing messages per person)</label>
              <input
                id="frequencyCapMessages"
                type="number"
                min={1}
                placeholder="No cap"
                {...register('frequencyCapMessages')}
              />
            </div>
            <div className="field">
              <label htmlFor="frequencyCapWindow">Every</label>
              <input id="frequencyCapWindow" type="number" min={1} {...register('frequencyCapWindow')} />
            </div>
            <div className="field">
              <label htmlFor="frequencyCapUnit">Hours or days</label>
              <select id="frequencyCapUnit" {...register('frequencyCapUnit')}>
                <option value="hours">hours</option>
                <option value="days">days</option>
              </select>
            </div>
          </div>
          <p className="hint">
            Counts every campaign&rsquo;s messages to a person (not test messages or inbox replies). Leave the first box
            blank for no cap; 1 message every 12 hours is typical. A held message goes once the person&rsquo;s window
            allows, and its reason says when.
          </p>
        </fieldset>
        <div className="field">
          <label htmlFor="joinKeyword">Join keyword</label>
          <input id="joinKeyword" placeholder="JOIN" autoCapitalize="characters" {...register('joinKeyword')} />
          <p className="hint">
            One word people text to your long codes to subscribe, such as JOIN. It records their consent with the
            message as proof. Leave blank for none.
          </p>
        </div>
        <div className="field">
          <label htmlFor="joinReply">Reply to the join keyword</label>
          <textarea id="joinReply" rows={2} placeholder={settings.defaultJoinReply} {...register('joinReply')} />
          <p className="hint">
            Say who you are and how to opt out (&ldquo;Reply STOP to opt out&rdquo;). Left blank, the reply is the one
            shown.
          </p>
        </div>
        {canEdit && (
          <button type="submit" disabled={formState.isSubmitting}>
            Save settings
          </button>
        )}
      </fieldset>
      {!canEdit && <p className="muted">Only admins can change these settings.</p>}
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

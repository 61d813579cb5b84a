'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { CampaignView } from '@/lib/campaigns/get-campaign';
import type { CampaignContext } from '@/lib/campaigns/get-campaign-context';
import { CampaignInputSchema, MAX_LINK_URL_CHARACTERS } from '@/lib/campaigns/schemas';
import { AudienceFields } from './AudienceFields';
import { audienceFrom, fieldsFromCampaign, issueKey, toCampaignInput } from './editor-fields';
import type { EditorFields } from './editor-fields';
import { FieldIssue, invalidProps } from './FieldIssue';
import type { Issues } from './FieldIssue';
import { SendingNumberFields } from './SendingNumberFields';
import { TemplateFields } from './TemplateFields';
import { useAudienceSize } from './use-audience-size';

type Issue = { path: string; message: string };

function fieldLabel(key: string): string {
  const message = /^templates\.(\d+)/.exec(key);
  if (message) return `Message ${Number(message[1]) + 1}`;
  if (key.startsWith('audience')) return 'Audience';
  const labels: Record<string, string> = {
    name: 'Name',
    templates: 'Messages',
    linkUrl: 'Link URL',
    sendingNumberIds: 'Sending numbers',
    scheduledAt: 'Send at',
    rotation: 'Rotation',
  };
  return labels[key] ?? '';
}

interface CampaignEditorProps {
  context: CampaignContext;
  campaign: CampaignView | null;
}

/** Writes a new draft or changes one: every field checked as the server checks it, with a live preview and cost. */
export function CampaignEditor({ context, campaign }: CampaignEditorProps) {
  const router = useRouter();
  const activeNumbers = context.numbers.filter((n) => n.active);
  const form = useForm<EditorFields>({
    defaultValues: fieldsFromCampaign(campaign, {
      timeZone: context.timeZone,
      // One number is the obvious choice; with several, choosing is left to the person.
      defaultNumberIds: activeNumbers.length === 1 ? [activeNumbers[0].id] : [],
      defaultBatchId: context.imports[0]?.id ?? '',
      defaultSegmentId: context.segments[0]?.id ?? '',
    }),
  });
  const [issues, setIssues] = useState<Issue[]>([]);
  const { register, handleSubmit, control, formState } = form;

  const [audienceKind, batchId, segmentId, consent, tags, chosenNumbers] = useWatch({
    control,
    name: ['audienceKind', 'batchId', 'segmentId', 'consent', 'tags', 'sendingNumberIds'],
  });
  const size = useAudienceSize(audienceFrom({ audienceKind, batchId, segmentId, consent, tags }));
  const recipients =
    size.state === 'ready' ? size.size.sendable : size.state === 'counting' ? (size.previous?.sendable ?? null) : null;
  const canReceiveReplies = context.numbers
    .filter((n) => chosenNumbers.includes(n.id))
    .every((n) => n.kind === 'LONG_CODE');

  const byField: Issues = {};
  for (const issue of issues) byField[issueKey(issue.path)] ??= issue.message;

  async function onSubmit(fields: EditorFields) {
    const input = toCampaignInput(fields, context.timeZone);
    const checked = CampaignInputSchema.safeParse(input);
    if (!checked.success)
      return setIssues(checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    setIssues([]);
    const res = await fetch(campaign ? `/api/campaigns/${campaign.id}` : '/api/campaigns', {
      method: campaign ? 'PATCH' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) {
      const error = json?.error;
      return setIssues(
        Array.isArray(error?.issues) && error.issues.length > 0
          ? error.issues
          : [{ path: '', message: error?.message ?? `Saving failed (${res.status}).` }],
      );
    }
    router.push(`/campaigns/${json.campaign.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={campaign ? 'Edit campaign' : 'New campaign'}>
      {issues.length > 0 && (
        <div className="notice bad" role="alert">
          <strong>The campaign was not saved:</strong>
          <ul>
            {issues.map((issue, i) => {
              const label = fieldLabel(issueKey(issue.path));
              return <li key={i}>{label ? `${label}: ${issue.message}` : issue.message}</li>;
            })}
          </ul>
        </div>
      )}

      <div className="panel">
        <div className="field">
          <label htmlFor="campaign-name">Campaign name</label>
          <input
            id="campaign-name"
            autoComplete="off"
            maxLength={120}
            {...register('name')}
            {...invalidProps(byField, 'name')}
          />
          <FieldIssue issues={byField} path="name" />
          <div className="hint">Only staff see the name; recipients never do.</div>
        </div>
      </div>

      <AudienceFields
        form={form}
        imports={context.imports}
        segments={context.segments}
        timeZone={context.timeZone}
        size={size}
        issues={byField}
      />

      <div className="panel">
        <div className="field">
          <label htmlFor="campaign-link">Link URL (optional)</label>
          <input
            id="campaign-link"
            type="url"
            inputMode="url"
            placeholder="https://example.com.au/sale"
            autoComplete="off"
            maxLength={MAX_LINK_URL_CHARACTERS}
            {...register('linkUrl')}
            {...invalidProps(byField, 'linkUrl')}
          />
          <FieldIssue issues={byField} path="linkUrl" />
          <div className="hint">
            Where {'{link}'} leads. Each recipient gets a short link of their own, so clicks are counted and bots told
            apart.
          </div>
        </div>
      </div>

      <TemplateFields
        form={form}
        issues={byField}
        recipients={recipients}
        settings={{
          senderName: context.senderName,
          shortLinkBase: context.shortLinkBase,
          pricePerPartMicros: context.pricePerPartMicros,
          canReceiveReplies,
          customFieldNames: context.customFieldNames,
        }}
      />

      <SendingNumberFields form={form} numbers={context.numbers} issues={byField} />

      <div className="panel">
        <div className="field" style={{ maxWidth: 320 }}>
          <label htmlFor="campaign-schedule">Send at (optional)</label>
          <input
            id="campaign-schedule"
            type="datetime-local"
            {...register('scheduledAt')}
            {...invalidProps(byField, 'scheduledAt')}
          />
          <FieldIssue issues={byField} path="scheduledAt" />
        </div>
        <div className="hint">
          Read in the workspace&apos;s time zone, {context.timeZone}, whatever your computer&apos;s zone. Leave it empty
          to start sending as soon as the campaign is launched. Quiet hours (Settings) still apply: a message due in a
          recipient&apos;s quiet hours waits until they end.
        </div>
      </div>

      <div className="row">
        <button type="submit" disabled={formState.isSubmitting}>
          {campaign ? 'Save changes' : 'Save draft'}
        </button>
        <Link href={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}>Cancel</Link>
      </div>
    </form>
  );
}

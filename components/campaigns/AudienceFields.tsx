'use client';

import Link from 'next/link';
import { Controller, useWatch } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import type { CampaignContext } from '@/lib/campaigns/get-campaign-context';
import { formatDate } from '@/lib/format/date-time';
import { formatCount, formatQuantity } from '@/lib/format/number';
import type { EditorFields } from './editor-fields';
import { FieldIssue, invalidProps } from './FieldIssue';
import type { Issues } from './FieldIssue';
import type { AudienceSizeState } from './use-audience-size';
import { ExclusionList } from '../ui/ExclusionList';

const CONSENT_OPTIONS = [
  { value: 'EXPLICIT', label: 'Explicit consent' },
  { value: 'IMPLIED', label: 'Implied consent (existing customers)' },
] as const;

interface AudienceFieldsProps {
  form: UseFormReturn<EditorFields>;
  imports: CampaignContext['imports'];
  segments: CampaignContext['segments'];
  timeZone: string;
  size: AudienceSizeState;
  issues: Issues;
}

export function AudienceFields(props: AudienceFieldsProps) {
  const { form, imports, segments, timeZone, size, issues } = props;
  const { register, control } = form;
  const kind = useWatch({ control, name: 'audienceKind' });
  return (
    <fieldset className="panel" {...invalidProps(issues, 'audience')}>
      <legend>Audience</legend>
      <div className="choices">
        <label className="choice">
          <input type="radio" value="all" {...register('audienceKind')} /> All contacts
        </label>
        <label className="choice">
          <input type="radio" value="batch" {...register('audienceKind')} disabled={imports.length === 0} /> Contacts
          from one import
          {imports.length === 0 && <span className="muted"> (no committed imports yet)</span>}
        </label>
        <label className="choice">
          <input type="radio" value="filter" {...register('audienceKind')} /> Contacts filtered by consent and tags
        </label>
        <label className="choice">
          <input type="radio" value="segment" {...register('audienceKind')} disabled={segments.length === 0} /> A saved
          segment
          {segments.length === 0 && <span className="muted"> (no saved segments yet)</span>}
        </label>
      </div>
      <FieldIssue issues={issues} path="audience" />

      {kind === 'batch' && (
        <div className="field">
          <label htmlFor="campaign-batch">Import</label>
          <select id="campaign-batch" {...register('batchId')} {...invalidProps(issues, 'audience.batchId')}>
            {imports.map((b) => (
              <option key={b.id} value={b.id}>
                {b.fileName} — {formatQuantity(b.contacts, 'contact')}
                {b.committedAt ? `, committed ${formatDate(b.committedAt, timeZone)}` : ''}
              </option>
            ))}
          </select>
          <FieldIssue issues={issues} path="audience.batchId" />
          <div className="hint">
            The contacts that import created or updated. <Link href="/imports">See all imports</Link>.
          </div>
        </div>
      )}

      {kind === 'segment' && (
        <div className="field">
          <label htmlFor="campaign-segment">Segment</label>
          <select id="campaign-segment" {...register('segmentId')} {...invalidProps(issues, 'audience.segmentId')}>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldIssue issues={issues} path="audience.segmentId" />
          <div className="hint">
            The campaign records the segment as it is at launch, so later changes to it do not change whom this campaign
            targeted. <Link href="/contacts/segments">See all segments</Link>.
          </div>
        </div>
      )}

      {kind === 'filter' && (
        <div className="row">
          <Controller
            control={control}
            name="consent"
            render={({ field }) => (
              <fieldset className="field" {...invalidProps(issues, 'audience.consent')}>
                <legend>Consent</legend>
                {CONSENT_OPTIONS.map((option) => (
                  <label key={option.value} className="choice">
                    <input
                      type="checkbox"
                      checked={field.value.includes(option.value)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked
                            ? [...field.value, option.value]
                            : field.value.filter((v) => v !== option.value),
                        )
                      }
                    />{' '}
                    {option.label}
                  </label>
                ))}
                <FieldIssue issues={issues} path="audience.consent" />
              </fieldset>
            )}
          />
          <div className="field">
            <label htmlFor="campaign-tags">Tags (any of them; leave blank for any tags)</label>
            <input
              id="campaign-tags"
              placeholder="vip, sydney"
              autoComplete="off"
              {...register('tags')}
              {...invalidProps(issues, 'audience.tagsAny')}
            />
            <FieldIssue issues={issues} path="audience.tagsAny" />
            <div className="hint">Separate tags with commas. A contact with any one of them is included.</div>
          </div>
        </div>
      )}

      <AudienceSize size={size} />
    </fieldset>
  );
}

interface AudienceSizeProps {
  size: AudienceSizeState;
}

function AudienceSize({ size }: AudienceSizeProps) {
  const shown = size.state === 'ready' ? size.size : size.state === 'counting' ? size.previous : null;
  return (
    <div className="audience-size" role="status" aria-label="Audience size" aria-busy={size.state === 'counting'}>
      {size.state === 'invalid' && <span className="muted">{size.message}</span>}
      {size.state === 'error' && <span className="error">{size.message}</span>}
      {shown && (
        <>
          <strong>{formatQuantity(shown.sendable, 'contact')} can be messaged</strong>{' '}
          <span className="muted">of {formatCount(shown.total)} in this audience</span>
          {size.state === 'counting' && <span className="muted"> · counting…</span>}
          <ExclusionList excluded={shown.excluded} label="Left out" />
        </>
      )}
      {!shown && size.state === 'counting' && <span className="muted">Counting the audience…</span>}
    </div>
  );
}

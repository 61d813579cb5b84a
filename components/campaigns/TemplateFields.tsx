'use client';

import { useRef, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import { BUILT_IN_FIELDS, LINK_FIELD } from '@/lib/messages/merge-fields';
import { replaceablePunctuation, toPlainPunctuation } from '@/lib/messages/plain-punctuation';
import { estimateCampaignCostMicros, previewMessage } from '@/lib/messages/preview-message';
import { MAX_TEMPLATE_CHARACTERS, MAX_TEMPLATES } from '@/lib/campaigns/schemas';
import { formatCount, formatQuantity } from '@/lib/format/number';
import type { EditorFields } from './editor-fields';
import { FieldIssue, invalidProps } from './FieldIssue';
import type { Issues } from './FieldIssue';
import { dollars } from './format';
import { MessagePreview } from './MessagePreview';

export interface PreviewSettings {
  senderName: string;
  shortLinkBase: string;
  pricePerPartMicros: number;
  canReceiveReplies: boolean;
  customFieldNames: readonly string[];
}

const HELPER_FIELDS = [...BUILT_IN_FIELDS, LINK_FIELD, 'firstName|there'];

/** Each recipient's share of the audience per message: equal in turn, by weight when weighted. */
function sharesOf(weights: number[], rotation: EditorFields['rotation']): number[] {
  const total = weights.reduce((sum, w) => sum + (Number.isFinite(w) && w > 0 ? w : 0), 0);
  if (rotation !== 'WEIGHTED' || total === 0) return weights.map(() => 1 / weights.length);
  return weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0) / total);
}

interface TemplateFieldsProps {
  form: UseFormReturn<EditorFields>;
  issues: Issues;
  settings: PreviewSettings;
  recipients: number | null;
}

export function TemplateFields({ form, issues, settings, recipients }: TemplateFieldsProps) {
  const { register, control, setValue, getValues } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'templates' });
  const rotation = useWatch({ control, name: 'rotation' });
  const templates = useWatch({ control, name: 'templates' });
  const linkUrl = useWatch({ control, name: 'linkUrl' });
  const textareas = useRef<(HTMLTextAreaElement | null)[]>([]);
  const [active, setActive] = useState(0);

  // Watched values can trail the field array by a render just after a message is added or removed.
  const current = fields.map((_, i) => ({ body: templates[i]?.body ?? '', weight: Number(templates[i]?.weight ?? 1) }));
  const previews = current.map((t) =>
    previewMessage({
      body: t.body,
      senderName: settings.senderName,
      canReceiveReplies: settings.canReceiveReplies,
      hasLink: linkUrl.trim() !== '',
      shortLinkBase: settings.shortLinkBase,
      customFieldNames: settings.customFieldNames,
    }),
  );
  const weights = current.map((t) => t.weight);
  const shares = sharesOf(weights, rotation);
  const totalCost =
    recipients === null
      ? null
      : estimateCampaignCostMicros({
          messages: previews.map((p, i) => ({ parts: p.ok ? p.segments.parts : 0, weight: weights[i] })),
          rotation,
          pricePerPartMicros: settings.pricePerPartMicros,
          recipients,
        });

  function insertField(field: string) {
    const index = Math.min(active, fields.length - 1);
    const textarea = textareas.current[index];
    const current = getValues(`templates.${index}.body`) ?? '';
    const start = textarea?.selectionStart ?? current.length;
    const end = textarea?.selectionEnd ?? current.length;
    const token = `{${field}}`;
    setValue(`templates.${index}.body`, current.slice(0, start) + token + current.slice(end), { shouldDirty: true });
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <fieldset className="panel" {...invalidProps(issues, 'templates')}>
      <legend>Messages</legend>
      <div className="row">
        <div className="field">
          <label htmlFor="campaign-rotation">Rotation</label>
          <select id="campaign-rotation" {...register('rotation')}>
            <option value="ROUND_ROBIN">In turn (each message to an equal share)</option>
            <option value="WEIGHTED">Weighted (each message to a share set by its weight)</option>
          </select>
        </div>
      </div>
      <div className="merge-fields" role="group" aria-label="Merge fields">
        <span className="muted">Insert into message {Math.min(active, fields.length - 1) + 1}:</span>
        {[...HELPER_FIELDS, ...settings.customFieldNames].map((field) => (
          <button key={field} type="button" className="secondary small" onClick={() => insertField(field)}>
            {`{${field}}`}
          </button>
        ))}
        <div className="hint">
          {'{link}'} becomes each recipient&apos;s own short link to the link URL. A fallback after a bar, as in{' '}
          {'{firstName|there}'}, is used for contacts without that field. Custom fields from imports work too, e.g.{' '}
          {'{store}'}.
        </div>
      </div>
      <FieldIssue issues={issues} path="templates" />

      {fields.map((item, index) => {
        const label = `message ${index + 1}`;
        const { body } = current[index];
        const { ref, ...bodyField } = register(`templates.${index}.body`);
        const canFix = replaceablePunctuation([...new Set(body)]).length > 0;
        return (
          <div className="template" key={item.id}>
            <div className="field">
              <label htmlFor={`template-${index}`}>Message {index + 1}</label>
              <textarea
                id={`template-${index}`}
                rows={4}
                {...bodyField}
                ref={(el) => {
                  ref(el);
                  textareas.current[index] = el;
                }}
                onFocus={() => setActive(index)}
                {...invalidProps(issues, `templates.${index}.body`)}
              />
              <div className="hint">
                {formatCount(body.length)} / {formatCount(MAX_TEMPLATE_CHARACTERS)} characters as written
              </div>
              <FieldIssue issues={issues} path={`templates.${index}.body`} />
            </div>
            <div className="row">
              {rotation === 'WEIGHTED' && (
                <div className="field" style={{ flex: 0, minWidth: 140 }}>
                  <label htmlFor={`template-weight-${index}`}>Weight of message {index + 1}</label>
                  <input
                    id={`template-weight-${index}`}
                    type="number"
                    min={1}
                    max={100}
                    {...register(`templates.${index}.weight`, { valueAsNumber: true })}
                    {...invalidProps(issues, `templates.${index}.weight`)}
                  />
                  <FieldIssue issues={issues} path={`templates.${index}.weight`} />
                </div>
              )}
              {fields.length > 1 && (
                <div className="field">
                  <button type="button" className="danger" onClick={() => remove(index)}>
                    Remove message {index + 1}
                  </button>
                </div>
              )}
            </div>
            <MessagePreview
              label={label}
              preview={previews[index]}
              pricing={{
                pricePerPartMicros: settings.pricePerPartMicros,
                recipients: recipients === null ? null : Math.round(recipients * shares[index]),
              }}
              onPlainPunctuation={
                canFix
                  ? () => setValue(`templates.${index}.body`, toPlainPunctuation(body), { shouldDirty: true })
                  : undefined
              }
            />
          </div>
        );
      })}

      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={fields.length >= MAX_TEMPLATES}
          onClick={() => append({ body: '', weight: 1 })}
        >
          Add a message
        </button>
        <span className="muted">
          {fields.length >= MAX_TEMPLATES
            ? `A campaign rotates at most ${MAX_TEMPLATES} messages.`
            : 'Several messages rotate across the audience.'}
        </span>
      </div>
      <p className="estimate" aria-label="Estimated cost">
        {totalCost === null
          ? 'Estimated cost: waiting for the audience count.'
          : `Estimated cost: ${dollars(totalCost)} for ${formatQuantity(recipients ?? 0, 'recipient')} (AUD, at ${dollars(settings.pricePerPartMicros, { fine: true })} per part; names and links vary the length a little).`}
      </p>
    </fieldset>
  );
}

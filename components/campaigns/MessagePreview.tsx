'use client';

import { replaceablePunctuation } from '@/lib/messages/plain-punctuation';
import { estimateCostMicros } from '@/lib/messages/preview-message';
import type { MessagePreview as Preview } from '@/lib/messages/preview-message';
import { formatCount, formatQuantity } from '@/lib/format/number';
import { characterName, dollars } from './format';

export interface PreviewPricing {
  pricePerPartMicros: number;
  /** Recipients this message is expected to reach, or null while the audience is being counted. */
  recipients: number | null;
}

interface MessagePreviewProps {
  label: string;
  preview: Preview;
  pricing: PreviewPricing;
  onPlainPunctuation?: () => void;
}

/** One message as a recipient gets it, what it costs per part and for its share of the audience. */
export function MessagePreview({ label, preview, pricing, onPlainPunctuation }: MessagePreviewProps) {
  if (!preview.ok) {
    return (
      <div className="preview" aria-label={`Preview of ${label}`} role="group">
        <p className="muted">No preview until the message is fixed: {preview.error}</p>
      </div>
    );
  }
  const { text, segments } = preview;
  const replaceable = replaceablePunctuation(segments.ucs2Characters);
  const cost =
    pricing.recipients === null
      ? null
      : estimateCostMicros({
          parts: segments.parts,
          pricePerPartMicros: pricing.pricePerPartMicros,
          recipients: pricing.recipients,
        });
  return (
    <div className="preview" aria-label={`Preview of ${label}`} role="group">
      <div className="muted">As a sample contact would receive it, with the opt-out line the law requires:</div>
      <pre className="sms">{text}</pre>
      <dl className="facts">
        <div>
          <dt>Characters</dt>
          <dd>{formatCount(segments.characters)}</dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd>{segments.encoding}</dd>
        </div>
        <div>
          <dt>Parts</dt>
          <dd>
            {segments.parts}{' '}
            <span className="muted">
              ({segments.perPart} per part, {segments.remainingInLastPart} left in the last)
            </span>
          </dd>
        </div>
        <div>
          <dt>Estimated cost</dt>
          <dd>
            {cost === null
              ? 'counting the audience…'
              : `${dollars(cost)} for ${formatQuantity(pricing.recipients ?? 0, 'recipient')}`}{' '}
            <span className="muted">
              ({segments.parts} × {dollars(pricing.pricePerPartMicros, { fine: true })} per part)
            </span>
          </dd>
        </div>
      </dl>
      {segments.encoding === 'UCS-2' && (
        <div className="notice warn" role="status">
          {segments.ucs2Characters.map(characterName).join(', ')} {segments.ucs2Characters.length === 1 ? 'is' : 'are'}{' '}
          not in the GSM-7 alphabet, so the whole message is sent as UCS-2: a part holds {segments.parts > 1 ? 67 : 70}{' '}
          characters instead of {segments.parts > 1 ? 153 : 160}, which can double or triple the cost.
          {replaceable.length > 0 && onPlainPunctuation && (
            <>
              {' '}
              <button type="button" className="secondary" onClick={onPlainPunctuation}>
                Replace curly quotes and dashes in {label}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

import { messageFooter } from './message-footer';
import { parseTemplate, renderTemplate, type MergeContact } from './merge-fields';
import { countSmsParts, type SmsPartCount } from './sms-parts';
import { describeUnknownMergeFields, findUnknownMergeFields } from './unknown-merge-fields';

// Pure, so the editor can run it on every keystroke in the browser; it must match
// what lib/sending/compose-message.ts sends, or the estimate misleads.

/** A made-up recipient with typical field lengths, so the preview costs what a real message would. */
export const SAMPLE_CONTACT: MergeContact = {
  firstName: 'Olivia',
  lastName: 'Nguyen',
  email: 'olivia.nguyen@example.com',
  phoneE164: '+61412345678',
  customFields: {},
};

// A real token is <link id, base 36>.<expiry day, base 36><key id><16-character MAC>;
// a sample of the same shape and length stands in for it.
const SAMPLE_MAC = 'Xq7Lm2Pz9Rt4Vb8N';

export function sampleShortUrl(base: string): string {
  return `${base.replace(/\/$/, '')}/l/1a2b3c.k9xd${SAMPLE_MAC}`;
}

function sampleUnsubscribeUrl(base: string): string {
  return `${base.replace(/\/$/, '')}/u/1a2b3cd${SAMPLE_MAC}`;
}

export interface PreviewOptions {
  body: string;
  senderName: string;
  /** True when every sending number is a long code; an alphanumeric ID cannot take a STOP reply. */
  canReceiveReplies: boolean;
  /** Whether the campaign has a link URL, i.e. whether {link} becomes a short link. */
  hasLink: boolean;
  /** Where short links and unsubscribe links live, e.g. https://acme.link */
  shortLinkBase: string;
  contact?: MergeContact;
  /** The workspace's imported custom fields; when given, any other unknown field is named as the error. */
  customFieldNames?: readonly string[];
}

export type MessagePreview = { ok: true; text: string; segments: SmsPartCount } | { ok: false; error: string };

/** The full text one recipient would get — fields filled in, {link} shortened, the opt-out line appended — and its parts. */
export function previewMessage(options: PreviewOptions): MessagePreview {
  let parsed;
  try {
    parsed = parseTemplate(options.body);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (options.customFieldNames) {
    const unknown = findUnknownMergeFields({ fields: parsed.fields, customFieldNames: options.customFieldNames });
    if (unknown.length > 0) return { ok: false, error: describeUnknownMergeFields(unknown) };
  }
  const footer = messageFooter({
    senderName: options.senderName,
    canReceiveReplies: options.canReceiveReplies,
    unsubscribeUrl: options.canReceiveReplies ? '' : sampleUnsubscribeUrl(options.shortLinkBase),
  });
  const link = options.hasLink ? sampleShortUrl(options.shortLinkBase) : null;
  const text = renderTemplate(parsed, options.contact ?? SAMPLE_CONTACT, link) + footer;
  return { ok: true, text, segments: countSmsParts(text) };
}

export interface EstimateCostMicrosOptions {
  parts: number;
  pricePerPartMicros: number;
  recipients: number;
}

/** Cost in millionths of a dollar: parts × price per part × recipients. */
export function estimateCostMicros({ parts, pricePerPartMicros, recipients }: EstimateCostMicrosOptions): number {
  return parts * pricePerPartMicros * recipients;
}

export interface EstimateCampaignCostMicrosOptions {
  messages: { parts: number; weight: number }[];
  rotation: 'ROUND_ROBIN' | 'WEIGHTED';
  pricePerPartMicros: number;
  recipients: number;
}

/**
 * What a campaign's audience is expected to cost when its messages rotate: each
 * message reaches its share of the audience (equal shares round-robin, by weight
 * when weighted) at its own number of parts.
 */
export function estimateCampaignCostMicros(options: EstimateCampaignCostMicrosOptions): number {
  const { messages, rotation, pricePerPartMicros, recipients } = options;
  if (messages.length === 0) return 0;
  const totalWeight = messages.reduce((sum, m) => sum + m.weight, 0);
  const weighted = rotation === 'WEIGHTED' && totalWeight > 0;
  const shareOf = (m: { weight: number }) => (weighted ? m.weight / totalWeight : 1 / messages.length);
  const perRecipientParts = messages.reduce((sum, m) => sum + m.parts * shareOf(m), 0);
  return Math.round(perRecipientParts * pricePerPartMicros * recipients);
}

import { countSmsParts } from './sms-parts';
import { messageFooter } from './message-footer';
import { renderTemplate, type MergeContact } from './merge-fields';
import { pickTemplate } from './pick-template';
import { signUnsubscribeToken } from '../links/unsubscribe-token';
import type { Rotation } from '../generated/prisma/enums';
import type { ParsedTemplate } from './merge-fields';

/** What composing a campaign's message needs to know about the campaign. */
export interface MessageSetup {
  rotation: Rotation;
  templates: { id: string; weight: number; parsed: ParsedTemplate }[];
  senderName: string;
  /** Every number can take a STOP reply; otherwise messages carry a web unsubscribe link. */
  canReceiveReplies: boolean;
  shortLinkBase: string;
  pricePerPartMicros: number;
}

export interface ComposedMessage {
  body: string;
  templateId: string;
  encoding: 'GSM-7' | 'UCS-2';
  parts: number;
  costMicros: number;
}

export function unsubscribeUrl(base: string, sendJobId: bigint): string {
  return `${base}/u/${signUnsubscribeToken(sendJobId)}`;
}

/** The exact text one recipient gets — their template, their fields, their link, the opt-out line — and what it costs. */
export interface ComposeMessageOptions {
  jobId: bigint;
  contact: MergeContact;
  campaign: MessageSetup;
  shortUrl: string | null;
}

export function composeMessage(options: ComposeMessageOptions): ComposedMessage {
  const { jobId, contact, campaign, shortUrl } = options;
  const template = pickTemplate(campaign.templates, campaign.rotation, jobId);
  const footer = messageFooter({
    senderName: campaign.senderName,
    canReceiveReplies: campaign.canReceiveReplies,
    unsubscribeUrl: campaign.canReceiveReplies ? '' : unsubscribeUrl(campaign.shortLinkBase, jobId),
  });
  const body = renderTemplate(template.parsed, contact, shortUrl) + footer;
  const segments = countSmsParts(body);
  return {
    body,
    templateId: template.id,
    encoding: segments.encoding,
    parts: segments.parts,
    costMicros: segments.parts * campaign.pricePerPartMicros,
  };
}

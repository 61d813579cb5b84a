import { countSegments } from '../campaigns/segments';
import { messageFooter } from '../campaigns/message-footer';
import { renderTemplate, type MergeContact } from '../campaigns/merge-fields';
import { pickTemplate } from '../campaigns/pick-template';
import { signUnsubscribeToken } from '../links/unsubscribe-token';
import type { CampaignSetup } from './load-sending-policies';

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
export function composeMessage(options: {
  jobId: bigint;
  contact: MergeContact;
  campaign: CampaignSetup;
  shortUrl: string | null;
}): ComposedMessage {
  const { jobId, contact, campaign, shortUrl } = options;
  const template = pickTemplate(campaign.templates, campaign.rotation, jobId);
  const footer = messageFooter({
    senderName: campaign.senderName,
    canReceiveReplies: campaign.canReceiveReplies,
    unsubscribeUrl: campaign.canReceiveReplies ? '' : unsubscribeUrl(campaign.shortLinkBase, jobId),
  });
  const body = renderTemplate(template.parsed, contact, shortUrl) + footer;
  const segments = countSegments(body);
  return {
    body,
    templateId: template.id,
    encoding: segments.encoding,
    parts: segments.parts,
    costMicros: segments.parts * campaign.pricePerPartMicros,
  };
}

import type { OutboundSms } from '../../providers/sms-provider';
import type { DecidedJob } from './batch-job';
import type { HandedOverJob } from './record-send-outcomes';
import type { SenderPace } from './send-pipe';

/** A passed job's message for the provider, and what recording its answer needs. */
export interface OutgoingMessage {
  job: HandedOverJob;
  sms: OutboundSms;
  /** The sender's pace: the workspace's per-number rate, per sending number. */
  pace: SenderPace;
}

/** The messages of the jobs every gate passed, each from the number the gates chose for it. */
export function messagesToSend(jobs: readonly DecidedJob[]): OutgoingMessage[] {
  return jobs.flatMap(({ claimed, campaign, tenant, message, decision }) => {
    if (decision.verdict.kind !== 'pass' || !message || !decision.sendingNumberId) return [];
    const number = campaign!.numbers.find((n) => n.id === decision.sendingNumberId)!;
    return [
      {
        job: {
          id: claimed.id,
          tenantId: claimed.tenantId,
          campaignId: claimed.campaignId,
          toE164: claimed.toE164,
          attempts: claimed.attempts + 1,
          costMicros: message.costMicros,
          parts: message.parts,
          sendingNumberId: number.id,
          timeZone: tenant!.timeZone,
        },
        sms: {
          jobId: claimed.id,
          to: claimed.toE164,
          from: number.value,
          messagingServiceSid: number.messagingServiceSid,
          body: message.body,
        },
        pace: { key: number.id, perMinute: tenant!.numberRatePerMinute },
      },
    ];
  });
}

import { inTransaction } from '../../db/transaction';
import { pickTemplate } from '../../messages/pick-template';
import type { OutboundSms, SmsProvider } from '../../providers/sms-provider';
import type { RateLimitStore } from '../../rate-limit/store';
import { composeMessage, type ComposedMessage } from '../../messages/compose-message';
import { HELD_UNTIL_RESUMED, type GateDecision } from '../gates/gate';
import { runGates } from '../gates/pipeline';
import { loadSendingPolicies } from '../load-sending-policies';
import { toCandidate } from '../to-candidate';
import { lockedUsageLedger } from '../usage-ledger';
import { applyGateDecisions, type DecidedJob } from './apply-gate-decisions';
import { claimDueJobs } from './claim-due-jobs';
import { handOver } from './hand-over';
import { recordSendOutcomes, type HandedOverJob } from './record-send-outcomes';
import { reserveShortLinks } from './reserve-short-links';
import { TENANT_DEFAULTS } from '../../tenants/tenant-defaults';

export interface BatchResult {
  claimed: number;
  handedOver: number;
  accepted: number;
  held: number;
  skipped: number;
  failed: number;
  retried: number;
  uncertain: number;
  accountProblem: string | null;
}

const PROVIDER_LABEL: Record<SmsProvider['name'], string> = {
  twilio: 'Twilio',
  simulator: 'the simulator',
  null: 'the null provider',
};

const NO_MESSAGE: GateDecision = {
  gate: 'pause',
  verdict: { kind: 'hold', until: HELD_UNTIL_RESUMED, reason: 'the campaign has no message to send' },
  sendingNumberId: null,
};

/**
 * One batch: claim due jobs, write each message, run the gates and record every
 * decision in one transaction; hand the passed messages to the provider; record
 * its answers. A crash after the commit leaves jobs SENDING without a provider id,
 * which the next drain reconciles with the provider instead of sending again.
 */
export async function processBatch(options: {
  now: Date;
  provider: SmsProvider;
  rateLimits: RateLimitStore;
  batchSize: number;
  sendConcurrency: number;
}): Promise<BatchResult> {
  const { now, provider, rateLimits } = options;
  const decided = await inTransaction(async (tx) => {
    const claimed = await claimDueJobs(tx, { now, limit: options.batchSize });
    if (!claimed.length) return null;
    const policies = await loadSendingPolicies(tx, {
      tenantIds: [...new Set(claimed.map((j) => j.tenantId))],
      campaignIds: [...new Set(claimed.map((j) => j.campaignId))],
    });

    const linkWanted = claimed.map((job) => {
      const campaign = policies.campaigns.get(job.campaignId);
      if (job.body !== null || !campaign?.linkUrl || !campaign.templates.length) return null;
      return pickTemplate(campaign.templates, campaign.rotation, job.id).parsed.usesLink
        ? { base: campaign.shortLinkBase }
        : null;
    });
    const reserved = await reserveShortLinks(
      tx,
      linkWanted.filter((w) => w !== null),
      now,
    );
    let nextLink = 0;
    const links = linkWanted.map((w) => (w ? reserved[nextLink++] : null));

    const jobs = claimed.map((claimedJob, i) => {
      const job = { ...claimedJob, phoneE164: claimedJob.toE164 };
      const campaign = policies.campaigns.get(job.campaignId);
      const tenant = policies.tenants.get(job.tenantId);
      const reused = job.body !== null;
      const message: ComposedMessage | null = reused
        ? {
            body: job.body!,
            templateId: job.templateId!,
            encoding: job.encoding as ComposedMessage['encoding'],
            parts: job.parts ?? 1,
            costMicros: job.costMicros ?? 0,
          }
        : campaign?.templates.length
          ? composeMessage({ jobId: job.id, contact: job, campaign, shortUrl: links[i]?.url ?? null })
          : null;
      const candidate = toCandidate({
        job: claimedJob,
        tenantTimeZone: tenant?.timeZone ?? TENANT_DEFAULTS.timeZone,
        costMicros: message?.costMicros ?? 0,
      });
      return {
        candidate,
        message,
        reused,
        link: links[i],
        linkTarget: campaign?.linkUrl ?? null,
        attempts: job.attempts,
      };
    });

    const gated = jobs.filter((j) => j.message !== null);
    const decisions = await runGates(
      gated.map((j) => j.candidate),
      { now, tenants: policies.tenants, campaigns: policies.campaigns, rateLimits, usage: lockedUsageLedger(tx) },
    );
    const decisionOf = new Map(decisions.map((d) => [d.candidate.id, d.decision]));
    const decidedJobs: (DecidedJob & { attempts: number })[] = jobs.map((j) => {
      const decision = decisionOf.get(j.candidate.id) ?? NO_MESSAGE;
      return {
        id: j.candidate.id,
        tenantId: j.candidate.tenantId,
        campaignId: j.candidate.campaignId,
        decision,
        message: j.message,
        freshMessage: !j.reused,
        sendingNumberId: decision.sendingNumberId,
        link: j.link,
        linkTarget: j.linkTarget,
        attempts: j.attempts,
      };
    });
    await applyGateDecisions(tx, decidedJobs, now);

    const toSend: { job: HandedOverJob; sms: OutboundSms }[] = [];
    decidedJobs.forEach((job, i) => {
      if (job.decision.verdict.kind !== 'pass' || !job.message || !job.sendingNumberId) return;
      const number = policies.campaigns.get(job.campaignId)!.numbers.find((n) => n.id === job.sendingNumberId)!;
      const { candidate } = jobs[i];
      toSend.push({
        job: {
          id: job.id,
          tenantId: job.tenantId,
          campaignId: job.campaignId,
          toE164: candidate.toE164,
          attempts: job.attempts + 1,
          costMicros: job.message.costMicros,
          parts: job.message.parts,
          sendingNumberId: number.id,
          timeZone: policies.tenants.get(job.tenantId)!.timeZone,
        },
        sms: {
          jobId: job.id,
          to: candidate.toE164,
          from: number.value,
          messagingServiceSid: number.messagingServiceSid,
          body: job.message.body,
        },
      });
    });
    const count = (kind: string) => decidedJobs.filter((j) => j.decision.verdict.kind === kind).length;
    return { claimed: claimed.length, held: count('hold'), skipped: count('skip'), toSend };
  });

  if (!decided)
    return {
      claimed: 0,
      handedOver: 0,
      accepted: 0,
      held: 0,
      skipped: 0,
      failed: 0,
      retried: 0,
      uncertain: 0,
      accountProblem: null,
    };
  const outcomes = await handOver(
    provider,
    decided.toSend.map((s) => s.sms),
    options.sendConcurrency,
  );
  const totals = decided.toSend.length
    ? await recordSendOutcomes({
        jobs: decided.toSend.map((s) => s.job),
        outcomes,
        claimedAt: now,
        now,
        providerLabel: PROVIDER_LABEL[provider.name],
      })
    : { accepted: 0, failed: 0, retried: 0, uncertain: 0, accountProblem: null };
  return {
    claimed: decided.claimed,
    handedOver: decided.toSend.length,
    held: decided.held,
    skipped: decided.skipped,
    ...totals,
  };
}

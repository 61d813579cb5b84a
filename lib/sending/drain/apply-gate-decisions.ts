import 'server-only';
import type { Queryable } from '../../db/queryable';
import type { DecidedJob } from './batch-job';
import { recordJobEvents } from '../job-history';

export interface ApplyGateDecisionsOptions {
  jobs: readonly DecidedJob[];
  now: Date;
  /** The lease the passed jobs are handed over under; null when none passed. */
  leaseId: bigint | null;
}

// One statement for the whole batch: passed jobs become SENDING with their message
// and number, held jobs get their next attempt time and reason, skipped jobs end.
const APPLY = `
UPDATE send_jobs j SET
  state = x.state::"SendJobState",
  "nextAttemptAt" = COALESCE(x.next_at, j."nextAttemptAt"),
  gate = x.gate,
  "gateReason" = x.reason,
  attempts = j.attempts + CASE WHEN x.state = 'SENDING' THEN 1 ELSE 0 END,
  "claimedAt" = CASE WHEN x.state = 'SENDING' THEN $2::timestamp ELSE j."claimedAt" END,
  "leaseId" = CASE WHEN x.state = 'SENDING' THEN $13::bigint ELSE j."leaseId" END,
  "sendingNumberId" = COALESCE(x.number_id::uuid, j."sendingNumberId"),
  "templateId" = COALESCE(x.template_id::uuid, j."templateId"),
  body = COALESCE(x.body, j.body),
  encoding = COALESCE(x.encoding, j.encoding),
  parts = COALESCE(x.parts, j.parts),
  "costMicros" = COALESCE(x.cost, j."costMicros"),
  "finishedAt" = CASE WHEN x.state = 'SKIPPED' THEN $2::timestamp ELSE j."finishedAt" END,
  "updatedAt" = $2::timestamp
FROM unnest($1::text[], $3::text[], $4::timestamp[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[])
  AS x(id, state, next_at, gate, reason, number_id, template_id, body, encoding, parts, cost)
WHERE j.id = x.id::bigint`;

/**
 * Records every decision of a batch inside its claim transaction: a passed job
 * becomes SENDING with its message, number and short link, a held one waits for
 * its time with the reason, a skipped one ends with its reason in its history.
 */
export async function applyGateDecisions(
  tx: Queryable,
  { jobs, now, leaseId }: ApplyGateDecisionsOptions,
): Promise<void> {
  const at = now.toISOString();
  const rows = jobs.map((job) => {
    const { verdict, gate, sendingNumberId } = job.decision;
    const state = verdict.kind === 'pass' ? 'SENDING' : verdict.kind === 'skip' ? 'SKIPPED' : 'QUEUED';
    const fresh = verdict.kind === 'pass' && job.freshMessage ? job.message : null;
    return {
      id: job.claimed.id.toString(),
      state,
      nextAt: verdict.kind === 'hold' ? verdict.until.toISOString() : null,
      gate,
      reason: verdict.kind === 'pass' ? null : verdict.reason,
      numberId: verdict.kind === 'pass' ? sendingNumberId : null,
      templateId: fresh?.templateId ?? null,
      body: fresh?.body ?? null,
      encoding: fresh?.encoding ?? null,
      parts: fresh?.parts ?? null,
      cost: fresh?.costMicros ?? null,
    };
  });
  await tx.query(APPLY, [
    rows.map((r) => r.id),
    at,
    rows.map((r) => r.state),
    rows.map((r) => r.nextAt),
    rows.map((r) => r.gate),
    rows.map((r) => r.reason),
    rows.map((r) => r.numberId),
    rows.map((r) => r.templateId),
    rows.map((r) => r.body),
    rows.map((r) => r.encoding),
    rows.map((r) => r.parts),
    rows.map((r) => r.cost),
    leaseId?.toString() ?? null,
  ]);

  const linked = jobs.flatMap((j) =>
    j.decision.verdict.kind === 'pass' && j.freshMessage && j.link && j.campaign?.linkUrl
      ? [
          {
            id: j.claimed.id,
            tenantId: j.claimed.tenantId,
            campaignId: j.claimed.campaignId,
            link: j.link,
            target: j.campaign.linkUrl,
          },
        ]
      : [],
  );
  if (linked.length) {
    await tx.query(
      `INSERT INTO short_links (id, "tenantId", token, "campaignId", "sendJobId", "targetUrl", "expiresAt", "createdAt")
       SELECT x.id::bigint, x.tenant::uuid, x.token, x.campaign::uuid, x.job::bigint, x.target, x.expires::timestamp, $1::timestamp
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(id, tenant, token, campaign, job, target, expires)`,
      [
        at,
        linked.map((j) => j.link.id.toString()),
        linked.map((j) => j.tenantId),
        linked.map((j) => j.link.token),
        linked.map((j) => j.campaignId),
        linked.map((j) => j.id.toString()),
        linked.map((j) => j.target),
        linked.map((j) => j.link.expiresAt.toISOString()),
      ],
    );
  }

  await recordJobEvents(
    tx,
    jobs.flatMap((j) =>
      j.decision.verdict.kind === 'skip'
        ? [
            {
              tenantId: j.claimed.tenantId,
              jobId: j.claimed.id,
              state: 'SKIPPED' as const,
              detail: j.decision.verdict.reason,
            },
          ]
        : [],
    ),
    now,
  );
}

import 'server-only';
import type { Queryable } from '../db/queryable';
import { AppError } from '../errors';
import { formatCount } from '../format/number';
import type { ConsentStatus } from '../generated/prisma/enums';
import { composeMessage } from '../messages/compose-message';
import { estimateCampaignFinish } from './estimate-campaign-finish';
import { readOnlyFrequencyLedger } from './frequency-ledger';
import { describeFrequencyCap } from './gates/frequency-cap';
import type { CandidateJob, GateContext } from './gates/gate';
import { runGates } from './gates/pipeline';
import { loadSendingPolicies } from './load-sending-policies';
import { simulatedRateLimitStore } from './simulated-rate-limit-store';
import { toCandidate, type JobForGates } from './to-candidate';
import { simulatedUsageLedger } from './usage-ledger';
import {
  audienceCondition,
  EXCLUSION_LABELS,
  sendabilitySql,
  type ExclusionReason,
  type TargetAudience,
} from '../audiences/audience';
import { sampleShortUrl } from '../messages/preview-message';

export interface DryRunResult {
  audience: number;
  sendNow: number;
  held: { gate: string; reason: string; count: number }[];
  skipped: { reason: string; count: number }[];
  /** What every message that will eventually go (sent now or held) should cost. */
  costMicros: number;
  finishEstimate: string | null;
  finishNote: string;
  sample: { body: string; parts: number; encoding: string } | null;
}

const PAGE = 5000;
// Ids for imagined jobs, as long in base 36 as real ones, so unsubscribe links are priced at their real length.
const FIRST_IMAGINED_ID = 36n ** 5n;

interface AudienceRow {
  id: string;
  phoneE164: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  customFields: Record<string, unknown>;
  consentStatus: ConsentStatus;
  optedOutAt: Date | null;
  timeZone: string | null;
  state: string | null;
  postcode: string | null;
  reason: ExclusionReason | null;
}

/** The job a launch would queue for a contact of the audience (whose query has already left out DNC and suppressed numbers). */
function imaginedJob(row: AudienceRow, job: { id: bigint; tenantId: string; campaignId: string }): JobForGates {
  return {
    ...job,
    toE164: row.phoneE164,
    consentStatus: row.consentStatus,
    optedOutAt: row.optedOutAt,
    timeZone: row.timeZone,
    state: row.state,
    postcode: row.postcode,
    onDnc: false,
    suppressedUntil: null,
    suppressionReason: null,
  };
}

function bump<K>(map: Map<K, number>, key: K, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

export interface SimulateCampaignSendsOptions {
  db: Queryable;
  tenantId: string;
  campaignId: string;
  audience: TargetAudience;
  now: Date;
}

/**
 * The whole campaign through the real gates, as if launched now, without sending
 * or writing anything: every contact of the audience is priced with its own text,
 * then the same eight gates decide it with counters that only exist in memory
 * (starting from what is really used today). Also estimates when it would finish.
 * Null when the campaign is not the tenant's.
 */
export async function simulateCampaignSends({
  db: pool,
  tenantId,
  campaignId,
  audience,
  now,
}: SimulateCampaignSendsOptions): Promise<DryRunResult | null> {
  const policies = await loadSendingPolicies(pool, { tenantIds: [tenantId], campaignIds: [campaignId] });
  const loaded = policies.campaigns.get(campaignId);
  if (!loaded) return null;
  if (!loaded.templates.length) throw new AppError('invalid', 'Write a message before a dry run.');
  if (!loaded.numbers.length)
    throw new AppError('invalid', 'Choose at least one active sending number before a dry run.');
  const campaign = { ...loaded, status: 'RUNNING' as const };
  const tenant = policies.tenants.get(tenantId)!;
  const usage = simulatedUsageLedger(pool);
  const context: GateContext = {
    now,
    tenants: policies.tenants,
    campaigns: new Map([[campaignId, campaign]]),
    rateLimits: simulatedRateLimitStore(now),
    usage,
    frequency: readOnlyFrequencyLedger(pool),
  };
  // Each person the cap holds has their own time; the dry run counts them under the cap itself.
  const frequencyHeld = tenant.frequencyCap
    ? `frequency cap (${describeFrequencyCap(tenant.frequencyCap)}): had a message lately`
    : '';
  const sampleUrl = loaded.linkUrl ? sampleShortUrl(loaded.shortLinkBase) : null;

  const condition = audienceCondition(audience, 4, now);
  const sendability = sendabilitySql('$2');
  const held = new Map<string, { gate: string; reason: string; count: number }>();
  const skipped = new Map<string, number>();
  let total = 0;
  let sendNow = 0;
  let costMicros = 0;
  let eventual = 0;
  let sample: DryRunResult['sample'] = null;
  let nextId = FIRST_IMAGINED_ID;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await pool.query<AudienceRow>(
      `SELECT c.id, c."phoneE164", c."firstName", c."lastName", c.email, c."customFields", c."consentStatus", c."optedOutAt", c."timeZone", c.state, c.postcode,
              ${sendability.reason} AS reason
       FROM contacts c ${sendability.joins}
       WHERE ${condition.sql} AND c.id > $3::uuid
       ORDER BY c.id LIMIT ${PAGE}`,
      [tenantId, now.toISOString(), after, ...condition.params],
    );
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    total += rows.length;
    const candidates: CandidateJob[] = [];
    for (const row of rows) {
      if (row.reason) {
        bump(skipped, EXCLUSION_LABELS[row.reason]);
        continue;
      }
      const id = nextId++;
      const message = composeMessage({ jobId: id, contact: row, campaign, shortUrl: sampleUrl });
      sample ??= { body: message.body, parts: message.parts, encoding: message.encoding };
      candidates.push(
        toCandidate({
          job: imaginedJob(row, { id, tenantId, campaignId }),
          tenantTimeZone: tenant.timeZone,
          costMicros: message.costMicros,
        }),
      );
    }
    const decided = await runGates(candidates, context);
    decided.forEach(({ candidate, decision }) => {
      const { verdict } = decision;
      if (verdict.kind === 'skip') return bump(skipped, verdict.reason);
      costMicros += candidate.costMicros;
      if (verdict.kind === 'pass') {
        sendNow += 1;
        return;
      }
      if (decision.gate !== 'pause') eventual += 1;
      const reason = decision.gate === 'frequency_cap' ? frequencyHeld : verdict.reason;
      const key = `${decision.gate}|${reason}`;
      const entry = held.get(key) ?? { gate: decision.gate!, reason, count: 0 };
      entry.count += 1;
      held.set(key, entry);
    });
  }

  const messages = sendNow + eventual;
  const finish = tenant.paused
    ? { finishAt: null, limits: [] }
    : await estimateCampaignFinish({
        db: pool,
        tenant,
        numbers: campaign.numbers,
        messages,
        averageCostMicros: messages ? costMicros / (sendNow + [...held.values()].reduce((n, h) => n + h.count, 0)) : 0,
        now,
      });
  const finishNote = tenant.paused
    ? `Sending is stopped for the whole workspace${tenant.pausedReason ? ` (${tenant.pausedReason})` : ''}; nothing will go until an admin resumes it.`
    : !messages
      ? 'No message would go out.'
      : finish.finishAt
        ? `About ${formatCount(messages)} messages; the pace is set by ${finish.limits.join(', ') || 'nothing in particular'}. Contacts in other time zones get theirs in their own daytime.`
        : `Would not finish: ${finish.limits.join(', ')}.`;

  return {
    audience: total,
    sendNow,
    held: [...held.values()].sort((a, b) => b.count - a.count),
    skipped: [...skipped.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    costMicros,
    finishEstimate: finish.finishAt?.toISOString() ?? null,
    finishNote,
    sample,
  };
}

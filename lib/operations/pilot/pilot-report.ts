import 'server-only';
import { contactQuietZones } from '../../contacts/contact-time-zone';
import { pgPool } from '../../db/pg-pool';
import { AppError } from '../../errors';
import { formatCount, formatPercent } from '../../format/number';
import { quietHoursUntil } from '../../sending/quiet-hours-until';

export interface PilotCheck {
  name: string;
  pass: boolean;
  /** The figure the check found, in words. */
  figure: string;
}

export interface PilotReport {
  campaignId: string;
  campaignName: string;
  go: boolean;
  checks: PilotCheck[];
}

export interface PilotReportOptions {
  tenantId: string;
  campaignId: string;
}

/** The Go/No-Go criteria of docs/CUTOVER.md. */
const MIN_DELIVERY_RATE = 0.95;
const MAX_STOP_SECONDS = 60;

const dollars = (micros: number) => `$${(micros / 1e6).toFixed(4)}`;

/**
 * Decides go or no-go from a pilot campaign's own rows: its delivery rate, how fast a STOP
 * reply reached the DNC list, that a person's click and a link preview were told apart,
 * that nobody got two messages, that nothing went out in quiet hours, and that the spend
 * is the parts sent times the price. Each check says pass or fail with its figure.
 */
export async function pilotReport({ tenantId, campaignId }: PilotReportOptions): Promise<PilotReport> {
  const pool = pgPool();
  const campaign = await pool.query<{
    name: string;
    launchedAt: Date | null;
    timeZone: string;
    quietStart: number;
    quietEnd: number;
    price: number;
  }>(
    `SELECT c.name, c."launchedAt", s."timeZone", s."quietHoursStart" AS "quietStart", s."quietHoursEnd" AS "quietEnd",
            s."pricePerPartMicros" AS price
     FROM campaigns c JOIN tenant_settings s ON s."tenantId" = c."tenantId"
     WHERE c.id = $1::uuid AND c."tenantId" = $2::uuid`,
    [campaignId, tenantId],
  );
  const c = campaign.rows[0];
  if (!c) throw new AppError('not_found', 'There is no such campaign in this workspace.');

  const [outcomes, stops, clicks, twice, sent, spend] = await Promise.all([
    pool.query<{ final: number; delivered: number }>(
      `SELECT count(*) FILTER (WHERE state IN ('DELIVERED', 'FAILED', 'UNDELIVERED'))::int AS final,
              count(*) FILTER (WHERE state = 'DELIVERED')::int AS delivered
       FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid`,
      [tenantId, campaignId],
    ),
    pool.query<{ seconds: number | null }>(
      `SELECT extract(epoch FROM d."createdAt" - coalesce(w."receivedAt", m."receivedAt"))::float8 AS seconds
       FROM inbound_messages m
       JOIN send_jobs j ON j."tenantId" = m."tenantId" AND j."campaignId" = $2::uuid AND j."toE164" = m."fromE164"
       LEFT JOIN webhook_events w ON w.kind = 'INBOUND' AND w."messageSid" = m."messageSid"
       LEFT JOIN dnc_entries d ON d."tenantId" = m."tenantId" AND d."phoneE164" = m."fromE164"
       WHERE m."tenantId" = $1::uuid AND m.keyword = 'OPT_OUT' AND m."receivedAt" >= j."createdAt"`,
      [tenantId, campaignId],
    ),
    pool.query<{ human: number; bot: number }>(
      `SELECT count(*) FILTER (WHERE NOT "isBot")::int AS human, count(*) FILTER (WHERE "isBot")::int AS bot
       FROM clicks WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid`,
      [tenantId, campaignId],
    ),
    pool.query<{ recipients: number; messages: number }>(
      `SELECT count(DISTINCT j."toE164")::int AS recipients,
              (count(*) + coalesce(sum(extra.resent), 0))::int AS messages
       FROM send_jobs j
       LEFT JOIN LATERAL (
         SELECT greatest(count(*) - 1, 0) AS resent FROM send_job_events e WHERE e."sendJobId" = j.id AND e.state = 'SENT'
       ) extra ON true
       WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid AND j."providerMessageId" IS NOT NULL`,
      [tenantId, campaignId],
    ),
    pool.query<{
      sentAt: Date;
      timeZone: string | null;
      state: string | null;
      postcode: string | null;
      phoneE164: string;
    }>(
      `SELECT j."sentAt", k."timeZone", k.state, k.postcode, k."phoneE164"
       FROM send_jobs j JOIN contacts k ON k.id = j."contactId"
       WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid AND j."sentAt" IS NOT NULL`,
      [tenantId, campaignId],
    ),
    pool.query<{ ledger: string; expected: string }>(
      `SELECT coalesce(sum(l."amountMicros"), 0)::text AS ledger,
              coalesce(sum(j.parts) FILTER (WHERE j."providerMessageId" IS NOT NULL), 0)::bigint * $3 AS expected
       FROM send_jobs j LEFT JOIN spend_ledger l ON l."sendJobId" = j.id
       WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid`,
      [tenantId, campaignId, c.price],
    ),
  ]);

  const checks: PilotCheck[] = [];
  const { final, delivered } = outcomes.rows[0];
  const rate = final ? delivered / final : null;
  checks.push({
    name: `At least ${formatPercent(MIN_DELIVERY_RATE)} delivered`,
    pass: rate !== null && rate >= MIN_DELIVERY_RATE,
    figure: `${formatCount(delivered)} of ${formatCount(final)} with a final status (${formatPercent(rate)})`,
  });

  const stopSeconds = stops.rows.map((r) => r.seconds);
  const slowest =
    stopSeconds.every((s) => s !== null) && stopSeconds.length ? Math.max(...(stopSeconds as number[])) : null;
  checks.push({
    name: `A STOP reply reached the DNC list within ${MAX_STOP_SECONDS} s`,
    pass: slowest !== null && slowest <= MAX_STOP_SECONDS,
    figure: stopSeconds.length
      ? slowest === null
        ? 'a STOP reply has no DNC entry'
        : `${stopSeconds.length} STOP ${stopSeconds.length === 1 ? 'reply' : 'replies'}, the slowest on the list after ${slowest.toFixed(1)} s`
      : 'no recipient replied STOP',
  });

  const { human, bot } = clicks.rows[0];
  checks.push({
    name: 'A click counted as a person and a preview as a bot',
    pass: human > 0 && bot > 0,
    figure: `${formatCount(human)} by people, ${formatCount(bot)} by bots and previews`,
  });

  const { recipients, messages } = twice.rows[0];
  checks.push({
    name: 'No recipient sent twice',
    pass: recipients === messages,
    figure: `${formatCount(messages)} messages to ${formatCount(recipients)} recipients`,
  });

  const hours = { start: c.quietStart, end: c.quietEnd };
  const inQuiet = sent.rows.filter((row) => quietHoursUntil(row.sentAt, contactQuietZones(row, c.timeZone), hours));
  checks.push({
    name: 'Nothing sent in quiet hours',
    pass: inQuiet.length === 0,
    figure: `${formatCount(inQuiet.length)} of ${formatCount(sent.rows.length)} sent in the recipient's quiet hours`,
  });

  const ledger = Number(spend.rows[0].ledger);
  const expected = Number(spend.rows[0].expected);
  checks.push({
    name: 'Spend equals parts × price',
    pass: ledger === expected,
    figure: `${dollars(ledger)} charged, ${dollars(expected)} for the parts sent at ${dollars(c.price)} each`,
  });

  return { campaignId, campaignName: c.name, go: checks.every((check) => check.pass), checks };
}

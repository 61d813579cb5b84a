import 'server-only';
import { writeCsv } from '../csv/write-csv';
import { pgPool } from '../db/pg-pool';
import { explainTwilioError } from '../providers/twilio-errors';
import type { CampaignScope } from '../campaign-stats/campaign-stats';
import { readCampaignHeader } from './campaign-report-scope';

export type ExportCampaignRecipientsOptions = CampaignScope;

/** Rows read per CSV chunk: memory holds one page, whatever the campaign's size. */
const PAGE = 5000;

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'waiting',
  SENDING: 'sending',
  SENT: 'sent, no report yet',
  DELIVERED: 'delivered',
  FAILED: 'failed',
  UNDELIVERED: 'undelivered',
  SKIPPED: 'not sent',
};

/**
 * One line per recipient: who, which message and its text, what became of it and
 * whether they clicked or opted out. Read a page at a time by keyset on the
 * (tenant, contact, campaign) unique index, in contact order, holding no connection
 * between pages, so a million recipients stream with flat memory and an abandoned
 * download holds nothing; the people who clicked are read once up front (far fewer
 * than recipients).
 */
export async function* exportCampaignRecipients(scope: ExportCampaignRecipientsOptions): AsyncGenerator<string> {
  await readCampaignHeader(scope);
  const values = [scope.tenantId, scope.campaignId];
  const [labels, clicked] = await Promise.all([
    pgPool().query<{ id: string; label: string }>(
      `SELECT id, chr(65 + ((row_number() OVER (ORDER BY position, "createdAt") - 1) % 26)::int) AS label
         FROM templates WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid`,
      values,
    ),
    pgPool().query<{ jobId: string }>(
      `SELECT DISTINCT s."sendJobId"::text AS "jobId"
         FROM clicks c JOIN short_links s ON s.id = c."shortLinkId"
        WHERE c."tenantId" = $1::uuid AND c."campaignId" = $2::uuid AND NOT c."isBot" AND s."sendJobId" IS NOT NULL`,
      values,
    ),
  ]);
  const labelOf = new Map(labels.rows.map((t) => [t.id, `Message ${t.label}`]));
  const clickers = new Set(clicked.rows.map((r) => r.jobId));
  yield writeCsv({
    rows: [['phone', 'name', 'message', 'message sent', 'status', 'error', 'clicked', 'opted out']],
  });
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await pgPool().query<{
      jobId: string;
      contactId: string;
      toE164: string;
      firstName: string | null;
      lastName: string | null;
      templateId: string | null;
      body: string | null;
      state: string;
      errorCode: string | null;
      errorMessage: string | null;
      optedOutAt: Date | null;
    }>(
      `SELECT j.id::text AS "jobId", j."contactId", j."toE164", k."firstName", k."lastName", j."templateId", j.body,
              j.state, j."errorCode", j."errorMessage", k."optedOutAt"
         FROM send_jobs j LEFT JOIN contacts k ON k.id = j."contactId" AND k."tenantId" = j."tenantId"
        WHERE j."tenantId" = $1::uuid AND j."contactId" > $3::uuid AND j."campaignId" = $2::uuid
        ORDER BY j."contactId" LIMIT ${PAGE}`,
      [...values, after],
    );
    if (!rows.length) return;
    yield writeCsv({
      rows: rows.map((r) => [
        r.toE164,
        [r.firstName, r.lastName].filter(Boolean).join(' '),
        (r.templateId && labelOf.get(r.templateId)) ?? '',
        r.body ?? '',
        STATUS_LABELS[r.state] ?? r.state.toLowerCase(),
        r.errorCode ? `${r.errorCode}: ${explainTwilioError(r.errorCode)}` : (r.errorMessage ?? ''),
        clickers.has(r.jobId) ? 'yes' : 'no',
        r.optedOutAt ? r.optedOutAt.toISOString() : '',
      ]),
    });
    after = rows[rows.length - 1].contactId;
  }
}

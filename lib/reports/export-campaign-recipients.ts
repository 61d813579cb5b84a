import 'server-only';
import { writeCsv } from '../csv/write-csv';
import { pgPool } from '../db/pg-pool';
import { explainTwilioError } from '../providers/twilio-errors';
import type { CampaignScope } from '../campaign-stats/campaign-stats';
import { readCampaignHeader } from './campaign-report-scope';

export type ExportCampaignRecipientsOptions = CampaignScope;

/** Rows read per CSV chunk: memory holds one page, whatever the campaign's size. */
const PAGE = 5000;

/** A cursor row's cells in column order. */
type RecipientRow = [string, string, string, string, string, string | null, string, boolean, string];

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
 * whether they clicked or opted out. One query read through a cursor a page at a
 * time on a connection of its own, so a million recipients stream with flat memory at
 * the database's pace; an abandoned download closes the cursor and gives the
 * connection back. The database joins in the names, labels and clicks, so each row
 * arrives as the cells it is written with.
 */
export async function* exportCampaignRecipients(scope: ExportCampaignRecipientsOptions): AsyncGenerator<string> {
  await readCampaignHeader(scope);
  const labels = await pgPool().query<{ id: string; label: string }>(
    `SELECT id, chr(65 + ((row_number() OVER (ORDER BY position, "createdAt") - 1) % 26)::int) AS label
       FROM templates WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid`,
    [scope.tenantId, scope.campaignId],
  );
  const labelOf = Object.fromEntries(labels.rows.map((t) => [t.id, `Message ${t.label}`]));
  yield writeCsv({
    rows: [['phone', 'name', 'message', 'message sent', 'status', 'error', 'clicked', 'opted out']],
  });
  const client = await pgPool().connect();
  let failed: Error | undefined;
  let finished = false;
  try {
    await client.query('BEGIN READ ONLY');
    // A cursor is planned for its first tenth by default, which walks both tables' indexes
    // in step; the export reads every row, and hashing the contacts once is three times faster.
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    await client.query(
      `DECLARE recipients NO SCROLL CURSOR FOR
       SELECT j."toE164", concat_ws(' ', nullif(k."firstName", ''), nullif(k."lastName", '')),
              coalesce($3::jsonb ->> j."templateId"::text, ''), coalesce(j.body, ''), coalesce($4::jsonb ->> j.state::text, lower(j.state::text)),
              nullif(j."errorCode", ''), coalesce(j."errorMessage", ''), c."sendJobId" IS NOT NULL,
              coalesce(to_char(k."optedOutAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')
         FROM send_jobs j
         LEFT JOIN contacts k ON k.id = j."contactId" AND k."tenantId" = j."tenantId"
         LEFT JOIN (SELECT DISTINCT "sendJobId" FROM short_links
                     WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND "firstHumanClickAt" IS NOT NULL) c
                ON c."sendJobId" = j.id
        WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid`,
      [scope.tenantId, scope.campaignId, labelOf, STATUS_LABELS],
    );
    for (;;) {
      const { rows } = await client.query<RecipientRow>({ text: `FETCH ${PAGE} FROM recipients`, rowMode: 'array' });
      if (!rows.length) break;
      yield writeCsv({
        rows: rows.map(([phone, name, message, body, status, errorCode, errorMessage, clicked, optedOutAt]) => [
          phone,
          name,
          message,
          body,
          status,
          errorCode ? `${errorCode}: ${explainTwilioError(errorCode)}` : errorMessage,
          clicked ? 'yes' : 'no',
          optedOutAt,
        ]),
      });
    }
    await client.query('COMMIT');
    finished = true;
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    // An abandoned download leaves the transaction open: a connection in that state is not handed out again.
    if (!failed && !finished) await client.query('ROLLBACK').catch((error: Error) => (failed = error));
    client.release(failed);
  }
}

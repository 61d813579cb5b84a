import type { Queryable } from '../db/queryable';
import { explainTwilioError } from '../webhooks/twilio-error-codes';

// Errors that say the number itself cannot take our messages. Sending again soon
// only costs money and hurts the sender's standing with carriers, so the number
// is suppressed for the tenant's suppression window (90 days by default).
const BOUNCE_CODES = new Set(['21211', '21614', '30004', '30005', '30006']);

export function isBounce(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && BOUNCE_CODES.has(code);
}

export async function suppressBouncedNumbers(
  db: Queryable,
  bounces: readonly { tenantId: string; phoneE164: string; campaignId: string; code: string }[],
  now: Date,
): Promise<void> {
  if (!bounces.length) return;
  await db.query(
    `INSERT INTO suppressions (id, "tenantId", "phoneE164", reason, "campaignId", "expiresAt", "createdAt")
     SELECT gen_random_uuid(), x.tenant::uuid, x.phone, x.reason, x.campaign::uuid,
            $1::timestamp + make_interval(days => COALESCE(s."suppressionDays", 90)), $1::timestamp
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(tenant, phone, reason, campaign)
     LEFT JOIN tenant_settings s ON s."tenantId" = x.tenant::uuid`,
    [
      now.toISOString(),
      bounces.map((b) => b.tenantId),
      bounces.map((b) => b.phoneE164),
      bounces.map((b) => `bounced: ${explainTwilioError(b.code)}`),
      bounces.map((b) => b.campaignId),
    ],
  );
}

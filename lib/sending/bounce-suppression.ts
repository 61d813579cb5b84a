import 'server-only';
import type { Queryable } from '../db/queryable';
import { explainTwilioError } from '../providers/twilio-errors';
import { TENANT_DEFAULTS } from '../tenants/tenant-defaults';

export async function suppressBouncedNumbers(
  db: Queryable,
  bounces: readonly { tenantId: string; phoneE164: string; campaignId: string; code: string }[],
  now: Date,
): Promise<void> {
  if (!bounces.length) return;
  await db.query(
    `INSERT INTO suppressions (id, "tenantId", "phoneE164", reason, "campaignId", "expiresAt", "createdAt")
     SELECT gen_random_uuid(), x.tenant::uuid, x.phone, x.reason, x.campaign::uuid,
            $1::timestamp + make_interval(days => COALESCE(s."suppressionDays", $6::int)), $1::timestamp
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(tenant, phone, reason, campaign)
     LEFT JOIN tenant_settings s ON s."tenantId" = x.tenant::uuid`,
    [
      now.toISOString(),
      bounces.map((b) => b.tenantId),
      bounces.map((b) => b.phoneE164),
      bounces.map((b) => `bounced: ${explainTwilioError(b.code)}`),
      bounces.map((b) => b.campaignId),
      TENANT_DEFAULTS.suppressionDays,
    ],
  );
}

import 'server-only';
import { inTransaction } from '../../db/transaction';
import type { SmsProvider } from '../../providers/sms-provider';
import { addUsage } from '../usage-ledger';
import { chargeSentJobs, recordJobEvents } from '../job-history';
import { usageToGiveBack } from './record-send-outcomes';
import { TENANT_DEFAULTS } from '../../tenants/tenant-defaults';

/** Longer than any provider request may take (15 s timeout), so no answer can still be on its way. */
export const SENDING_STALE_AFTER_MS = 2 * 60_000;

/**
 * Jobs left SENDING without a provider id whose batch lease has expired: the drain
 * died between handing a message over and recording the answer, or the answer
 * never came. A job whose lease is still held belongs to a drain that is still
 * working, however slowly, and is left alone. Each is looked
 * up at the provider: if it has the message, the job records it (and is never sent
 * again); if not, the message never left and the job goes back to the queue.
 * A provider that cannot be asked leaves the job for the next run.
 */
export interface RecoverInterruptedSendsOptions {
  provider: SmsProvider;
  now: Date;
  limit?: number;
}

export async function recoverInterruptedSends(
  options: RecoverInterruptedSendsOptions,
): Promise<{ found: number; requeued: number }> {
  const { provider, now } = options;
  const cutoff = new Date(now.getTime() - SENDING_STALE_AFTER_MS);
  return inTransaction(async (tx) => {
    // A drain that died leaves its lease behind; its jobs are dealt with below, its row is only history.
    await tx.query(`DELETE FROM send_leases WHERE "expiresAt" < clock_timestamp() - interval '1 day'`);
    const { rows } = await tx.query<{
      id: string;
      tenantId: string;
      toE164: string;
      body: string;
      claimedAt: Date;
      costMicros: number | null;
      sendingNumberId: string;
      fromValue: string | null;
      timeZone: string | null;
    }>(
      `SELECT j.id, j."tenantId", j."toE164", j.body, j."claimedAt", j."costMicros", j."sendingNumberId", n.value AS "fromValue",
              s."timeZone"
       FROM send_jobs j
       LEFT JOIN sending_numbers n ON n.id = j."sendingNumberId" AND n."tenantId" = j."tenantId"
       LEFT JOIN tenant_settings s ON s."tenantId" = j."tenantId"
       WHERE j.state = 'SENDING' AND j."providerMessageId" IS NULL AND j."claimedAt" < $1::timestamp
         AND NOT EXISTS (SELECT 1 FROM send_leases l WHERE l.id = j."leaseId" AND l."expiresAt" > clock_timestamp())
       ORDER BY j."claimedAt" LIMIT $2
       FOR UPDATE OF j SKIP LOCKED`,
      [cutoff.toISOString(), options.limit ?? 100],
    );
    let found = 0;
    let requeued = 0;
    const at = now.toISOString();
    for (const job of rows) {
      const sent = await provider
        .findSent({
          jobId: BigInt(job.id),
          to: job.toE164,
          from: job.fromValue ?? '',
          body: job.body ?? '',
          createdAfter: job.claimedAt,
        })
        .catch((error: unknown) => {
          console.error(
            `[drain] could not ask ${provider.name} about job ${job.id}:`,
            error instanceof Error ? error.message : error,
          );
          return undefined;
        });
      if (sent === undefined) continue;
      if (sent) {
        found += 1;
        await tx.query(
          `UPDATE send_jobs SET "providerMessageId" = $2, "updatedAt" = $3::timestamp WHERE id = $1::bigint`,
          [job.id, sent.providerMessageId, at],
        );
        await chargeSentJobs(
          tx,
          [
            {
              tenantId: job.tenantId,
              jobId: BigInt(job.id),
              costMicros: job.costMicros ?? 0,
              description: 'SMS, recorded after an interruption',
            },
          ],
          now,
        );
        await recordJobEvents(
          tx,
          [
            {
              tenantId: job.tenantId,
              jobId: BigInt(job.id),
              state: 'SENDING',
              detail: `found at ${provider.name} as ${sent.providerMessageId} after an interruption; not sent again`,
            },
          ],
          now,
        );
        continue;
      }
      requeued += 1;
      await tx.query(
        `UPDATE send_jobs SET state = 'QUEUED', "nextAttemptAt" = $2::timestamp, gate = 'retry', "gateReason" = 'interrupted before the provider had it; sending again', "updatedAt" = $2::timestamp WHERE id = $1::bigint`,
        [job.id, at],
      );
      await recordJobEvents(
        tx,
        [
          {
            tenantId: job.tenantId,
            jobId: BigInt(job.id),
            state: 'QUEUED',
            detail: `${provider.name} never received it after an interruption; queued again`,
          },
        ],
        now,
      );
      await addUsage(
        tx,
        usageToGiveBack(
          {
            tenantId: job.tenantId,
            timeZone: job.timeZone ?? TENANT_DEFAULTS.timeZone,
            sendingNumberId: job.sendingNumberId,
            costMicros: job.costMicros ?? 0,
          },
          job.claimedAt,
        ),
      );
    }
    return { found, requeued };
  });
}

import 'server-only';
import type { Queryable } from '../db/queryable';
import type { SendJobState } from '../generated/prisma/enums';

export interface JobEvent {
  tenantId: string;
  jobId: bigint;
  state: SendJobState;
  errorCode?: string | null;
  detail: string | null;
}

/** Adds lines to jobs' histories (what staff read on a contact's page), all in one statement. */
export async function recordJobEvents(tx: Queryable, events: readonly JobEvent[], at: Date): Promise<void> {
  if (!events.length) return;
  await tx.query(
    `INSERT INTO send_job_events ("tenantId", "sendJobId", state, "errorCode", detail, "occurredAt")
     SELECT x.tenant::uuid, x.job::bigint, x.state::"SendJobState", x.code, x.detail, $1::timestamp
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(tenant, job, state, code, detail)`,
    [
      at.toISOString(),
      events.map((e) => e.tenantId),
      events.map((e) => e.jobId.toString()),
      events.map((e) => e.state),
      events.map((e) => e.errorCode ?? null),
      events.map((e) => e.detail),
    ],
  );
}

/** Charges messages the provider took to the spend ledger; a job is charged once, however often this runs for it. */
export async function chargeSentJobs(
  tx: Queryable,
  charges: readonly { tenantId: string; jobId: bigint; costMicros: number; description: string }[],
  at: Date,
): Promise<void> {
  if (!charges.length) return;
  await tx.query(
    `INSERT INTO spend_ledger ("tenantId", "sendJobId", "amountMicros", description, "occurredAt")
     SELECT x.tenant::uuid, x.job::bigint, x.amount, x.description, $1::timestamp
     FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[]) AS x(tenant, job, amount, description)
     ON CONFLICT ("sendJobId") DO NOTHING`,
    [
      at.toISOString(),
      charges.map((c) => c.tenantId),
      charges.map((c) => c.jobId.toString()),
      charges.map((c) => c.costMicros),
      charges.map((c) => c.description),
    ],
  );
}

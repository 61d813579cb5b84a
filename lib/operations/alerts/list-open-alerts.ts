import 'server-only';
import { pgPool } from '../../db/pg-pool';
import { runbookLink } from './runbook-link';

export interface OpenAlert {
  key: string;
  title: string;
  detail: string;
  runbook: string;
  raisedAt: Date;
}

/** The open alerts an admin of `tenantId` sees: the installation's and the workspace's own. */
export async function listOpenAlerts({ tenantId }: { tenantId: string }): Promise<OpenAlert[]> {
  const { rows } = await pgPool().query<Omit<OpenAlert, 'runbook'> & { anchor: string }>(
    `SELECT key, title, detail, runbook AS anchor, "raisedAt" FROM operational_alerts
     WHERE "clearedAt" IS NULL AND ("tenantId" IS NULL OR "tenantId" = $1::uuid) ORDER BY "raisedAt"`,
    [tenantId],
  );
  return rows.map(({ anchor, ...alert }) => ({ ...alert, runbook: runbookLink(anchor) }));
}

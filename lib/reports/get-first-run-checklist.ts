import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';

export interface ChecklistStep {
  label: string;
  /** Where the step is done. */
  href: string;
  done: boolean;
}

export interface GetFirstRunChecklistOptions {
  actor: Actor;
}

/**
 * The five steps from a new workspace to a first campaign, each ticked from what
 * the workspace has really done (not from what someone clicked away), in the order
 * they are taken.
 */
export async function getFirstRunChecklist({ actor }: GetFirstRunChecklistOptions): Promise<ChecklistStep[]> {
  const {
    rows: [done],
  } = await pgPool().query<{ number: boolean; contacts: boolean; test: boolean; dryRun: boolean; launched: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM sending_numbers WHERE "tenantId" = $1::uuid) AS number,
            EXISTS (SELECT 1 FROM contacts WHERE "tenantId" = $1::uuid) AS contacts,
            EXISTS (SELECT 1 FROM audit_log WHERE "tenantId" = $1::uuid AND action = 'campaign.test_sent') AS test,
            EXISTS (SELECT 1 FROM campaigns WHERE "tenantId" = $1::uuid AND "lastDryRunAt" IS NOT NULL) AS "dryRun",
            EXISTS (SELECT 1 FROM campaigns WHERE "tenantId" = $1::uuid AND "launchedAt" IS NOT NULL) AS launched`,
    [actor.tenantId],
  );
  return [
    { label: 'Add a sending number', href: '/settings', done: done.number },
    { label: 'Import your contacts', href: '/imports', done: done.contacts },
    { label: 'Send a test message to your own phone', href: '/campaigns', done: done.test },
    { label: 'Run a dry run of a campaign', href: '/campaigns', done: done.dryRun },
    { label: 'Launch your first campaign', href: '/campaigns', done: done.launched },
  ];
}

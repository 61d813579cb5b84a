import { describe, expect, it } from 'vitest';
import { foldReportShards } from '@/lib/campaign-stats/fold-report-shards';
import { optOutNumber } from '@/lib/contacts/opt-out';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { inTransaction } from '@/lib/db/transaction';
import { workspaceSummary } from '@/lib/reports/workspace-summary';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { addContacts } from '../../support/sending-fixtures';

async function counted(tenantId: string) {
  const { rows } = await pgPool().query<{ contacts: number; dnc: number }>(
    `SELECT (SELECT count(*) FROM contacts WHERE "tenantId" = $1::uuid)::int AS contacts,
            (SELECT count(*) FROM dnc_entries WHERE "tenantId" = $1::uuid)::int AS dnc`,
    [tenantId],
  );
  return { contacts: rows[0].contacts, optedOut: rows[0].dnc };
}

describe("the dashboard's contact and DNC counts", () => {
  it('equal a count of the rows after bulk and single inserts, deletes and opt-outs, in concurrent transactions, before and after folding', async () => {
    const tenantId = (await createTenant('Counted')).id;
    const other = (await createTenant('Other')).id;
    const actor = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
    const summary = async () => {
      const { contacts, optedOut } = await workspaceSummary({ actor });
      return { contacts, optedOut };
    };

    const contacts = await addContacts(tenantId, 30);
    await addContacts(other, 7);
    await db().contact.create({ data: { tenantId, phoneE164: '+61412999001' } });
    await Promise.all(
      contacts
        .slice(0, 6)
        .map((c) =>
          inTransaction((tx) =>
            optOutNumber(tx, { tenantId, phoneE164: c.phoneE164, source: 'STOP_REPLY', reason: 'STOP' }),
          ),
        ),
    );
    // A number on the DNC list that is no contact's.
    await inTransaction((tx) =>
      optOutNumber(tx, { tenantId, phoneE164: '+61412999002', source: 'ADMIN', reason: 'asked by phone' }),
    );
    await pgPool().query(`DELETE FROM contacts WHERE id = ANY($1::uuid[])`, [contacts.slice(20).map((c) => c.id)]);
    await pgPool().query(`DELETE FROM dnc_entries WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`, [
      tenantId,
      contacts[0].phoneE164,
    ]);

    const expected = await counted(tenantId);
    expect(expected).toEqual({ contacts: 21, optedOut: 6 });
    expect(await summary()).toEqual(expected);
    await foldReportShards();
    expect(await summary()).toEqual(expected);
    const { rows } = await pgPool().query(`SELECT shard FROM tenant_counts WHERE "tenantId" = $1::uuid`, [tenantId]);
    expect(rows).toEqual([{ shard: 0 }]);
  });
});

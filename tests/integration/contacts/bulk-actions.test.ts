import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { StartBulkActionInput } from '@/lib/contacts/bulk-action-schemas';
import { getBulkAction } from '@/lib/contacts/get-bulk-action';
import { getContactHistory } from '@/lib/contacts/get-contact-history';
import { resumeBulkActions } from '@/lib/contacts/resume-bulk-actions';
import { runBulkAction } from '@/lib/contacts/run-bulk-action';
import { startBulkAction } from '@/lib/contacts/start-bulk-action';
import { pgPool } from '@/lib/db/pg-pool';
import { signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { addContacts, jobStates, runningCampaign, sendingNumber, sendingTenant } from '../../support/sending-fixtures';
import { refusalMessage } from '../../support/refusal';

async function member(tenantId: string, role: 'STAFF' | 'ADMIN'): Promise<Actor> {
  return actorFor(await signedInMember(tenantId, role), role);
}

async function tag(tenantId: string, contacts: { id: string }[], tags: string[]) {
  await pgPool().query(`UPDATE contacts SET tags = $3::text[] WHERE "tenantId" = $1::uuid AND id = ANY($2::uuid[])`, [
    tenantId,
    contacts.map((c) => c.id),
    tags,
  ]);
}

const count = async (sql: string, values: unknown[]) =>
  (await pgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, values)).rows[0].n;

describe('bulk actions on every contact a filter matches', () => {
  it('tags 100,000 contacts set-based a chunk at a time, resumes an interrupted run where it stopped, and only once per contact', async () => {
    const tenantId = await sendingTenant();
    const staff = await member(tenantId, 'STAFF');
    const { rows: spring } = await pgPool().query<{ id: string }>(
      `INSERT INTO contacts ("tenantId", "phoneE164", "consentStatus", tags, "updatedAt")
       SELECT $1::uuid, '+6149' || lpad(g::text, 7, '0'), 'EXPLICIT', ARRAY['spring'], now()
       FROM generate_series(1, 100000) g RETURNING id`,
      [tenantId],
    );
    await tag(tenantId, await addContacts(tenantId, 300), ['autumn']);
    const input: StartBulkActionInput = {
      filter: { tag: 'spring' },
      action: { kind: 'ADD_TAGS', tags: ['vip'] },
      expectedCount: 99_999,
    };
    expect(await refusalMessage(startBulkAction({ actor: staff, input }))).toBe(
      'This filter now matches 100,000 contacts, not the 99,999 you confirmed; nothing was changed. Check the list and confirm again.',
    );
    expect(await count('bulk_actions WHERE "tenantId" = $1::uuid', [tenantId])).toBe(0);

    const started = await startBulkAction({ actor: staff, input: { ...input, expectedCount: 100_000 } });
    expect(started.total).toBe(100_000);
    // A run that stops after three chunks, as one whose server went away would.
    await runBulkAction({ bulkActionId: started.id, chunkLimit: 3 });
    expect(await getBulkAction({ actor: staff, bulkActionId: started.id })).toMatchObject({
      done: 15_000,
      total: 100_000,
      state: 'RUNNING',
    });
    expect(await count(`contacts WHERE "tenantId" = $1::uuid AND 'vip' = ANY(tags)`, [tenantId])).toBe(15_000);
    expect(await resumeBulkActions()).toEqual({ resumed: 0 });
    await pgPool().query(`UPDATE bulk_actions SET "updatedAt" = now() - interval '1 minute' WHERE id = $1::uuid`, [
      started.id,
    ]);
    expect(await resumeBulkActions()).toEqual({ resumed: 1 });
    expect(await getBulkAction({ actor: staff, bulkActionId: started.id })).toMatchObject({
      done: 100_000,
      state: 'DONE',
    });
    expect(await count(`contacts WHERE "tenantId" = $1::uuid AND tags = ARRAY['spring', 'vip']`, [tenantId])).toBe(
      100_000,
    );
    expect(await count(`contacts WHERE "tenantId" = $1::uuid AND tags = ARRAY['autumn']`, [tenantId])).toBe(300);
    expect(await count(`audit_log WHERE "tenantId" = $1::uuid AND action = 'contacts.bulk_action'`, [tenantId])).toBe(
      1,
    );
    const [latest] = await getContactHistory({ actor: staff, contactId: spring[123].id });
    expect(latest).toMatchObject({ who: staff.email, what: 'Tagged vip with 99,999 other contacts' });
  });

  it('opts out the filtered contacts as a STOP would, removes tags, and deletes only for an admin, keeping opted-out numbers on the DNC list', async () => {
    const tenantId = await sendingTenant();
    const staff = await member(tenantId, 'STAFF');
    const admin = await member(tenantId, 'ADMIN');
    const number = await sendingNumber(tenantId);
    const event = await addContacts(tenantId, 1_200);
    await tag(tenantId, event, ['march-event', 'vip']);
    const others = await addContacts(tenantId, 50);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [number.id] });
    expect(await jobStates(campaignId)).toEqual({ QUEUED: 1_250 });

    const optOut = await startBulkAction({
      actor: staff,
      input: {
        filter: { tag: 'march-event' },
        action: { kind: 'OPT_OUT', reason: 'Asked in person at the March event' },
        expectedCount: 1_200,
      },
    });
    await runBulkAction({ bulkActionId: optOut.id });
    expect(await jobStates(campaignId)).toEqual({ QUEUED: 50, SKIPPED: 1_200 });
    expect(
      await count(`dnc_entries WHERE "tenantId" = $1::uuid AND source = 'ADMIN' AND reason = $2`, [
        tenantId,
        'Asked in person at the March event',
      ]),
    ).toBe(1_200);
    expect(await count(`contacts WHERE "tenantId" = $1::uuid AND "optedOutAt" IS NOT NULL`, [tenantId])).toBe(1_200);
    expect(
      await count(`consent_events WHERE "tenantId" = $1::uuid AND action = 'OPTED_OUT' AND "actorUserId" = $2::uuid`, [
        tenantId,
        staff.userId,
      ]),
    ).toBe(1_200);

    const untag = await startBulkAction({
      actor: staff,
      input: { filter: { tag: 'vip' }, action: { kind: 'REMOVE_TAGS', tags: ['vip'] }, expectedCount: 1_200 },
    });
    await runBulkAction({ bulkActionId: untag.id });
    expect(await count(`contacts WHERE "tenantId" = $1::uuid AND tags = ARRAY['march-event']`, [tenantId])).toBe(1_200);

    const deletion: StartBulkActionInput = { filter: {}, action: { kind: 'DELETE' }, expectedCount: 1_250 };
    expect(await refusalMessage(startBulkAction({ actor: staff, input: deletion }))).toBe(
      'Only an admin can delete contacts in bulk.',
    );
    const deleted = await startBulkAction({ actor: admin, input: deletion });
    await runBulkAction({ bulkActionId: deleted.id });
    expect(await count(`contacts WHERE "tenantId" = $1::uuid`, [tenantId])).toBe(0);
    expect(await count(`dnc_entries WHERE "tenantId" = $1::uuid`, [tenantId])).toBe(1_200);
    expect(await jobStates(campaignId)).toEqual({ SKIPPED: 1_250 });
    const gone = await pgPool().query<{ gateReason: string }>(
      `SELECT "gateReason" FROM send_jobs WHERE "tenantId" = $1::uuid AND "contactId" = $2::uuid`,
      [tenantId, others[0].id],
    );
    expect(gone.rows[0].gateReason).toBe('contact deleted');
  });
});

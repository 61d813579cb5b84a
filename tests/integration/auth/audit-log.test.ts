import { describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/auth/list-audit';
import { db } from '@/lib/db/client';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

describe('the audit log', () => {
  it('names what was done and the record it was done to, and pages back through older entries', async () => {
    const tenantId = (await createTenant('Audited')).id;
    const admin = await actorFor(await signedInMember(tenantId, 'ADMIN'), 'ADMIN');
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Spring sale' }, select: { id: true } });
    await db().auditLog.createMany({
      data: [
        {
          tenantId,
          actorUserId: admin.userId,
          action: 'campaign.created',
          entityType: 'campaign',
          entityId: campaign.id,
        },
        ...Array.from({ length: 3 }, () => ({
          tenantId,
          actorUserId: null,
          action: 'campaign.launched',
          entityType: 'campaign',
          entityId: '00000000-0000-4000-8000-000000000009',
        })),
      ],
    });

    const first = await listAudit({ actor: admin, query: { limit: 3 } });
    expect(first.entries.map((e) => [e.what, e.actor, e.record])).toEqual(
      Array(3).fill(['Launched a campaign', 'system', { label: 'a deleted campaign', href: null }]),
    );
    expect(first.nextBefore).not.toBeNull();
    const older = await listAudit({ actor: admin, query: { limit: 3, before: BigInt(first.nextBefore!) } });
    expect(older.entries.map((e) => [e.what, e.actor, e.record])).toEqual([
      ['Created a campaign', admin.email, { label: 'Spring sale', href: `/campaigns/${campaign.id}` }],
    ]);
    expect(older.nextBefore).toBeNull();
  });
});

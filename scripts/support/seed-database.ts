import type { PrismaClient } from '../../lib/generated/prisma/client';

export const PRIMARY_TENANT_ID = '00000000-0000-0000-0000-000000000001';

/** Idempotent: the default tenant `primary`, its settings and its first admin. */
export async function seedDatabase(prisma: PrismaClient, options: { adminEmail: string }): Promise<void> {
  const email = options.adminEmail.trim().toLowerCase();
  await prisma.$transaction(async (tx) => {
    await tx.tenant.upsert({
      where: { id: PRIMARY_TENANT_ID },
      create: { id: PRIMARY_TENANT_ID, slug: 'primary', name: 'Primary' },
      update: {},
    });
    await tx.tenantSettings.upsert({
      where: { tenantId: PRIMARY_TENANT_ID },
      create: { tenantId: PRIMARY_TENANT_ID },
      update: {},
    });
    const admin = await tx.user.upsert({ where: { email }, create: { email, name: 'Administrator' }, update: {} });
    const membership = await tx.membership.upsert({
      where: { tenantId_userId: { tenantId: PRIMARY_TENANT_ID, userId: admin.id } },
      create: { tenantId: PRIMARY_TENANT_ID, userId: admin.id, role: 'ADMIN' },
      update: {},
    });
    const alreadyAudited = await tx.auditLog.findFirst({
      where: { tenantId: PRIMARY_TENANT_ID, action: 'seed.admin', entityId: membership.id },
      select: { id: true },
    });
    if (!alreadyAudited) {
      await tx.auditLog.create({
        data: {
          tenantId: PRIMARY_TENANT_ID,
          action: 'seed.admin',
          entityType: 'membership',
          entityId: membership.id,
          details: { email },
        },
      });
    }
  });
}

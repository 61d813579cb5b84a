import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveActor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { changeRole } from '@/lib/users/change-role';
import { inviteUser } from '@/lib/users/invite-user';
import { removeMember } from '@/lib/users/remove-member';
import { createTenant, signedInMember, type SignedInMember } from '../../support/fixtures';

async function actorOf(member: SignedInMember) {
  const token = member.cookie.match(/session-token=([^;]+)/)?.[1];
  const actor = await resolveActor(token, member.tenantId);
  if (!actor) throw new Error('no actor');
  return actor;
}

describe('managing members', () => {
  let tenantId: string;
  let admin: SignedInMember;

  beforeEach(async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    tenantId = (await createTenant('Members')).id;
    admin = await signedInMember(tenantId, 'ADMIN');
  });

  it('invites a new address as a member with the chosen role, audited', async () => {
    const { id } = await inviteUser({
      actor: await actorOf(admin),
      input: { email: 'new.person@example.com', role: 'STAFF' },
    });
    const membership = await db().membership.findUniqueOrThrow({
      where: { id },
      select: { role: true, tenantId: true, user: { select: { email: true } } },
    });
    expect(membership).toEqual({ role: 'STAFF', tenantId, user: { email: 'new.person@example.com' } });
    const audit = await db().auditLog.findFirst({ where: { tenantId, action: 'user.invited', entityId: id } });
    expect(audit?.actorUserId).toBe(admin.userId);
  });

  it('refuses to invite someone who is already a member', async () => {
    const actor = await actorOf(admin);
    await inviteUser({ actor, input: { email: 'twice@example.com', role: 'VIEWER' } });
    await expect(inviteUser({ actor, input: { email: 'twice@example.com', role: 'STAFF' } })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await db().membership.count({ where: { tenantId, user: { email: 'twice@example.com' } } })).toBe(1);
  });

  it('adds an existing user of another tenant without creating a second user', async () => {
    const other = await createTenant('Other');
    const person = await signedInMember(other.id, 'STAFF', 'shared@example.com');
    await inviteUser({ actor: await actorOf(admin), input: { email: 'shared@example.com', role: 'VIEWER' } });
    expect(await db().user.count({ where: { email: 'shared@example.com' } })).toBe(1);
    expect(await db().membership.count({ where: { userId: person.userId } })).toBe(2);
  });

  it('changes a role and records who changed it from what to what', async () => {
    const viewer = await signedInMember(tenantId, 'VIEWER');
    await changeRole({ actor: await actorOf(admin), membershipId: viewer.membershipId, role: 'STAFF' });
    expect((await db().membership.findUniqueOrThrow({ where: { id: viewer.membershipId } })).role).toBe('STAFF');
    const audit = await db().auditLog.findFirstOrThrow({
      where: { tenantId, action: 'user.role_changed', entityId: viewer.membershipId },
    });
    expect(audit.details).toEqual({ from: 'VIEWER', to: 'STAFF' });
  });

  it('never leaves a tenant without an admin', async () => {
    const actor = await actorOf(admin);
    await expect(changeRole({ actor, membershipId: admin.membershipId, role: 'STAFF' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(removeMember({ actor, membershipId: admin.membershipId })).rejects.toMatchObject({ code: 'conflict' });
    expect((await db().membership.findUniqueOrThrow({ where: { id: admin.membershipId } })).role).toBe('ADMIN');
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const second = await signedInMember(tenantId, 'ADMIN');
    const [a, b] = [await actorOf(admin), await actorOf(second)];
    const results = await Promise.allSettled([
      changeRole({ actor: a, membershipId: second.membershipId, role: 'VIEWER' }),
      changeRole({ actor: b, membershipId: admin.membershipId, role: 'VIEWER' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().membership.count({ where: { tenantId, role: 'ADMIN' } })).toBe(1);
  });

  it('removes a member and ends their sessions when they belong nowhere else', async () => {
    const staff = await signedInMember(tenantId, 'STAFF');
    await removeMember({ actor: await actorOf(admin), membershipId: staff.membershipId });
    expect(await db().membership.count({ where: { id: staff.membershipId } })).toBe(0);
    expect(await db().session.count({ where: { userId: staff.userId } })).toBe(0);
    expect(
      await db().auditLog.count({ where: { tenantId, action: 'user.removed', entityId: staff.membershipId } }),
    ).toBe(1);
  });

  it("cannot touch another tenant's member", async () => {
    const other = await createTenant('Other');
    const stranger = await signedInMember(other.id, 'STAFF');
    await expect(
      changeRole({ actor: await actorOf(admin), membershipId: stranger.membershipId, role: 'ADMIN' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      removeMember({ actor: await actorOf(admin), membershipId: stranger.membershipId }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await db().membership.findUniqueOrThrow({ where: { id: stranger.membershipId } })).role).toBe('STAFF');
  });
});

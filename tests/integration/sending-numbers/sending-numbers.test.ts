import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PATCH } from '@/app/api/sending-numbers/[numberId]/route';
import { GET, POST } from '@/app/api/sending-numbers/route';
import { db } from '@/lib/db/client';
import { listSendingNumbers } from '@/lib/sending-numbers/list-sending-numbers';
import type { SendingNumberView } from '@/lib/sending-numbers/sending-number-view';
import { callRoute, createTenant, signedInMember, type SignedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

const DAY = 86_400_000;

function addNumber(member: SignedInMember, body: unknown) {
  return callRoute(POST, { method: 'POST', path: '/api/sending-numbers', cookie: member.cookie, body });
}

function changeNumber(member: SignedInMember, numberId: string, body: unknown) {
  return callRoute(PATCH, {
    method: 'PATCH',
    path: `/api/sending-numbers/${numberId}`,
    cookie: member.cookie,
    params: { numberId },
    body,
  });
}

async function listNumbers(member: SignedInMember): Promise<SendingNumberView[]> {
  const res = await callRoute(GET, { method: 'GET', path: '/api/sending-numbers', cookie: member.cookie });
  expect(res.status).toBe(200);
  return (await res.json()).numbers;
}

/** Makes every sending-number audit insert fail, to show the change rolls back with it. */
async function withAuditRefused(run: () => Promise<void>) {
  await db().$executeRawUnsafe(`CREATE FUNCTION refuse_sending_number_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.action LIKE 'sending_number.%' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`);
  await db().$executeRawUnsafe(
    'CREATE TRIGGER refuse_sending_number_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_sending_number_audit()',
  );
  try {
    await run();
  } finally {
    await db().$executeRawUnsafe('DROP TRIGGER refuse_sending_number_audit ON audit_log');
    await db().$executeRawUnsafe('DROP FUNCTION refuse_sending_number_audit()');
  }
}

describe('sending numbers', () => {
  let tenantId: string;
  let admin: SignedInMember;
  let otherAdmin: SignedInMember;

  beforeEach(async () => {
    // Long codes are unique across workspaces, so each test starts with none held anywhere in this file's database.
    await db().sendingNumber.deleteMany();
    tenantId = (await createTenant('Senders')).id;
    admin = await signedInMember(tenantId, 'ADMIN');
    otherAdmin = await signedInMember((await createTenant('Elsewhere')).id, 'ADMIN');
  });

  it('stores a long code typed as "0412 345 678" as +61412345678 and audits who added it', async () => {
    const res = await addNumber(admin, { kind: 'LONG_CODE', value: '0412 345 678', dailyCap: 2000 });
    expect(res.status).toBe(201);
    const { number } = await res.json();
    expect(number).toMatchObject({
      value: '+61412345678',
      kind: 'LONG_CODE',
      dailyCap: 2000,
      active: true,
      today: { day: 1, limit: 50, warmingUp: true },
    });
    const row = await db().sendingNumber.findUniqueOrThrow({
      where: { id: number.id },
      select: { tenantId: true, value: true, kind: true, dailyCap: true, registered: true },
    });
    expect(row).toEqual({ tenantId, value: '+61412345678', kind: 'LONG_CODE', dailyCap: 2000, registered: false });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { tenantId, action: 'sending_number.created', entityId: number.id },
      select: { actorUserId: true, details: true },
    });
    expect(audit.actorUserId).toBe(admin.userId);
    expect(audit.details).toMatchObject({ value: '+61412345678', kind: 'LONG_CODE' });
  });

  it('stores an alphanumeric sender ID exactly as typed, with its registration', async () => {
    const res = await addNumber(admin, {
      kind: 'ALPHANUMERIC',
      value: 'Acme Co',
      registered: true,
      messagingServiceSid: `MG${'0a'.repeat(16)}`,
    });
    expect(res.status).toBe(201);
    expect(
      await db().sendingNumber.findFirst({
        where: { tenantId },
        select: { value: true, kind: true, registered: true, messagingServiceSid: true },
      }),
    ).toEqual({
      value: 'Acme Co',
      kind: 'ALPHANUMERIC',
      registered: true,
      messagingServiceSid: `MG${'0a'.repeat(16)}`,
    });
  });

  it.each([
    ['only digits', { kind: 'ALPHANUMERIC', value: '12345678' }, 'A sender ID cannot be only digits'],
    [
      'too long',
      { kind: 'ALPHANUMERIC', value: 'ACMEPLUMBING' },
      'A sender ID can have at most 11 characters; this one has 12.',
    ],
    [
      'led by an underscore',
      { kind: 'ALPHANUMERIC', value: '_Acme' },
      'A sender ID cannot start or end with an underscore.',
    ],
    ['not ASCII', { kind: 'ALPHANUMERIC', value: 'Café Co' }, 'A sender ID may use only printable ASCII'],
    ['not a phone number', { kind: 'LONG_CODE', value: '0412 345' }, '"0412 345" is not a usable long code'],
  ])('refuses a sender that is %s with 422 and says why, storing nothing', async (_case, body, reason) => {
    const res = await addNumber(admin, body);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toContain(reason);
    expect(await db().sendingNumber.count({ where: { tenantId } })).toBe(0);
    expect(await db().auditLog.count({ where: { tenantId, action: 'sending_number.created' } })).toBe(0);
  });

  it('refuses with 409 a long code another workspace already sends from, however it is written', async () => {
    expect((await addNumber(otherAdmin, { kind: 'LONG_CODE', value: '0412 345 678' })).status).toBe(201);
    const res = await addNumber(admin, { kind: 'LONG_CODE', value: '+61 412 345 678' });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.message).toBe(
      '+61412345678 already belongs to another workspace. A long code can belong to only one, because replies to it are routed by the number.',
    );
    expect(await db().sendingNumber.count({ where: { tenantId } })).toBe(0);
    expect(await db().sendingNumber.count({ where: { value: '+61412345678' } })).toBe(1);
  });

  it('gives each long code to only one of two workspaces adding it at the same moment', async () => {
    // Several contested numbers at once, so a check-then-insert race would show up in at least one.
    const values = Array.from({ length: 8 }, (_, i) => `+6141299900${i}`);
    const results = await Promise.all(
      values.flatMap((value) =>
        [admin, otherAdmin].map(async (member) => ({
          value,
          status: (await addNumber(member, { kind: 'LONG_CODE', value })).status,
        })),
      ),
    );
    for (const value of values) {
      expect(
        results
          .filter((r) => r.value === value)
          .map((r) => r.status)
          .sort(),
      ).toEqual([201, 409]);
      expect(await db().sendingNumber.count({ where: { value } })).toBe(1);
    }
  });

  it('lets two workspaces use the same alphanumeric sender ID, since it cannot receive replies', async () => {
    expect((await addNumber(otherAdmin, { kind: 'ALPHANUMERIC', value: 'ACME' })).status).toBe(201);
    expect((await addNumber(admin, { kind: 'ALPHANUMERIC', value: 'ACME' })).status).toBe(201);
    expect(await db().sendingNumber.count({ where: { value: 'ACME' } })).toBe(2);
  });

  it('refuses with 409 a number this workspace already has', async () => {
    expect((await addNumber(admin, { kind: 'LONG_CODE', value: '0412 345 678' })).status).toBe(201);
    const res = await addNumber(admin, { kind: 'LONG_CODE', value: '61412345678' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain("already one of this workspace's sending numbers");
    expect(await db().sendingNumber.count({ where: { tenantId } })).toBe(1);
  });

  it('toggles registered and active and audits each change from what to what', async () => {
    const { number } = await (await addNumber(admin, { kind: 'ALPHANUMERIC', value: 'Acme' })).json();

    const registered = await changeNumber(admin, number.id, { registered: true });
    expect(registered.status).toBe(200);
    expect((await registered.json()).number).toMatchObject({ id: number.id, registered: true, active: true });
    const deactivated = await changeNumber(admin, number.id, { active: false });
    expect(deactivated.status).toBe(200);

    expect(
      await db().sendingNumber.findUniqueOrThrow({
        where: { id: number.id },
        select: { registered: true, active: true },
      }),
    ).toEqual({ registered: true, active: false });
    const audits = await db().auditLog.findMany({
      where: { tenantId, action: 'sending_number.updated', entityId: number.id },
      orderBy: { createdAt: 'asc' },
      select: { actorUserId: true, details: true },
    });
    expect(audits).toEqual([
      { actorUserId: admin.userId, details: { value: 'Acme', changes: { registered: { from: false, to: true } } } },
      { actorUserId: admin.userId, details: { value: 'Acme', changes: { active: { from: true, to: false } } } },
    ]);
  });

  it('writes nothing when the audit row cannot be written, because both share one transaction', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { number } = await (await addNumber(admin, { kind: 'ALPHANUMERIC', value: 'Acme' })).json();
    await withAuditRefused(async () => {
      expect((await changeNumber(admin, number.id, { registered: true, active: false })).status).toBe(500);
      expect((await addNumber(admin, { kind: 'LONG_CODE', value: '0412 345 678' })).status).toBe(500);
    });
    expect(
      await db().sendingNumber.findUniqueOrThrow({
        where: { id: number.id },
        select: { registered: true, active: true },
      }),
    ).toEqual({ registered: false, active: true });
    expect(await db().sendingNumber.count({ where: { tenantId, value: '+61412345678' } })).toBe(0);
  });

  it("answers 404 for another workspace's number or a malformed id, changing nothing", async () => {
    const { number } = await (await addNumber(admin, { kind: 'ALPHANUMERIC', value: 'Acme' })).json();
    expect((await changeNumber(otherAdmin, number.id, { active: false })).status).toBe(404);
    expect((await changeNumber(admin, 'not-a-uuid', { active: false })).status).toBe(404);
    expect((await changeNumber(admin, crypto.randomUUID(), { active: false })).status).toBe(404);
    expect((await db().sendingNumber.findUniqueOrThrow({ where: { id: number.id } })).active).toBe(true);
    expect(await db().auditLog.count({ where: { action: 'sending_number.updated', entityId: number.id } })).toBe(0);
  });

  it("lists the workspace's numbers to a viewer with what each may send today", async () => {
    const now = Date.now();
    const add = (value: string, warmupStartedAt: number, dailyCap = 1000) =>
      db().sendingNumber.create({
        data: { tenantId, value, kind: 'ALPHANUMERIC', warmupStartedAt: new Date(warmupStartedAt), dailyCap },
      });
    await add('New', now);
    await add('Seasoned', now - 30 * DAY, 2500);
    await add('Later', now + DAY);
    await add('Small', now - 2 * DAY, 80);
    await db().sendingNumber.create({
      data: { tenantId: otherAdmin.tenantId, value: 'NotOurs', kind: 'ALPHANUMERIC' },
    });

    const numbers = await listNumbers(await signedInMember(tenantId, 'VIEWER'));
    expect(Object.fromEntries(numbers.map((n) => [n.value, n.today]))).toEqual({
      New: { day: 1, limit: 50, warmingUp: true },
      Seasoned: { day: expect.any(Number), limit: 2500, warmingUp: false },
      Later: { day: 0, limit: 0, warmingUp: true },
      // Two days back is the third local day (the fourth across a DST change); the cap holds either way.
      Small: { day: expect.any(Number), limit: 80, warmingUp: true },
    });
    expect(numbers.find((n) => n.value === 'New')!.tomorrow).toEqual({ day: 2, limit: 100, warmingUp: true });
    expect(numbers.find((n) => n.value === 'Later')!.tomorrow).toMatchObject({ day: 1, limit: 50 });
  });

  it('warns that a New Zealand mobile sends international texts, and says nothing of an Australian one', async () => {
    for (const value of ['+64211234567', '+61412345678'])
      await db().sendingNumber.create({ data: { tenantId, value, kind: 'LONG_CODE' } });
    const numbers = await listNumbers(await signedInMember(tenantId, 'VIEWER'));
    expect(Object.fromEntries(numbers.map((n) => [n.value, n.notice]))).toEqual({
      '+64211234567': expect.stringMatching(
        /^A New Zealand number: Australian phones receive its texts as international/,
      ),
      '+61412345678': null,
    });
  });

  it("counts warm-up days in the workspace's time zone", async () => {
    await db().tenantSettings.update({ where: { tenantId }, data: { timeZone: 'Australia/Perth' } });
    // 23:30 on 10 March in Perth; an hour later it is 11 March there (still 10 March in UTC and 11 March in Sydney all along).
    await db().sendingNumber.create({
      data: { tenantId, value: '+61412345678', kind: 'LONG_CODE', warmupStartedAt: new Date('2026-03-10T15:30:00Z') },
    });
    const [number] = await listSendingNumbers({ actor: await actorFor(admin), now: new Date('2026-03-10T16:30:00Z') });
    expect(number.today).toEqual({ day: 2, limit: 100, warmingUp: true });
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { getInboxDigest } from '@/lib/conversations/get-inbox-digest';
import { listConversations } from '@/lib/conversations/list-conversations';
import { sendInboxDigests } from '@/lib/conversations/send-inbox-digests';
import { setInboxDigest } from '@/lib/conversations/set-inbox-digest';
import { updateConversation } from '@/lib/conversations/update-conversation';
import { db } from '@/lib/db/client';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { startSmtpSink } from '../../support/smtp-sink';

// A real SMTP exchange: the digests go to a local sink that keeps them.
const { mails, close } = await startSmtpSink();
afterAll(close);

let sid = 0;
const NOW = new Date();
const minutesFromNow = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function workspace(name: string) {
  const tenant = await createTenant(name);
  const number = `+614${String(Date.now() % 1e8).padStart(8, '0')}`;
  await db().sendingNumber.create({ data: { tenantId: tenant.id, value: number, kind: 'LONG_CODE' } });
  return { tenantId: tenant.id, number };
}

async function textIn(tenantId: string, number: string, from: string, body: string, at: Date, keyword = 'NONE') {
  await db().inboundMessage.create({
    data: {
      tenantId,
      fromE164: from,
      toNumber: number,
      body,
      messageSid: `SMdigest${++sid}`,
      receivedAt: at,
      keyword: keyword as 'NONE' | 'OPT_OUT',
    },
  });
}

const mailTo = (email: string) => mails.filter((m) => m.to.includes(email));
const unfolded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=E2=80=9C|=E2=80=9D/g, '"');

describe('the inbox e-mail digest', () => {
  it('mails each staff member who asked for it the unread replies of their own workspace, at most once a period', async () => {
    const shop = await workspace('Bondi Shoes');
    const other = await workspace('Other Shop');
    const wantsIt = await actorFor(await signedInMember(shop.tenantId, 'STAFF', 'digest-on@shop.test'), 'STAFF');
    const colleague = await actorFor(await signedInMember(shop.tenantId, 'STAFF', 'colleague@shop.test'), 'STAFF');
    await signedInMember(shop.tenantId, 'STAFF', 'digest-off@shop.test');
    const elsewhere = await actorFor(await signedInMember(other.tenantId, 'STAFF', 'digest-on@other.test'), 'STAFF');
    expect(await getInboxDigest({ actor: wantsIt })).toMatchObject({ enabled: false, mailConfigured: true });
    expect(await setInboxDigest({ actor: wantsIt, input: { enabled: true } })).toMatchObject({ enabled: true });
    await setInboxDigest({ actor: elsewhere, input: { enabled: true } });
    expect(
      await db().auditLog.count({ where: { tenantId: shop.tenantId, action: 'member.inbox_digest_changed' } }),
    ).toBe(1);

    await db().contact.create({
      data: {
        tenantId: shop.tenantId,
        phoneE164: '+61412003001',
        firstName: 'Mia',
        lastName: 'Chen',
        consentStatus: 'EXPLICIT',
      },
    });
    await textIn(
      shop.tenantId,
      shop.number,
      '+61412003001',
      'Do you have the blue jacket in size M?',
      minutesFromNow(-20),
    );
    await textIn(shop.tenantId, shop.number, '+61412003002', 'Which store is closest to Bondi?', minutesFromNow(-10));
    await textIn(shop.tenantId, shop.number, '+61412003003', 'STOP', minutesFromNow(-9), 'OPT_OUT');
    await textIn(shop.tenantId, shop.number, '+61412003004', 'Can someone call me?', minutesFromNow(-8));
    await textIn(other.tenantId, other.number, '+61412003005', 'A question for the other shop', minutesFromNow(-5));
    const { conversations } = await listConversations({ actor: colleague, query: { filter: 'all', page: 1 } });
    const colleagues = conversations.find((c) => c.remoteE164 === '+61412003004')!;
    await updateConversation({
      actor: colleague,
      conversationId: colleagues.id,
      input: { assignedToId: colleague.userId },
    });

    expect(await sendInboxDigests({ now: NOW })).toEqual({ mailed: 2 });
    expect(mailTo('digest-off@shop.test')).toHaveLength(0);
    const [digest] = mailTo('digest-on@shop.test').map((m) => unfolded(m.raw));
    expect(digest).toContain("Subject: 2 new replies waiting in Bondi Shoes's inbox");
    expect(digest).toContain('Mia Chen (+61412003001)');
    expect(digest).toContain('"Do you have the blue jacket in size M?"');
    expect(digest).toContain('+61412003002');
    const mia = conversations.find((c) => c.remoteE164 === '+61412003001')!;
    expect(digest).toContain(`/inbox/${mia.id}`);
    expect(digest).not.toContain('+61412003003');
    expect(digest).not.toContain('+61412003004');
    expect(digest).not.toContain('other shop');
    const [theirs] = mailTo('digest-on@other.test').map((m) => unfolded(m.raw));
    expect(theirs).toContain('Subject: 1 new reply waiting in');
    expect(theirs).not.toContain('+61412003001');

    await textIn(shop.tenantId, shop.number, '+61412003006', 'Are you open Sunday?', minutesFromNow(5));
    expect(await sendInboxDigests({ now: minutesFromNow(10) })).toEqual({ mailed: 0 });
    expect(await sendInboxDigests({ now: minutesFromNow(61) })).toEqual({ mailed: 1 });
    const second = unfolded(mailTo('digest-on@shop.test')[1].raw);
    expect(second).toContain('Subject: 1 new reply waiting');
    expect(second).toContain('+61412003006');
    expect(second).not.toContain('+61412003001');

    await setInboxDigest({ actor: wantsIt, input: { enabled: false } });
    await textIn(shop.tenantId, shop.number, '+61412003007', 'Hello?', minutesFromNow(70));
    expect(await sendInboxDigests({ now: minutesFromNow(130) })).toEqual({ mailed: 0 });
  });
});

import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET, HEAD } from '@/app/l/[token]/route';
import { db } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { createShortLink } from '@/lib/links/create-short-link';
import { signLinkToken } from '@/lib/links/link-token';
import { flushClicks, recordClick } from '@/lib/links/record-click';
import { resolveShortLink } from '@/lib/links/resolve-short-link';
import { createTenant } from '../../support/fixtures';

// As behind one proxy of ours, so each visit can come from an address of its own.
vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
afterAll(() => {
  vi.unstubAllEnvs();
});

const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

function visit(token: string, options: { method?: string; ip?: string; userAgent?: string } = {}) {
  const req = new Request(`http://localhost:3000/l/${token}`, {
    method: options.method ?? 'GET',
    headers: { 'user-agent': options.userAgent ?? PHONE_UA, 'x-forwarded-for': options.ip ?? '203.0.113.7' },
  });
  const handler = req.method === 'HEAD' ? HEAD : GET;
  return handler(req, { params: Promise.resolve({ token }) });
}

describe('GET /l/[token]', () => {
  let tenantId: string;
  let token: string;
  let linkId: bigint;

  beforeEach(async () => {
    tenantId = (await createTenant('Links')).id;
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Sale' } });
    const link = await inTransaction((tx) =>
      createShortLink(tx, {
        tenantId,
        campaignId: campaign.id,
        sendJobId: null,
        targetUrl: 'https://shop.example.com.au/sale?utm_source=sms',
      }),
    );
    token = link.token;
    linkId = link.id;
    expect(link.url).toBe(`http://localhost:3000/l/${token}`);
  });

  it('redirects with no referrer and HSTS, then records the click', async () => {
    const res = await visit(token);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example.com.au/sale?utm_source=sms');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    await flushClicks();
    const clicks = await db().click.findMany({
      where: { shortLinkId: linkId },
      select: { isBot: true, tenantId: true, visitorHash: true },
    });
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({ isBot: false, tenantId });
    expect(clicks[0].visitorHash).not.toContain('203.0.113.7');
  });

  it('counts every distinct visitor exactly under concurrent clicks, folding repeats by one visitor', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => visit(token, { ip: `198.51.100.${i}` })));
    await Promise.all(Array.from({ length: 10 }, () => visit(token, { ip: '198.51.100.200' })));
    await flushClicks();
    expect(await db().click.count({ where: { shortLinkId: linkId } })).toBe(61);
  });

  it('records link checkers and previews as bots, apart from people', async () => {
    await visit(token, { method: 'HEAD', ip: '192.0.2.1' });
    await visit(token, { userAgent: 'WhatsApp/2.23.20.0', ip: '192.0.2.2' });
    await visit(token, { ip: '192.0.2.3' });
    await flushClicks();
    const clicks = await db().click.findMany({
      where: { shortLinkId: linkId },
      orderBy: { id: 'asc' },
      select: { isBot: true, botReason: true },
    });
    expect(clicks).toEqual([
      { isBot: true, botReason: 'HEAD request (link checker)' },
      { isBot: true, botReason: 'link preview' },
      { isBot: false, botReason: null },
    ]);
  });

  it('stores a click with the moment it happened and what it was classified as', async () => {
    const at = new Date('2026-03-01T01:02:03.456Z');
    const written = recordClick((await resolveShortLink(token))!, {
      method: 'GET',
      ip: '192.0.2.50',
      userAgent: 'curl/8.5.0',
      at,
    });
    await flushClicks();
    await written;
    expect(
      await db().click.findMany({
        where: { shortLinkId: linkId },
        select: { tenantId: true, occurredAt: true, isBot: true, botReason: true, userAgent: true },
      }),
    ).toEqual([
      { tenantId, occurredAt: at, isBot: true, botReason: 'program or headless browser', userAgent: 'curl/8.5.0' },
    ]);
  });

  it.each([
    ['tampered', () => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'This link is not valid'],
    ['expired', () => signLinkToken(linkId, new Date(Date.now() - 86_400_000 * 2)), 'This link has expired'],
    ['unknown', () => signLinkToken(linkId + 1000n, new Date(Date.now() + 86_400_000)), 'This link is not valid'],
    ['nonsense', () => 'not-a-token', 'This link is not valid'],
  ])('answers a %s token with a friendly 404 page saying so, and records nothing', async (_name, make, heading) => {
    const res = await visit(make());
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain(`<h1>${heading}</h1>`);
    await flushClicks();
    expect(await db().click.count({ where: { shortLinkId: linkId } })).toBe(0);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';

// Settings are read once per process, so each environment gets a freshly loaded module.
async function clientIpWith(variables: Record<string, string | undefined>) {
  vi.stubEnv('TRUSTED_PROXY_HOPS', undefined);
  vi.stubEnv('VERCEL', undefined);
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  const { clientIp } = await import('@/app/_http/client-ip');
  return (headers: Record<string, string>) => clientIp(new Request('http://localhost:3000/l/x', { headers }));
}

describe('clientIp', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('believes no forwarded header by default, since a client can write them all', async () => {
    const ip = await clientIpWith({});
    expect(
      ip({ 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8', 'x-vercel-forwarded-for': '1.1.1.1' }),
    ).toBe('unknown');
  });

  it('takes the address the nearest trusted proxy appended, not the hops the client wrote before it', async () => {
    const ip = await clientIpWith({ TRUSTED_PROXY_HOPS: '1' });
    expect(ip({ 'x-forwarded-for': '10.9.9.9, 203.0.113.7' })).toBe('203.0.113.7');
    expect(ip({ 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
  });

  it('counts back as many hops as there are trusted proxies', async () => {
    const ip = await clientIpWith({ TRUSTED_PROXY_HOPS: '2' });
    expect(ip({ 'x-forwarded-for': '10.9.9.9, 203.0.113.7, 198.51.100.1' })).toBe('203.0.113.7');
  });

  it('names nobody when the chain is shorter than the trusted proxies, or not an address', async () => {
    const ip = await clientIpWith({ TRUSTED_PROXY_HOPS: '2' });
    expect(ip({ 'x-forwarded-for': '203.0.113.7' })).toBe('unknown');
    expect(ip({ 'x-forwarded-for': 'anything-at-all, 198.51.100.1' })).toBe('unknown');
  });

  it("on Vercel reads the platform's own header and ignores X-Forwarded-For", async () => {
    const ip = await clientIpWith({ VERCEL: '1', TRUSTED_PROXY_HOPS: '1' });
    expect(ip({ 'x-vercel-forwarded-for': '203.0.113.7', 'x-forwarded-for': '10.9.9.9' })).toBe('203.0.113.7');
    expect(ip({ 'x-real-ip': '2001:db8::7' })).toBe('2001:db8::7');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { signLinkToken, verifyLinkToken } from '@/lib/links/link-token';

const inSixtyDays = () => new Date(Date.now() + 60 * 86_400_000);

describe('link tokens', () => {
  afterEach(() => {
    delete process.env.LINK_SIGNING_KEYS;
  });

  it('verify what they sign, and carry no personal data', () => {
    const token = signLinkToken(123456789n, inSixtyDays());
    expect(token).toMatch(/^[0-9a-z]+\.[0-9a-z]+[0-9a-z][A-Za-z0-9_-]{16}$/);
    expect(token.length).toBeLessThan(36);
    expect(verifyLinkToken(token)).toEqual({ ok: true, linkId: 123456789n });
  });

  it('detect any changed character', () => {
    const token = signLinkToken(42n, inSixtyDays());
    for (let i = 0; i < token.length; i += 1) {
      if (token[i] === '.') continue;
      const changed = `${token.slice(0, i)}${token[i] === 'a' ? 'b' : 'a'}${token.slice(i + 1)}`;
      expect(verifyLinkToken(changed).ok, changed).toBe(false);
    }
  });

  it('refuse a token past its expiry', () => {
    const token = signLinkToken(7n, new Date(Date.now() + 86_400_000));
    expect(verifyLinkToken(token, Date.now() + 3 * 86_400_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse malformed input', () => {
    for (const bad of ['', 'abc', '../../etc/passwd', 'x'.repeat(200)])
      expect(verifyLinkToken(bad)).toEqual({ ok: false, reason: 'malformed' });
  });

  // Settings are read once per process, so each key set gets freshly loaded modules.
  async function withKeys(keys: string) {
    process.env.LINK_SIGNING_KEYS = keys;
    vi.resetModules();
    return import('@/lib/links/link-token');
  }

  it('keep verifying after the signing key is rotated, until the old key is removed', async () => {
    const before = await withKeys('a:first-secret-of-enough-length');
    const old = before.signLinkToken(9n, inSixtyDays());
    const rotated = await withKeys('b:second-secret-of-enough-length,a:first-secret-of-enough-length');
    expect(rotated.verifyLinkToken(old)).toEqual({ ok: true, linkId: 9n });
    expect(rotated.signLinkToken(9n, inSixtyDays())).not.toBe(old);
    const retired = await withKeys('b:second-secret-of-enough-length');
    expect(retired.verifyLinkToken(old)).toEqual({ ok: false, reason: 'tampered' });
  });
});

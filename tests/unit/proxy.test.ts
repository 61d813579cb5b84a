import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

function request(path: string, init: { method?: string; cookie?: string; origin?: string; host?: string } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.origin) headers.set('origin', init.origin);
  if (init.host) headers.set('host', init.host);
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? 'GET', headers });
}

describe('proxy', () => {
  it('sends an anonymous visitor of an app page to sign-in, remembering where they were going', () => {
    const res = proxy(request('/contacts?tag=vip'));
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.pathname).toBe('/signin');
    expect(location.searchParams.get('callbackUrl')).toBe('/contacts?tag=vip');
  });

  it('answers an anonymous API call with 401 JSON', async () => {
    const res = proxy(request('/api/users'));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('refuses a cross-site API write even with a session cookie', () => {
    const res = proxy(
      request('/api/users', { method: 'POST', cookie: 'next-auth.session-token=abc', origin: 'https://evil.example' }),
    );
    expect(res.status).toBe(403);
  });

  it('refuses an API write whose Origin matches the Host it forged', () => {
    const res = proxy(
      request('/api/users', {
        method: 'POST',
        cookie: 'next-auth.session-token=abc',
        origin: 'http://evil.example',
        host: 'evil.example',
      }),
    );
    expect(res.status).toBe(403);
  });

  it('lets a request with a session cookie through to the handler, which checks it properly', () => {
    const res = proxy(request('/dashboard', { cookie: 'next-auth.session-token=abc' }));
    expect(res.headers.get('x-middleware-next')).toBe('1');
  });

  it('leaves the sign-in pages open', () => {
    expect(proxy(request('/signin')).headers.get('x-middleware-next')).toBe('1');
  });

  it('sets the security headers on what it answers', () => {
    const res = proxy(request('/dashboard'));
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBeTruthy();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSameOriginRequest } from '@/app/_http/same-origin';

function request(method: string, headers: Record<string, string>) {
  return new Request('http://localhost:3000/api/users', { method, headers });
}

describe('isSameOriginRequest', () => {
  it('lets reads through whatever their origin', () => {
    expect(isSameOriginRequest(request('GET', { origin: 'https://evil.example' }))).toBe(true);
  });

  it('accepts a write from our own origin', () => {
    expect(isSameOriginRequest(request('POST', { origin: 'http://localhost:3000' }))).toBe(true);
  });

  it('refuses a write from another origin', () => {
    expect(isSameOriginRequest(request('POST', { origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOriginRequest(request('DELETE', { origin: 'http://localhost:3001' }))).toBe(false);
  });

  it('refuses a write the browser marks cross-site even without an Origin header', () => {
    expect(isSameOriginRequest(request('POST', { 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });

  it('refuses a write that carries no origin evidence at all', () => {
    expect(isSameOriginRequest(request('PATCH', {}))).toBe(false);
  });

  it('refuses an Origin that matches a Host it forged but not the public origin', () => {
    const req = request('POST', {
      origin: 'https://evil.example',
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(isSameOriginRequest(req)).toBe(false);
  });

  it('accepts the public origin whatever Host a proxy passes on', () => {
    const req = request('POST', { origin: 'http://localhost:3000', host: '10.0.0.5:3000', 'x-forwarded-host': 'app' });
    expect(isSameOriginRequest(req)).toBe(true);
  });

  it('accepts the other loopback names of a loopback public origin, on its port only', () => {
    expect(isSameOriginRequest(request('POST', { origin: 'http://127.0.0.1:3000' }))).toBe(true);
    expect(isSameOriginRequest(request('POST', { origin: 'http://[::1]:3000' }))).toBe(true);
    expect(isSameOriginRequest(request('POST', { origin: 'http://127.0.0.1:3001' }))).toBe(false);
    expect(isSameOriginRequest(request('POST', { origin: 'https://localhost:3000' }))).toBe(false);
  });
});

describe('isSameOriginRequest behind a proxy', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  // Settings are read once per process, so each environment gets a freshly loaded module.
  async function checkWith(variables: Record<string, string>) {
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
    vi.resetModules();
    return (await import('@/app/_http/same-origin')).isSameOriginRequest;
  }

  it('accepts the configured public origin and refuses the address the proxy reached the app at', async () => {
    const check = await checkWith({
      APP_BASE_URL: 'https://crm.example.com.au',
      NEXTAUTH_URL: 'https://crm.example.com.au',
    });
    const from = (origin: string) =>
      new Request('http://10.0.0.5:3000/api/users', { method: 'POST', headers: { origin, host: '10.0.0.5:3000' } });
    expect(check(from('https://crm.example.com.au'))).toBe(true);
    expect(check(from('http://10.0.0.5:3000'))).toBe(false);
    expect(check(from('http://localhost:3000'))).toBe(false);
  });

  it('accepts both NEXTAUTH_URL and APP_BASE_URL when they differ, both being configured', async () => {
    const check = await checkWith({
      APP_BASE_URL: 'https://hooks.example.com.au',
      NEXTAUTH_URL: 'https://crm.example.com.au',
    });
    const from = (origin: string) =>
      new Request('https://crm.example.com.au/api/users', { method: 'POST', headers: { origin } });
    expect(check(from('https://crm.example.com.au'))).toBe(true);
    expect(check(from('https://hooks.example.com.au'))).toBe(true);
  });
});

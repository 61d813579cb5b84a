import { describe, expect, it } from 'vitest';
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

  it('accepts the forwarded host a reverse proxy reports', () => {
    const req = request('POST', {
      origin: 'https://crm.example.com.au',
      'x-forwarded-host': 'crm.example.com.au',
      'x-forwarded-proto': 'https',
    });
    expect(isSameOriginRequest(req)).toBe(true);
  });
});

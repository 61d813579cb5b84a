import { afterEach, describe, expect, it, vi } from 'vitest';

const ACCOUNT_SID = `AC${'a'.repeat(32)}`;

// Settings are read once per process, so each environment gets freshly loaded modules.
async function fromEnv(variables: Record<string, string | undefined>) {
  vi.stubEnv('TWILIO_ACCOUNT_SID', undefined);
  vi.stubEnv('TWILIO_AUTH_TOKEN', undefined);
  vi.stubEnv('TWILIO_MESSAGING_SERVICE_SID', undefined);
  vi.stubEnv('TWILIO_API_BASE_URL', undefined);
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  const { twilioProviderFromEnv } = await import('@/lib/providers/twilio-config');
  return () => twilioProviderFromEnv();
}

describe('twilioProviderFromEnv', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses to start without an account SID and says which variable is missing', async () => {
    const build = await fromEnv({ TWILIO_AUTH_TOKEN: 'token' });
    expect(build).toThrow(/TWILIO_ACCOUNT_SID must be set/);
  });

  it('refuses to start without an auth token and says which variable is missing', async () => {
    const build = await fromEnv({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: '' });
    expect(build).toThrow(/TWILIO_AUTH_TOKEN must be set/);
  });

  it('refuses a mistyped account SID instead of failing every send later', async () => {
    const build = await fromEnv({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'token' });
    expect(build).toThrow(/TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits/);
  });

  it('refuses a mistyped Messaging Service SID', async () => {
    const build = await fromEnv({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_MESSAGING_SERVICE_SID: 'MG-main',
    });
    expect(build).toThrow(/TWILIO_MESSAGING_SERVICE_SID must be "MG" followed by 32 hex digits/);
  });

  it('builds the twilio provider from a complete configuration', async () => {
    const build = await fromEnv({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_MESSAGING_SERVICE_SID: `MG${'b'.repeat(32)}`,
    });
    expect(build().name).toBe('twilio');
  });
});

import { describe, expect, it } from 'vitest';
import { signInLinkRoute } from '@/lib/auth/magic-link-mailer';
import { productionSecretProblem } from '@/lib/env';

describe('production secrets', () => {
  it('refuses a missing secret, the public development value and one too short for 32 random bytes', () => {
    expect(productionSecretProblem(undefined)).toMatch(/must be set/);
    expect(productionSecretProblem('development-secret-not-for-production')).toMatch(/public development value/);
    expect(productionSecretProblem('sixteen-chars-ok')).toMatch(/at least 32 characters/);
  });

  it('accepts 32 random bytes written as hex', () => {
    expect(productionSecretProblem('9f'.repeat(32))).toBeNull();
  });
});

describe('where a sign-in link goes', () => {
  it('goes by e-mail whenever EMAIL_SERVER is set', () => {
    expect(
      signInLinkRoute({ nodeEnv: 'production', emailServer: 'smtp://mail.example.com', logSignInLinks: false }),
    ).toEqual({ kind: 'email', server: 'smtp://mail.example.com' });
  });

  it('is printed to the log in development, where no mail server is needed', () => {
    expect(signInLinkRoute({ nodeEnv: 'development', emailServer: undefined, logSignInLinks: false })).toEqual({
      kind: 'log',
    });
  });

  it('is never printed to a production log unless LOG_SIGN_IN_LINKS asks for it', () => {
    expect(() => signInLinkRoute({ nodeEnv: 'production', emailServer: undefined, logSignInLinks: false })).toThrow(
      /EMAIL_SERVER must be set in production/,
    );
    expect(signInLinkRoute({ nodeEnv: 'production', emailServer: undefined, logSignInLinks: true })).toEqual({
      kind: 'log',
    });
  });
});

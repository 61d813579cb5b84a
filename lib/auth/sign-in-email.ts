import { z } from 'zod';

/** The one spelling of an address next-auth mails, stores and rate limits. */
export function normaliseSignInEmail(identifier: string): string {
  return identifier.trim().toLowerCase();
}

/** The address a magic-link request names. */
export const SignInEmailSchema = z
  .string({ error: 'Enter your e-mail address.' })
  .transform(normaliseSignInEmail)
  .pipe(z.string().min(1, 'Enter your e-mail address.'));

import { AppError } from '@/lib/errors';
import { SignInEmailSchema } from '@/lib/auth/sign-in-email';

/**
 * The address a magic-link request asks next-auth to mail, read as next-auth 4
 * reads it (`getBody` in next-auth/next/utils): a JSON body, or a urlencoded form
 * whose repeated fields it collapses to the last; any other body names none. A form
 * naming `email` twice is refused, so the address limited is always the one mailed
 * — a limit counted on the first of `email=me&email=victim` never saw the victim.
 */
export async function readSignInEmail(req: Request): Promise<string> {
  const type = req.headers.get('content-type') ?? '';
  let email: unknown;
  if (type.includes('application/json')) {
    const body: unknown = await req
      .clone()
      .json()
      .catch(() => null);
    email = body && typeof body === 'object' && 'email' in body ? body.email : undefined;
  } else if (type.includes('application/x-www-form-urlencoded')) {
    const emails = new URLSearchParams(await req.clone().text()).getAll('email');
    if (emails.length > 1) throw new AppError('invalid', 'Enter one e-mail address.');
    email = emails[0];
  }
  return SignInEmailSchema.parse(email);
}

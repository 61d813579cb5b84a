import { env } from '../env';

/** next-auth's own cookie names: `__Secure-` prefixed when the site is served over HTTPS. */
export function sessionCookieName(): string {
  return env().NEXTAUTH_URL.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export const TENANT_COOKIE = 'crm-tenant';

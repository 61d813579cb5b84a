import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { resolveActor, type Actor } from '@/lib/auth/actor';
import { TENANT_COOKIE, sessionCookieName } from '@/lib/auth/session-cookie';

/** For server components: the signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const jar = await cookies();
  const actor = await resolveActor(jar.get(sessionCookieName())?.value, jar.get(TENANT_COOKIE)?.value);
  if (!actor) redirect('/signin');
  return actor;
}

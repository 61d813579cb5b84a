import Link from 'next/link';
import type { ReactNode } from 'react';
import { MainNavigation } from '@/components/shell/MainNavigation';
import { NavLink } from '@/components/shell/NavLink';
import { SignOutButton } from '@/components/shell/SignOutButton';
import { TenantSwitcher } from '@/components/shell/TenantSwitcher';
import { AlertBanner } from '@/components/operations/AlertBanner';
import { checkAlertsNowAndThen } from '@/lib/operations/alerts/check-alerts-now-and-then';
import { listOpenAlerts } from '@/lib/operations/alerts/list-open-alerts';
import { UnreadBadge } from '@/components/shell/UnreadBadge';
import { countUnreadConversations } from '@/lib/conversations/count-unread-conversations';
import { getKillSwitch } from '@/lib/sending/get-kill-switch';
import { requireActor } from '@/app/_http/current-actor';

export const dynamic = 'force-dynamic';

const NAV: { href: string; label: string; sub?: boolean; except?: string }[] = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/inbox', label: 'Inbox' },
  { href: '/contacts', label: 'Contacts', except: '/contacts/segments' },
  { href: '/contacts/segments', label: 'Segments', sub: true },
  { href: '/imports', label: 'Imports' },
  { href: '/campaigns', label: 'Campaigns' },
  { href: '/reports', label: 'Reports' },
  { href: '/settings', label: 'Settings' },
];

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [killSwitch, unread] = await Promise.all([getKillSwitch({ actor }), countUnreadConversations({ actor })]);
  if (actor.role === 'ADMIN') await checkAlertsNowAndThen();
  const alerts = actor.role === 'ADMIN' ? await listOpenAlerts({ tenantId: actor.tenantId }) : [];
  return (
    <div className="shell">
      <MainNavigation>
        <TenantSwitcher current={actor.tenantId} options={actor.memberships} />
        {NAV.map((item) => (
          <NavLink key={item.href} href={item.href} sub={item.sub} except={item.except}>
            {item.label}
            {item.href === '/inbox' && <UnreadBadge initial={unread} />}
          </NavLink>
        ))}
        {actor.role === 'ADMIN' && <NavLink href="/users">Users</NavLink>}
        <div className="who">
          <div>{actor.email}</div>
          <div>
            {actor.tenantName} · {actor.role.toLowerCase()}
          </div>
          <div style={{ marginTop: '.5rem' }}>
            <SignOutButton />
          </div>
        </div>
      </MainNavigation>
      <main className="main">
        {killSwitch.paused && (
          <div className="notice bad kill-banner" role="alert">
            <strong>All sending is stopped for {actor.tenantName}</strong>
            {killSwitch.pausedReason ? `: ${killSwitch.pausedReason.replace(/[.!]+$/, '')}.` : '.'} No message goes out
            until an admin resumes sending in <Link href="/settings">Settings</Link>.
          </div>
        )}
        <AlertBanner alerts={alerts} />
        {children}
      </main>
    </div>
  );
}

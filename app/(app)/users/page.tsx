import type { Metadata } from 'next';
import { Forbidden } from '@/components/shell/Forbidden';
import { InviteUserForm } from '@/components/users/InviteUserForm';
import { MemberRow } from '@/components/users/MemberRow';
import { roleAtLeast } from '@/lib/auth/roles';
import { listMembers } from '@/lib/users/list-members';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'ADMIN')) return <Forbidden needs="admin" />;
  const members = await listMembers({ actor });
  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Admins manage users and settings; staff import, write and send; viewers see campaigns and reports, and contacts
        by name with phone numbers masked and no e-mail addresses or message texts.
      </p>
      <InviteUserForm />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>E-mail</th>
              <th>Name</th>
              <th>Role</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow key={m.id} member={m} isSelf={m.userId === actor.userId} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

'use client';

import type { MemberView } from '@/lib/users/list-members';
import { useRowRequest } from '../use-row-request';

interface MemberRowProps {
  member: MemberView;
  isSelf: boolean;
}

export function MemberRow({ member, isSelf }: MemberRowProps) {
  const { error, busy, send: run } = useRowRequest(`/api/users/${member.id}`);

  return (
    <tr>
      <td>
        {member.email} {isSelf && <span className="badge">you</span>}
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
      </td>
      <td>{member.name ?? <span className="muted">—</span>}</td>
      <td>
        <select
          aria-label={`Role of ${member.email}`}
          value={member.role}
          disabled={busy}
          onChange={(e) => run('PATCH', { role: e.target.value })}
        >
          <option value="ADMIN">Admin</option>
          <option value="STAFF">Staff</option>
          <option value="VIEWER">Viewer</option>
        </select>
      </td>
      <td>{member.hasSignedIn ? 'Signed in' : <span className="muted">Invited</span>}</td>
      <td>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => confirm(`Remove ${member.email} from this workspace?`) && run('DELETE')}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}

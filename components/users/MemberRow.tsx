'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { MemberView } from '@/lib/users/list-members';
import { apiRequest } from '../api-request';

export function MemberRow({ member, isSelf }: { member: MemberView; isSelf: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(method: 'PATCH' | 'DELETE', body?: unknown) {
    setBusy(true);
    setError(null);
    const result = await apiRequest(`/api/users/${member.id}`, { method, body });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  return (
    <tr>
      <td>
        {member.email} {isSelf && <span className="badge">you</span>}
        {error && <div className="error" role="alert">{error}</div>}
      </td>
      <td>{member.name ?? <span className="muted">—</span>}</td>
      <td>
        <select aria-label={`Role of ${member.email}`} value={member.role} disabled={busy} onChange={(e) => run('PATCH', { role: e.target.value })}>
          <option value="ADMIN">Admin</option>
          <option value="STAFF">Staff</option>
          <option value="VIEWER">Viewer</option>
        </select>
      </td>
      <td>{member.hasSignedIn ? 'Signed in' : <span className="muted">Invited</span>}</td>
      <td>
        <button type="button" className="danger" disabled={busy} onClick={() => confirm(`Remove ${member.email} from this workspace?`) && run('DELETE')}>
          Remove
        </button>
      </td>
    </tr>
  );
}

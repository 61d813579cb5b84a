'use client';

import { useRouter } from 'next/navigation';

interface TenantSwitcherProps {
  current: string;
  options: { tenantId: string; tenantName: string }[];
}

export function TenantSwitcher({ current, options }: TenantSwitcherProps) {
  const router = useRouter();
  if (options.length < 2) return null;
  async function switchTo(tenantId: string) {
    await fetch('/api/session/tenant', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId }),
    });
    router.refresh();
  }
  return (
    <select aria-label="Workspace" value={current} onChange={(e) => switchTo(e.target.value)}>
      {options.map((o) => (
        <option key={o.tenantId} value={o.tenantId}>
          {o.tenantName}
        </option>
      ))}
    </select>
  );
}

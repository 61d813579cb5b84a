import { NextResponse } from 'next/server';
import { AuditQuerySchema, listAudit } from '@/lib/auth/list-audit';
import { withSession } from '@/app/_http/with-session';

export const GET = withSession('ADMIN', async (req, { actor }) => {
  const query = AuditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json(await listAudit({ actor, query }));
});

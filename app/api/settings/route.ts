import { NextResponse } from 'next/server';
import { getTenantSettings } from '@/lib/tenants/get-tenant-settings';
import { UpdateTenantSettingsSchema } from '@/lib/tenants/schemas';
import { updateTenantSettings } from '@/lib/tenants/update-tenant-settings';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json({ settings: await getTenantSettings({ actor }) }),
);

export const PATCH = withSession('ADMIN', async (req, { actor }) => {
  const input = UpdateTenantSettingsSchema.parse(await readJson(req));
  return NextResponse.json({ settings: await updateTenantSettings({ actor, input }) });
});

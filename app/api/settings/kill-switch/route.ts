import { NextResponse } from 'next/server';
import { KillSwitchSchema } from '@/lib/tenants/schemas';
import { setKillSwitch } from '@/lib/sending/set-kill-switch';
import { readJson, withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';

export const PUT = withSession('ADMIN', async (req, { actor }) =>
  NextResponse.json(await setKillSwitch({ actor, input: KillSwitchSchema.parse(await readJson(req)) })),
);

import { NextResponse } from 'next/server';
import { getBudgets } from '@/lib/tenants/get-budgets';
import { BudgetsSchema } from '@/lib/tenants/schemas';
import { setBudgets } from '@/lib/tenants/set-budgets';
import { readJson, withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json({ budgets: await getBudgets({ actor }) }),
);

export const PUT = withSession('ADMIN', async (req, { actor }) =>
  NextResponse.json({ budgets: await setBudgets({ actor, input: BudgetsSchema.parse(await readJson(req)) }) }),
);

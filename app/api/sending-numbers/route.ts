import { NextResponse } from 'next/server';
import { createSendingNumber } from '@/lib/sending-numbers/create-sending-number';
import { listSendingNumbers } from '@/lib/sending-numbers/list-sending-numbers';
import { CreateSendingNumberSchema } from '@/lib/sending-numbers/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json({ numbers: await listSendingNumbers({ actor }) }),
);

export const POST = withSession('ADMIN', async (req, { actor }) => {
  const input = CreateSendingNumberSchema.parse(await readJson(req));
  return NextResponse.json({ number: await createSendingNumber({ actor, input }) }, { status: 201 });
});

import { NextResponse } from 'next/server';
import { UpdateSendingNumberSchema } from '@/lib/sending-numbers/schemas';
import { updateSendingNumber } from '@/lib/sending-numbers/update-sending-number';
import { readJson, withSession } from '@/app/_http/with-session';

type Params = { numberId: string };

export const PATCH = withSession<Params>('ADMIN', async (req, { actor, params }) => {
  const input = UpdateSendingNumberSchema.parse(await readJson(req));
  return NextResponse.json({ number: await updateSendingNumber({ actor, numberId: params.numberId, input }) });
});

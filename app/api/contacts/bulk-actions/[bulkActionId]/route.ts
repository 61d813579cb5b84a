import { NextResponse } from 'next/server';
import { getBulkAction } from '@/lib/contacts/get-bulk-action';
import { withSession } from '@/app/_http/with-session';

/** How far a bulk action has got. */
export const GET = withSession<{ bulkActionId: string }>('STAFF', async (_req, { actor, params }) =>
  NextResponse.json({ bulkAction: await getBulkAction({ actor, bulkActionId: params.bulkActionId }) }),
);

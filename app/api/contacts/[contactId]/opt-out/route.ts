import { NextResponse } from 'next/server';
import { z } from 'zod';
import { UndoOptOutSchema, undoOptOut } from '@/lib/contacts/undo-opt-out';
import { readJson, withSession } from '@/app/_http/with-session';

/** Undoing an opt-out is for admins only, with a reason, and audited. */
export const DELETE = withSession<{ contactId: string }>('ADMIN', async (req, { actor, params }) => {
  const contactId = z.string().uuid('Unknown contact.').parse(params.contactId);
  const { reason } = UndoOptOutSchema.parse(await readJson(req));
  await undoOptOut({ actor, contactId, reason });
  return NextResponse.json({ contactId, optedOut: false });
});

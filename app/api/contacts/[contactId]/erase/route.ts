import { NextResponse } from 'next/server';
import { z } from 'zod';
import { EraseContactSchema, eraseContact } from '@/lib/contacts/erase-contact';
import { readJson, withSession } from '@/app/_http/with-session';

/** Erasing a person is for admins only, with a reason, and audited. */
export const POST = withSession<{ contactId: string }>('ADMIN', async (req, { actor, params }) => {
  const contactId = z.string().uuid('Unknown contact.').parse(params.contactId);
  const { reason } = EraseContactSchema.parse(await readJson(req));
  return NextResponse.json(await eraseContact({ actor, contactId, reason }));
});

import { NextResponse } from 'next/server';
import { z } from 'zod';
import { ContactDetailsSchema } from '@/lib/contacts/contact-input';
import { updateContact } from '@/lib/contacts/update-contact';
import { readJson, withSession } from '@/app/_http/with-session';

export const PATCH = withSession<{ contactId: string }>('STAFF', async (req, { actor, params }) => {
  const contactId = z.string().uuid('Unknown contact.').parse(params.contactId);
  const input = ContactDetailsSchema.parse(await readJson(req));
  return NextResponse.json(await updateContact({ actor, contactId, input }));
});

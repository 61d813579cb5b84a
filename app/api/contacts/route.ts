import { NextResponse } from 'next/server';
import { NewContactSchema } from '@/lib/contacts/contact-input';
import { createContact } from '@/lib/contacts/create-contact';
import { readJson, withSession } from '@/app/_http/with-session';

export const POST = withSession('STAFF', async (req, { actor }) => {
  const input = NewContactSchema.parse(await readJson(req));
  return NextResponse.json({ contact: await createContact({ actor, input }) }, { status: 201 });
});

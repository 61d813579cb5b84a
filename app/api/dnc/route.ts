import { NextResponse } from 'next/server';
import { z } from 'zod';
import { addNumberToDnc } from '@/lib/contacts/add-number-to-dnc';
import { AddToDncSchema, DncQuerySchema, RemoveFromDncSchema } from '@/lib/contacts/dnc-schemas';
import { listDncEntries } from '@/lib/contacts/list-dnc-entries';
import { removeNumberFromDnc } from '@/lib/contacts/remove-number-from-dnc';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('STAFF', async (req, { actor }) => {
  const query = DncQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json(await listDncEntries({ actor, query }));
});

export const POST = withSession('STAFF', async (req, { actor }) => {
  const input = AddToDncSchema.parse(await readJson(req));
  return NextResponse.json(await addNumberToDnc({ actor, input }), { status: 201 });
});

/** Taking a number off the list is for admins only, with a reason, and audited. */
export const DELETE = withSession('ADMIN', async (req, { actor }) => {
  const { phone, reason } = RemoveFromDncSchema.extend({
    phone: z.string({ message: 'Name the number to take off the list.' }).trim().min(1).max(40),
  }).parse(await readJson(req));
  await removeNumberFromDnc({ actor, phone, reason });
  return NextResponse.json({ removed: true });
});

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ContactForm } from '@/components/contacts/ContactForm';
import { roleAtLeast } from '@/lib/auth/roles';
import { getContact } from '@/lib/contacts/get-contact';
import { AppError } from '@/lib/errors';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Edit contact' };

export default async function EditContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) notFound();
  const parsed = z
    .string()
    .uuid()
    .safeParse((await params).contactId);
  if (!parsed.success) notFound();
  const contact = await getContact({ actor, contactId: parsed.data }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.phoneE164;
  return (
    <>
      <p>
        <Link href={`/contacts/${contact.id}`}>← {name}</Link>
      </p>
      <h1>Edit {name}</h1>
      <p className="muted">
        {contact.phoneE164}. The number and consent are not changed here: consent changes come from the person (STOP,
        START, an import), and the do-not-contact list has its own page.
      </p>
      <ContactForm
        contact={{
          id: contact.id,
          phoneE164: contact.phoneE164,
          values: {
            firstName: contact.firstName ?? '',
            lastName: contact.lastName ?? '',
            email: contact.email ?? '',
            state: contact.state ?? '',
            postcode: contact.postcode ?? '',
            timeZone: contact.timeZone ?? '',
            tags: contact.tags.join(', '),
            customFields: Object.entries(contact.customFields as Record<string, string>).map(([name, value]) => ({
              name,
              value: String(value),
            })),
          },
        }}
      />
    </>
  );
}

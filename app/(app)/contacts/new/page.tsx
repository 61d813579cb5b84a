import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContactForm } from '@/components/contacts/ContactForm';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'New contact' };

export default async function NewContactPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) notFound();
  return (
    <>
      <p>
        <Link href="/contacts">← Contacts</Link>
      </p>
      <h1>New contact</h1>
      <ContactForm />
    </>
  );
}

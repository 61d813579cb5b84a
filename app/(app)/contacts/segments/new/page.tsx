import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SegmentBuilder } from '@/components/segments/SegmentBuilder';
import { roleAtLeast } from '@/lib/auth/roles';
import { getSegmentBuilderChoices } from '@/lib/segments/get-segment-builder-choices';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'New segment' };

export default async function NewSegmentPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) notFound();
  const choices = await getSegmentBuilderChoices({ actor });
  return (
    <>
      <p>
        <Link href="/contacts/segments">← Segments</Link>
      </p>
      <h1>New segment</h1>
      <SegmentBuilder segment={null} canEdit choices={choices} />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SegmentBuilder } from '@/components/segments/SegmentBuilder';
import { roleAtLeast } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getSegment } from '@/lib/segments/get-segment';
import { getSegmentBuilderChoices } from '@/lib/segments/get-segment-builder-choices';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Segment' };

type Params = Promise<{ segmentId: string }>;

export default async function SegmentPage({ params }: { params: Params }) {
  const actor = await requireActor();
  const { segmentId } = await params;
  const segment = await getSegment({ actor, segmentId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const choices = await getSegmentBuilderChoices({ actor });
  const canEdit = roleAtLeast(actor.role, 'STAFF');
  return (
    <>
      <p>
        <Link href="/contacts/segments">← Segments</Link>
      </p>
      <h1>{segment.name}</h1>
      {!canEdit && <p className="muted">Viewers can see a segment and its count; staff change it.</p>}
      <SegmentBuilder
        key={segment.updatedAt}
        segment={{ id: segment.id, name: segment.name, definition: segment.definition }}
        canEdit={canEdit}
        choices={choices}
      />
    </>
  );
}

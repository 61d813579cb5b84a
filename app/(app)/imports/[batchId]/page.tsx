import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ImportWizard } from '@/components/imports/ImportWizard';
import { roleAtLeast } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getImportBatch } from '@/lib/imports/get-import-batch';
import { BatchIdSchema } from '@/lib/imports/schemas';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

type Params = Promise<{ batchId: string }>;

// Cached for the request, so the title and the page read the batch once.
const loadBatch = cache(async (batchId: string) => {
  const actor = await requireActor();
  const parsed = BatchIdSchema.safeParse(batchId);
  if (!parsed.success) notFound();
  const batch = await getImportBatch({ actor, batchId: parsed.data }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return { actor, batch };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { batch } = await loadBatch((await params).batchId);
  return { title: `Import: ${batch.fileName}` };
}

export default async function ImportBatchPage({ params }: { params: Params }) {
  const { actor, batch } = await loadBatch((await params).batchId);
  const timeZone = await getWorkspaceTimeZone({ actor });
  return (
    <>
      <p>
        <Link href="/imports">← Imports</Link>
      </p>
      <h1>Import: {batch.fileName}</h1>
      <ImportWizard
        initial={JSON.parse(JSON.stringify(batch))}
        canEdit={roleAtLeast(actor.role, 'STAFF')}
        timeZone={timeZone}
      />
    </>
  );
}

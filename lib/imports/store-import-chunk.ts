import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { AppError } from '../errors';
import { MAX_CHUNK_BYTES } from './schemas';

/** Stores one piece of an upload; sending the same piece again replaces it. */
export async function storeImportChunk({
  actor,
  batchId,
  seq,
  data,
}: {
  actor: Actor;
  batchId: string;
  seq: number;
  data: Uint8Array;
}) {
  if (data.length === 0) throw new AppError('invalid', 'This piece of the upload is empty.');
  if (data.length > MAX_CHUNK_BYTES) throw new AppError('invalid', 'Upload pieces must be 4 MB or smaller.');
  const batch = await db().importBatch.findFirst({
    where: { id: batchId, tenantId: actor.tenantId },
    select: { status: true, fileSize: true, encoding: true },
  });
  if (!batch) throw new AppError('not_found', 'That import does not exist.');
  if (batch.status !== 'UPLOADED' || batch.encoding)
    throw new AppError('conflict', 'This import has already been uploaded.');
  if (seq * MAX_CHUNK_BYTES + data.length > batch.fileSize)
    throw new AppError('invalid', 'The upload is larger than the file size given when it started.');
  const bytes = new Uint8Array(data);
  await db().importFileChunk.upsert({
    where: { batchId_seq: { batchId, seq } },
    create: { batchId, seq, tenantId: actor.tenantId, data: bytes },
    update: { data: bytes },
  });
}

import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { MAX_CHUNK_BYTES } from './schemas';

export interface StoreImportChunkOptions {
  actor: Actor;
  batchId: string;
  seq: number;
  data: Uint8Array;
}

/** Stores one piece of an upload; sending the same piece again replaces it. */
export async function storeImportChunk({ actor, batchId, seq, data }: StoreImportChunkOptions) {
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
  await inTransaction((tx) =>
    tx.query(
      `INSERT INTO import_file_chunks ("batchId", seq, "tenantId", data) VALUES ($1::uuid, $2::int, $3::uuid, $4::bytea)
       ON CONFLICT ("batchId", seq) DO UPDATE SET data = EXCLUDED.data`,
      [batchId, seq, actor.tenantId, Buffer.from(data)],
    ),
  );
}

import 'server-only';
import { db } from '../db/client';

export interface ReadFileStartOptions {
  tenantId: string;
  batchId: string;
  limit: number;
}

/** The first `limit` bytes of an uploaded file, enough to recognise its format. */
export async function readFileStart({ tenantId, batchId, limit }: ReadFileStartOptions): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let seq = 0; total < limit; seq += 1) {
    const chunk = await db().importFileChunk.findFirst({ where: { batchId, tenantId, seq }, select: { data: true } });
    if (!chunk) break;
    parts.push(chunk.data);
    total += chunk.data.length;
  }
  return Buffer.concat(parts).subarray(0, limit);
}

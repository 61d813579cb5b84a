import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { analyseImport } from '@/lib/imports/analyse-import';
import type { ColumnMapping } from '@/lib/imports/column-mapping';
import { createImportBatch } from '@/lib/imports/create-import-batch';
import { runDryRun } from '@/lib/imports/run-dry-run';
import { MAX_CHUNK_BYTES } from '@/lib/imports/schemas';
import { startDryRun } from '@/lib/imports/start-dry-run';
import { storeImportChunk } from '@/lib/imports/store-import-chunk';

export async function actorFor(
  member: { userId: string; tenantId: string },
  role: Actor['role'] = 'ADMIN',
): Promise<Actor> {
  const [user, tenant] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: member.userId }, select: { email: true, name: true } }),
    db().tenant.findUniqueOrThrow({ where: { id: member.tenantId }, select: { name: true } }),
  ]);
  return {
    userId: member.userId,
    email: user.email,
    name: user.name,
    tenantId: member.tenantId,
    tenantName: tenant.name,
    role,
    memberships: [{ tenantId: member.tenantId, tenantName: tenant.name, role }],
  };
}

/** Uploads a file in pieces the way the browser does; returns the batch id (not yet analysed). */
export async function uploadFile(
  actor: Actor,
  content: string | Uint8Array,
  fileName = 'contacts.csv',
): Promise<string> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const { id } = await createImportBatch({ actor, input: { fileName, fileSize: bytes.length } });
  for (let seq = 0; seq * MAX_CHUNK_BYTES < bytes.length; seq += 1) {
    await storeImportChunk({
      actor,
      batchId: id,
      seq,
      data: bytes.subarray(seq * MAX_CHUNK_BYTES, (seq + 1) * MAX_CHUNK_BYTES),
    });
  }
  return id;
}

/** The i-th of a run of distinct valid mobiles, as written in Australia. */
export const mobile = (i: number) => `04${String(20000000 + i * 7).padStart(8, '0')}`;

/** A file of `size` consenting contacts in STANDARD_MAPPING's columns, each with its own mobile. */
export function contactList(size: number): string {
  return `phone,first,last,consent,tags\n${Array.from({ length: size }, (_, i) => `${mobile(i)},P${i},,yes,`).join('\n')}\n`;
}

export const STANDARD_MAPPING: ColumnMapping = {
  fields: { phone: 0, firstName: 1, lastName: 2, consentStatus: 3, tags: 4 },
  custom: [],
  defaultConsent: null,
  consentSource: 'signup form',
  overwriteConsent: false,
  hasHeader: true,
};

/** Upload, analyse and dry-run a file; returns the batch id, ready to commit. */
export async function dryRunFile(
  actor: Actor,
  content: string,
  mapping: ColumnMapping = STANDARD_MAPPING,
): Promise<string> {
  const batchId = await uploadFile(actor, content);
  await analyseImport({ actor, batchId });
  await startDryRun({ actor, batchId, mapping });
  await runDryRun({ tenantId: actor.tenantId, batchId });
  return batchId;
}

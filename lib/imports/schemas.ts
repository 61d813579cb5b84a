import { z } from 'zod';
import { REJECT_CODES } from './reject-reasons';
import { ColumnMappingSchema } from './column-mapping';
import { hasNoNul } from '../contacts/storable-values';

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Uploads arrive in pieces small enough for any serverless body limit. */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

export const CreateImportSchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, 'The file needs a name.')
    .max(255)
    .refine(hasNoNul, 'The file name cannot contain a NUL character.'),
  fileSize: z
    .number()
    .int()
    .min(1, 'The file is empty.')
    .max(MAX_IMPORT_BYTES, 'The file is larger than 100 MB. Split it into smaller files.'),
});

export const BatchIdSchema = z.string().uuid('Unknown import.');
export const ChunkSeqSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(Math.ceil(MAX_IMPORT_BYTES / MAX_CHUNK_BYTES) * 4);

export const StartDryRunSchema = z.object({ mapping: ColumnMappingSchema });

export const ImportRowQuerySchema = z.object({
  decision: z.enum(['CREATE', 'UPDATE', 'UNCHANGED', 'REJECT']).optional(),
  reason: z.enum(REJECT_CODES, { message: 'Unknown reason for rejecting a row.' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
});

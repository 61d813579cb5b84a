import { z } from 'zod';
import { SegmentDefinitionSchema } from './segment-definition';

export const SegmentInputSchema = z.object({
  name: z
    .string({ message: 'Name the segment.' })
    .trim()
    .min(1, 'Name the segment.')
    .max(80, 'A segment name has at most 80 characters.'),
  definition: SegmentDefinitionSchema,
});
export type SegmentInput = z.infer<typeof SegmentInputSchema>;

export const SegmentCountRequestSchema = z.object({ definition: SegmentDefinitionSchema });

export const SEGMENT_NOT_FOUND = 'That segment was not found.';

export const SegmentIdSchema = z.uuid(SEGMENT_NOT_FOUND);

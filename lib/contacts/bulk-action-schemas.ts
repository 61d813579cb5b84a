import { z } from 'zod';
import { ContactQuerySchema } from './contact-query';
import { VALUE_LIMITS } from './storable-values';

const tagList = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'A tag cannot be empty.')
      .max(VALUE_LIMITS.tag, `A tag has at most ${VALUE_LIMITS.tag} characters.`),
  )
  .min(1, 'Name at least one tag.')
  .max(10, 'Name at most 10 tags at once.')
  .transform((tags) => [...new Set(tags)]);

export const BulkActionChoiceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('ADD_TAGS'), tags: tagList }),
    z.object({ kind: z.literal('REMOVE_TAGS'), tags: tagList }),
    z.object({
      kind: z.literal('OPT_OUT'),
      reason: z
        .string({ message: 'Say why these people are being opted out.' })
        .trim()
        .min(3, 'Say why these people are being opted out (e.g. "asked by phone at the March event").')
        .max(300, 'A reason can have at most 300 characters.'),
    }),
    z.object({ kind: z.literal('DELETE') }),
  ],
  { message: 'Choose what to do: add tags, remove tags, opt out or delete.' },
);
export type BulkActionChoice = z.infer<typeof BulkActionChoiceSchema>;

/** The filter of the Contacts page (without its page number). */
export const BulkActionFilterSchema = ContactQuerySchema.omit({ page: true });
export type BulkActionFilter = z.infer<typeof BulkActionFilterSchema>;

export const StartBulkActionSchema = z.object({
  filter: BulkActionFilterSchema,
  action: BulkActionChoiceSchema,
  /** The count the confirmation named; the action starts only if the filter still matches exactly that many. */
  expectedCount: z
    .number({ message: 'Confirm how many contacts this is for.' })
    .int()
    .min(1, 'No contact matches this filter.'),
});
export type StartBulkActionInput = z.infer<typeof StartBulkActionSchema>;

export const BULK_ACTION_VERBS = {
  ADD_TAGS: 'Add tags',
  REMOVE_TAGS: 'Remove tags',
  OPT_OUT: 'Opt out',
  DELETE: 'Delete',
} as const;

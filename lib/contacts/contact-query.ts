import { z } from 'zod';

// The Contacts filter form sends every field, so a field left at "Any" arrives as an
// empty string; it means no filter on that field, not a value that fails validation.
// A repeated parameter (?tag=a&tag=b) is read as its first value.
function blankIsAny(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() === '' ? undefined : first;
}

const anyOr = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsAny, schema.optional());

export const ContactQuerySchema = z.object({
  q: anyOr(z.string().trim().max(100, 'Search for at most 100 characters.')),
  consent: anyOr(z.enum(['EXPLICIT', 'IMPLIED', 'UNKNOWN'], { message: 'Choose a consent status from the list.' })),
  tag: anyOr(z.string().trim().max(60, 'A tag has at most 60 characters.')),
  dnc: anyOr(z.enum(['only', 'exclude'], { message: 'Choose a do-not-contact option from the list.' })),
  batch: anyOr(z.string().uuid({ message: 'That import was not found; choose one from the list.' })),
  // Pages are only reached by the page's own links; a page number that is not one starts at the first.
  page: z.coerce.number().int().min(1).catch(1),
});
export type ContactQuery = z.infer<typeof ContactQuerySchema>;

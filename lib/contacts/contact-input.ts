import { z } from 'zod';
import { AUSTRALIAN_ZONE_LABELS } from './contact-time-zone';
import { VALUE_LIMITS, hasNoNul } from './storable-values';

// Shared by the route handlers and the contact form in the browser, so both refuse
// the same values with the same words; the limits are those an import keeps.

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can have at most ${max} characters.`)
    .refine(hasNoNul, `${label} contains an invisible NUL character; remove it.`)
    .transform((v) => v || null);

const ZONES = Object.keys(AUSTRALIAN_ZONE_LABELS) as [string, ...string[]];

/** What staff can change about a contact by hand. */
export const ContactDetailsSchema = z.object({
  firstName: text('The first name', VALUE_LIMITS.name).default(null),
  lastName: text('The last name', VALUE_LIMITS.name).default(null),
  email: z
    .string()
    .trim()
    .max(VALUE_LIMITS.email, `An e-mail address can have at most ${VALUE_LIMITS.email} characters.`)
    .refine((v) => v === '' || z.email().safeParse(v).success, 'That is not an e-mail address.')
    .transform((v) => v || null)
    .default(null),
  state: z
    .enum(['', 'NSW', 'ACT', 'VIC', 'TAS', 'QLD', 'SA', 'NT', 'WA'], { message: 'Choose a state from the list.' })
    .transform((v) => v || null)
    .default(null),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, 'An Australian postcode has four digits.')
    .transform((v) => v || null)
    .default(null),
  timeZone: z
    .enum(['', ...ZONES], { message: 'Choose a time zone from the list.' })
    .transform((v) => v || null)
    .default(null),
  tags: z
    .array(text('A tag', VALUE_LIMITS.tag))
    .max(VALUE_LIMITS.tags, `A contact can have at most ${VALUE_LIMITS.tags} tags.`)
    .transform((tags) => [...new Set(tags.filter((t): t is string => t !== null))])
    .default([]),
  customFields: z
    .record(z.string().trim().min(1).max(40), text('A custom field', VALUE_LIMITS.customField))
    .transform((fields) =>
      Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== null)),
    )
    .default({}),
});
export type ContactDetails = z.infer<typeof ContactDetailsSchema>;

/** A contact added by hand: its number, details and the consent it was given, with how and when. */
export const NewContactSchema = ContactDetailsSchema.extend({
  phone: z.string({ message: 'Enter the phone number.' }).trim().min(1, 'Enter the phone number.').max(40),
  consentStatus: z.enum(['EXPLICIT', 'IMPLIED', 'UNKNOWN'], { message: 'Choose the consent this person gave.' }),
  consentSource: z
    .string()
    .trim()
    .max(VALUE_LIMITS.consentSource, `How they consented can have at most ${VALUE_LIMITS.consentSource} characters.`)
    .default(''),
  consentProof: z.string().trim().max(500, 'The proof can have at most 500 characters.').default(''),
}).superRefine((input, ctx) => {
  if (input.consentStatus !== 'UNKNOWN' && !input.consentSource)
    ctx.addIssue({
      code: 'custom',
      path: ['consentSource'],
      message: 'Say how they consented (e.g. "signed up at the Fitzroy counter").',
    });
});
export type NewContact = z.infer<typeof NewContactSchema>;

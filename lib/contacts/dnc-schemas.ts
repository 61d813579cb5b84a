import { z } from 'zod';

// Shared by the route handlers and the forms in the browser; keep it free of server-only imports.

/** How a person asked not to be messaged, when staff put them on the list by hand. */
export const DNC_CHANNELS = {
  PHONE_CALL: 'Asked in a phone call',
  EMAIL: 'Asked by e-mail',
  IN_PERSON: 'Asked in person',
  COMPLAINT: 'Complained',
  OTHER: 'Other',
} as const;
export type DncChannel = keyof typeof DNC_CHANNELS;

export const AddToDncSchema = z.object({
  phone: z.string({ message: 'Enter the phone number.' }).trim().min(1, 'Enter the phone number.').max(40),
  channel: z.enum(Object.keys(DNC_CHANNELS) as [DncChannel, ...DncChannel[]], {
    message: 'Choose how the person asked.',
  }),
  note: z.string().trim().max(300, 'A note can have at most 300 characters.').default(''),
});
export type AddToDncInput = z.infer<typeof AddToDncSchema>;

export const RemoveFromDncSchema = z.object({
  reason: z
    .string({ message: 'Say why the number may be messaged again.' })
    .trim()
    .min(5, 'Say why the number may be messaged again (e.g. "customer re-joined in store on 3 May").')
    .max(300, 'A reason can have at most 300 characters.'),
});

export const DncQuerySchema = z.object({
  q: z.string().trim().max(40).default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type DncQuery = z.infer<typeof DncQuerySchema>;

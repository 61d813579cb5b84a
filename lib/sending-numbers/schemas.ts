import { z } from 'zod';
import { normalisePhone } from '../contacts/phone';

const KIND_MESSAGE = 'Kind must be LONG_CODE (a phone number) or ALPHANUMERIC (a sender ID).';

/**
 * A phone number the tenant sends from, stored E.164 like every phone in the app.
 * Only a mobile number can send SMS: an Australian landline, a 13/1300/1800 number
 * or a foreign landline cannot, whatever the provider's console lets one type.
 */
export const LongCodeSchema = z.string({ message: 'Enter the phone number.' }).transform((raw, ctx) => {
  const phone = normalisePhone(raw);
  if (!phone.ok) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a usable long code: ${phone.reason}.` });
    return z.NEVER;
  }
  if (phone.kind !== 'mobile') {
    const what = phone.kind === 'landline' ? 'a landline' : 'not a mobile number';
    ctx.addIssue({
      code: 'custom',
      message: `${phone.e164} is ${what}, and only a mobile number can send and receive SMS. Use the mobile number (04…) your Twilio account rents.`,
    });
    return z.NEVER;
  }
  return phone.e164;
});

/**
 * The Australian rules for an alphanumeric sender ID, each reported on its own
 * so the person typing it learns everything wrong at once.
 */
export const AlphanumericSenderIdSchema = z.string({ message: 'Enter the sender ID.' }).superRefine((value, ctx) => {
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
  const length = [...value].length;
  if (length < 2) fail('A sender ID needs at least 2 characters.');
  if (length > 11) fail(`A sender ID can have at most 11 characters; this one has ${length}.`);
  const foreign = [...new Set([...value].filter((c) => c < ' ' || c > '~'))];
  if (foreign.length > 0) {
    fail(
      `A sender ID may use only printable ASCII (letters A–Z, digits, spaces and common symbols); remove ${foreign.map((c) => JSON.stringify(c)).join(', ')}.`,
    );
  }
  if (/^\d+$/.test(value))
    fail('A sender ID cannot be only digits: carriers would treat it as a phone number. Add a letter.');
  if (/^\s|\s$/.test(value)) fail('A sender ID cannot start or end with a space.');
  if (value.startsWith('_') || value.endsWith('_')) fail('A sender ID cannot start or end with an underscore.');
});

const MessagingServiceSidSchema = z
  .string()
  .trim()
  .regex(/^MG[0-9a-f]{32}$/, 'A messaging service SID is "MG" followed by 32 lower-case hexadecimal characters.');

const DailyCapSchema = z
  .number({ message: 'The daily cap must be a whole number of messages.' })
  .int('The daily cap must be a whole number of messages.')
  .min(1, 'The daily cap must be at least 1 message a day.')
  .max(100_000, 'The daily cap can be at most 100,000 messages a day.');

const WarmupStartedAtSchema = z.iso
  .datetime({
    offset: true,
    message: 'The warm-up start must be an ISO 8601 date and time, such as 2026-07-01T09:00:00+10:00.',
  })
  .transform((value) => new Date(value));

const CreateFields = {
  registered: z.boolean({ message: 'Registered must be true or false.' }).optional(),
  messagingServiceSid: MessagingServiceSidSchema.optional(),
  dailyCap: DailyCapSchema.optional(),
  warmupStartedAt: WarmupStartedAtSchema.optional(),
};

export const CreateSendingNumberSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('LONG_CODE'), value: LongCodeSchema, ...CreateFields }).strict(),
    z.object({ kind: z.literal('ALPHANUMERIC'), value: AlphanumericSenderIdSchema, ...CreateFields }).strict(),
  ],
  { message: KIND_MESSAGE },
);
export type CreateSendingNumberInput = z.infer<typeof CreateSendingNumberSchema>;

export const UpdateSendingNumberSchema = z
  .object({
    registered: z.boolean({ message: 'Registered must be true or false.' }),
    active: z.boolean({ message: 'Active must be true or false.' }),
    dailyCap: DailyCapSchema,
    messagingServiceSid: MessagingServiceSidSchema.nullable(),
    warmupStartedAt: WarmupStartedAtSchema,
  })
  .partial()
  .strict()
  .refine(
    (input) => Object.keys(input).length > 0,
    'Nothing to change: send at least one of registered, active, dailyCap, messagingServiceSid or warmupStartedAt.',
  );
export type UpdateSendingNumberInput = z.infer<typeof UpdateSendingNumberSchema>;

import { z } from 'zod';

/** Twilio's message status callback. */
export const StatusCallbackSchema = z.object({
  MessageSid: z.string().min(1, 'MessageSid is missing.'),
  MessageStatus: z
    .string()
    .min(1, 'MessageStatus is missing.')
    .transform((s) => s.toLowerCase()),
  ErrorCode: z.string().optional(),
  To: z.string().optional(),
});

/** The send job our status-callback URL names (`?sj=`), signed along with the URL. */
export const SendJobHintSchema = z
  .string()
  .regex(/^\d{1,19}$/)
  .transform((s) => BigInt(s))
  .nullable()
  .catch(null);
export type StatusCallback = z.infer<typeof StatusCallbackSchema>;

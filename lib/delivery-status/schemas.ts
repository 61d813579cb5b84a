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

const MAX_BIGINT = 2n ** 63n - 1n;

/** The send job our status-callback URL names (`?sj=`), signed along with the URL. */
export const SendJobHintSchema = z
  .string()
  .regex(/^\d{1,19}$/)
  .transform((s) => BigInt(s))
  // A send job's id is a PostgreSQL bigint; anything larger names no job.
  .refine((id) => id <= MAX_BIGINT)
  .nullable()
  .catch(null);
export type StatusCallback = z.infer<typeof StatusCallbackSchema>;

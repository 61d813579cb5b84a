import { z } from 'zod';

/** The fields of Twilio's incoming-message webhook we act on (others are kept in the payload). */
export const InboundMessageSchema = z.object({
  MessageSid: z.string().min(1, 'MessageSid is missing.'),
  From: z.string().min(1, 'From is missing.'),
  To: z.string().min(1, 'To is missing.'),
  Body: z.string().default(''),
  OptOutType: z.enum(['STOP', 'START', 'HELP']).optional(),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

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

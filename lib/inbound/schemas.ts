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

import { z } from 'zod';

/** A staff reply as typed: sent as it stands, with no footer added. */
export const ConversationReplySchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'Write a reply before sending.')
    .max(1600, 'A reply has at most 1,600 characters (10 SMS parts).'),
});
export type ConversationReplyInput = z.infer<typeof ConversationReplySchema>;

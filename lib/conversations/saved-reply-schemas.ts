import { z } from 'zod';

export const SavedReplySchema = z.object({
  title: z.string().trim().min(1, 'Give the saved reply a name.').max(60, 'A name has at most 60 characters.'),
  body: z.string().trim().min(1, 'Write the saved reply.').max(1600, 'A saved reply has at most 1,600 characters.'),
});
export type SavedReplyInput = z.infer<typeof SavedReplySchema>;

export const SavedReplyIdSchema = z.string().uuid('That saved reply was not found.');

export const SAVED_REPLY_NOT_FOUND = 'That saved reply was not found.';

import { z } from 'zod';

export const CONVERSATION_FILTERS = [
  'open',
  'unread',
  'needs-reply',
  'possible-opt-out',
  'mine',
  'done',
  'all',
] as const;
export type ConversationFilter = (typeof CONVERSATION_FILTERS)[number];

function firstValue(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() === '' ? undefined : first;
}

/** The inbox's filter and search, from the page's query string. */
export const ConversationQuerySchema = z.object({
  filter: z.preprocess(firstValue, z.enum(CONVERSATION_FILTERS).catch('open').default('open')),
  q: z.preprocess(firstValue, z.string().trim().max(100, 'Search for at most 100 characters.').optional()),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).catch(1).default(1)),
});
export type ConversationQuery = z.infer<typeof ConversationQuerySchema>;

export const ConversationIdSchema = z.string().uuid('That conversation was not found.');

export const CONVERSATION_NOT_FOUND = 'That conversation was not found.';

// What each flag of a conversation `c` means, as SQL, so the list, its filters and
// the unread count agree. A keyword the webhook already answered (STOP, START,
// HELP) is shown but needs nobody: it neither counts as unread nor needs a reply.
// A conversation marked done opens again when the person writes after that.

export const IS_DONE = `(c."doneAt" IS NOT NULL AND c."doneAt" >= c."lastInboundAt")`;

export const IS_UNREAD = `(c."lastInboundKeyword" = 'NONE' AND c."lastInboundAt" > COALESCE(c."lastReadAt", '-infinity'::timestamp) AND NOT ${IS_DONE})`;

/** Needs `dnc` joined on the conversation's number: no reply can go to a number that opted out. */
export const NEEDS_REPLY = `(c."lastInboundKeyword" = 'NONE' AND c."lastInboundAt" > COALESCE(c."lastReplyAt", '-infinity'::timestamp) AND NOT ${IS_DONE} AND dnc.id IS NULL)`;

/** Needs `dnc` joined on the conversation's number: a number already opted out needs no decision. */
export const IS_POSSIBLE_OPT_OUT = `(COALESCE(c."possibleOptOutAt" > c."possibleOptOutResolvedAt", c."possibleOptOutAt" IS NOT NULL) AND dnc.id IS NULL)`;

export const KEYWORD_HANDLED = `(c."lastInboundKeyword" <> 'NONE')`;

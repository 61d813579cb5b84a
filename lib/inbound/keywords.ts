import type { InboundKeyword } from '../generated/prisma/enums';

// The whole message must be one keyword, in any case, with surrounding
// punctuation or spaces ignored: "Stop!" opts out, "don't stop" does not.
const KEYWORDS: Record<string, InboundKeyword> = {
  STOP: 'OPT_OUT',
  STOPALL: 'OPT_OUT',
  UNSUBSCRIBE: 'OPT_OUT',
  CANCEL: 'OPT_OUT',
  END: 'OPT_OUT',
  QUIT: 'OPT_OUT',
  REVOKE: 'OPT_OUT',
  OPTOUT: 'OPT_OUT',
  START: 'OPT_IN',
  YES: 'OPT_IN',
  UNSTOP: 'OPT_IN',
  SUBSCRIBE: 'OPT_IN',
  RESUME: 'OPT_IN',
  HELP: 'HELP',
  INFO: 'HELP',
};

export function classifyKeyword(body: string): InboundKeyword {
  const word = body
    .normalize('NFKC')
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .toUpperCase();
  return KEYWORDS[word] ?? 'NONE';
}

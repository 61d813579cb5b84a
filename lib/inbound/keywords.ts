import type { InboundKeyword } from '../generated/prisma/enums';

// How a reply is read (DESIGN: opt-outs are honoured however they are worded; the
// Spam Act counts any clear request):
// - it opts out when it starts with STOP, STOPALL, UNSUBSCRIBE or OPTOUT ("STOP
//   please", "Stop texting me"), or states the request in common words ("remove me
//   from your list"), unless the request is negated ("don't stop");
// - CANCEL, END, QUIT and REVOKE opt out only on their own: they also start
//   ordinary sentences ("Cancel my order" is a question for staff);
// - opt-in and help keywords count only on their own, and so does the tenant's
//   join keyword ("JOIN", not "how do I join");
// - before matching, format and zero-width characters go, letters that only look
//   Latin (Cyrillic С, Greek Ο…) are folded, and a phone's signature is cut off.

const LEADING_OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'OPTOUT']);

const STANDALONE: Record<string, InboundKeyword> = {
  CANCEL: 'OPT_OUT',
  END: 'OPT_OUT',
  QUIT: 'OPT_OUT',
  REVOKE: 'OPT_OUT',
  'OPT OUT': 'OPT_OUT',
  START: 'OPT_IN',
  YES: 'OPT_IN',
  UNSTOP: 'OPT_IN',
  SUBSCRIBE: 'OPT_IN',
  RESUME: 'OPT_IN',
  HELP: 'HELP',
  INFO: 'HELP',
};

const ME = '(?:ME|US|THIS NUMBER|MY NUMBER)';
const MESSAGING = '(?:TEXTING|TEXT|MESSAGING|MESSAGE|SENDING|SEND|CONTACTING|CONTACT|SMSING|SMS|SPAMMING|SPAM)';
const PLAIN_REQUESTS = [
  new RegExp(`\\bUNSUBSCRIBE ${ME}\\b`),
  new RegExp(`\\bOPT ${ME} OUT\\b`),
  new RegExp(`\\b(?:REMOVE|DELETE|TAKE) ${ME} (?:OFF|FROM|OUT)\\b`),
  new RegExp(`\\bREMOVE ${ME}$`),
  new RegExp(`\\bSTOP ${MESSAGING}(?: ${ME})?\\b`),
  new RegExp(`\\b(?:DO NOT|DONT|NEVER) ${MESSAGING} ${ME}\\b`),
  /\bNO MORE (?:TEXTS|MESSAGES|SMS|MARKETING)\b/,
  /\b(?:WANT|LIKE|WISH) TO (?:UNSUBSCRIBE|OPT OUT|BE REMOVED)\b/,
  /^(?:PLEASE|PLS|PLZ|KINDLY)(?: JUST)? (?:STOP|UNSUBSCRIBE|OPT OUT)\b/,
];
export const NEGATED =
  /\b(?:DONT|DO NOT|NEVER|CANT|CANNOT|WONT|NOT|DIDNT) (?:EVER |WANT TO |WISH TO |LIKE TO )?(?:STOP|UNSUBSCRIBE|REMOVE|OPT OUT|BE REMOVED)/;

// Cyrillic and Greek capitals that render as Latin ones, after upper-casing.
const LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LOOKALIKE_PATTERN = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

// What phones and mail apps add under a message: "Sent from my iPhone", "-- Sam".
const SIGNATURE = /^(?:SENT FROM|GET OUTLOOK|SENT VIA|--|—|-\s*\S+\s*$)/;

/** Upper-case words with the noise people's phones add taken out, one line each. */
function normalisedLines(body: string): string[] {
  const text = body
    .normalize('NFKC')
    .replace(/[\p{Cf}\u180e]/gu, '')
    .toUpperCase()
    .replace(LOOKALIKE_PATTERN, (c) => LOOKALIKES[c])
    .replace(/[’‘`]/g, "'");
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const signatureAt = lines.findIndex((l, i) => i > 0 && SIGNATURE.test(l));
  return signatureAt === -1 ? lines : lines.slice(0, signatureAt);
}

/** The reply as upper-case words, with what phones add (format characters, look-alikes, a signature) taken out. */
export function replyWords(body: string): string {
  return words(normalisedLines(body).join(' '));
}

function words(text: string): string {
  return text
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function classifyKeyword(body: string): InboundKeyword {
  const message = replyWords(body);
  if (!message) return 'NONE';
  const standalone = STANDALONE[message];
  if (standalone) return standalone;
  const first = message.split(' ')[0];
  if (LEADING_OPT_OUT.has(first) || message.startsWith('OPT OUT ')) return 'OPT_OUT';
  if (NEGATED.test(message)) return 'NONE';
  if (PLAIN_REQUESTS.some((request) => request.test(message))) return 'OPT_OUT';
  return 'NONE';
}

/** The one word a reply consists of, as keywords are read ("join!", " Join " → "JOIN"); null for more than one word. */
export function singleWord(body: string): string | null {
  const message = replyWords(body);
  return message && !message.includes(' ') ? message : null;
}

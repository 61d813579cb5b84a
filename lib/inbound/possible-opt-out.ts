import { classifyKeyword, NEGATED, replyWords } from './keywords';

// Replies that are not a clear request but may be one, for staff to read and decide
// (DESIGN: an opt-out is honoured however it is worded; what the classifier cannot
// be sure of is put in front of a person rather than guessed).
const MENTIONS_OPTING_OUT = /\b(?:STOP|STOPALL|UNSUBSCRIBE|UNSUBSCRIBED|OPTOUT|OPT OUT|REMOVE|REMOVED)\b/;
const STANDALONE_WORD_ABOUT_MESSAGES =
  /^(?:CANCEL|END|QUIT|REVOKE) (?:MY |THE |ALL )?(?:SUBSCRIPTION|MEMBERSHIP|MESSAGES|MESSAGING|TEXTS|SMS|THIS|THESE|IT|ALL|EVERYTHING)\b/;
const COMPLAINTS = [
  /\bNOT INTERESTED\b/,
  /\bLEAVE ME ALONE\b/,
  /\bGO AWAY\b/,
  /\bWHO IS THIS\b/,
  /\bHOW DID YOU GET (?:MY|THIS) NUMBER\b/,
  /\bWRONG NUMBER\b/,
  /\b(?:SPAM|SPAMMING|SCAM)\b/,
  /\bREPORT(?:ING)? (?:YOU|THIS|THESE)\b/,
  /\bBLOCK(?:ING|ED)? (?:YOU|THIS|THESE|YOUR)\b/,
  /\bTOO MANY (?:TEXTS|MESSAGES|SMS)\b/,
  /^ENOUGH\b/,
];

/**
 * Whether an ordinary reply might still be a request to stop: it speaks of
 * stopping or unsubscribing without asking plainly ("how do I stop these?"), starts
 * with a word that opts out on its own and is about the messages ("cancel my
 * subscription"), or complains ("who is this?", "not interested"). A reply the
 * classifier already reads as a keyword is never flagged, nor a negated one ("don't stop").
 */
export function isPossibleOptOut(body: string): boolean {
  if (classifyKeyword(body) !== 'NONE') return false;
  const message = replyWords(body);
  if (NEGATED.test(message)) return false;
  return (
    MENTIONS_OPTING_OUT.test(message) ||
    STANDALONE_WORD_ABOUT_MESSAGES.test(message) ||
    COMPLAINTS.some((complaint) => complaint.test(message))
  );
}

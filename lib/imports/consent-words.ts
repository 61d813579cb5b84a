// The words people put in a consent column, as spreadsheets and CRMs export them.
const YES = new Set([
  'explicit',
  'express',
  'yes',
  'y',
  'true',
  '1',
  'opted in',
  'opt in',
  'opt-in',
  'optin',
  'subscribed',
  'granted',
  'agreed',
]);
const IMPLIED = new Set(['implied', 'inferred', 'existing customer']);
const NO = new Set([
  'no',
  'n',
  'false',
  '0',
  'opted out',
  'opt out',
  'opt-out',
  'optout',
  'unsubscribed',
  'stop',
  'declined',
  'withdrawn',
  'refused',
]);
const UNKNOWN = new Set(['', 'unknown', 'n/a', 'na', '-', 'none']);

export type ConsentWord = 'EXPLICIT' | 'IMPLIED' | 'NO' | 'UNKNOWN';

/** What a consent cell says, or null when it is not a word we know. */
export function readConsentWord(text: string): ConsentWord | null {
  const word = text.trim().toLowerCase();
  if (YES.has(word)) return 'EXPLICIT';
  if (IMPLIED.has(word)) return 'IMPLIED';
  if (NO.has(word)) return 'NO';
  if (UNKNOWN.has(word)) return 'UNKNOWN';
  return null;
}

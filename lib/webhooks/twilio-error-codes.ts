// What Twilio's common delivery error codes mean, for staff reading a message's history.
const EXPLANATIONS: Record<string, string> = {
  '21211': 'The number is not a valid phone number.',
  '21408': 'Sending to this country is not enabled on the Twilio account.',
  '21610': 'The recipient has opted out (replied STOP) and Twilio blocks messages to them.',
  '21612': 'Twilio cannot route a message from this sender to this number.',
  '21614': 'The number is not a mobile number and cannot receive SMS.',
  '30001': "Twilio's queue overflowed; the message was not sent. Send more slowly.",
  '30002': 'The Twilio account is suspended.',
  '30003': 'The handset is switched off or out of coverage.',
  '30004': 'The recipient has blocked messages from this sender.',
  '30005': 'The number does not exist or is no longer in service.',
  '30006': 'The number is a landline or cannot receive SMS.',
  '30007': 'The carrier filtered the message as spam. Check the content and sender registration.',
  '30008': 'The carrier could not deliver the message for an unknown reason.',
  '30034': 'The sender is not registered for this kind of traffic.',
};

export function explainTwilioError(code: string | undefined | null): string | null {
  if (!code) return null;
  return EXPLANATIONS[code] ?? `Twilio error ${code}.`;
}

/** Our explanation of a code we know, else the provider's own words with its code. */
export function describeProviderError(code: string | null, providerMessage: string): string {
  const known = code ? EXPLANATIONS[code] : undefined;
  return known ?? (code ? `${providerMessage} (error ${code})` : providerMessage);
}

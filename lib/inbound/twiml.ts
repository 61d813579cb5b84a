/** A TwiML answer: one reply message, or none. */
export function twimlReply(text: string | null): string {
  if (!text) return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
  const escaped = text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escaped}</Message></Response>`;
}

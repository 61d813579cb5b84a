/** "+61412345678" → "+61 4•• ••• 678": enough to tell contacts apart, not enough to ring them. */
export function maskPhone(phoneE164: string): string {
  const country = phoneE164.startsWith('+61') ? '+61' : phoneE164.slice(0, 3);
  const national = phoneE164.slice(country.length);
  if (national.length <= 4) return `${country} ${'•'.repeat(national.length)}`;
  const hidden = national.slice(1, -3).replace(/\d/g, '•');
  const grouped = hidden.length > 2 ? `${hidden.slice(0, 2)} ${hidden.slice(2)}` : hidden;
  return `${country} ${national[0]}${grouped} ${national.slice(-3)}`;
}

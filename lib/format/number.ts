// Figures as an Australian reader writes them, the same in every page, export and
// message the app writes, and the same on the server and in the browser.

const COUNT = new Intl.NumberFormat('en-AU', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('en-AU', { style: 'percent', maximumFractionDigits: 1 });

/** A count with thousands separators: 1,234,567. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** A count and what it counts, in the singular for exactly one: "1 contact", "1,234 contacts". */
export function formatQuantity(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A share (0.1234) as a percentage to one decimal place (12.3%); a rate that has no denominator yet is "—". */
export function formatPercent(share: number | null): string {
  return share === null ? '—' : PERCENT.format(share);
}

/** A count as the import screens write it, the Australian way (1,234). */
export function count(n: number): string {
  return n.toLocaleString('en-AU');
}

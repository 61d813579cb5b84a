import type { SmsProvider } from './sms-provider';

/**
 * Accepts every message and sends nothing: what the benchmarks measure the drain
 * against, so the figures are the drain's and not a network's.
 */
export function nullProvider(): SmsProvider {
  let next = 0;
  const prefix = `SMnull${process.pid.toString(16)}${Date.now().toString(16)}`;
  return {
    name: 'null',
    async send() {
      next += 1;
      return { ok: true, providerMessageId: `${prefix}${next.toString(16).padStart(8, '0')}`, status: 'queued' };
    },
    async findSent() {
      return null;
    },
  };
}

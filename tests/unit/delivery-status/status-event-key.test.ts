import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { statusEventKey } from '@/lib/delivery-status/status-event-key';

const SENT = { AccountSid: 'AC1', MessageSid: 'SM1', MessageStatus: 'sent', To: '+61412345678' };

describe('statusEventKey', () => {
  it('is the same for the same signed fields in any order', () => {
    const reordered = { To: SENT.To, MessageStatus: 'sent', MessageSid: 'SM1', AccountSid: 'AC1' };
    expect(statusEventKey(reordered)).toBe(statusEventKey(SENT));
  });

  it('tells apart two statuses of one message', () => {
    expect(statusEventKey({ ...SENT, MessageStatus: 'delivered' })).not.toBe(statusEventKey(SENT));
  });

  it('gives a body re-cut across name and value boundaries, which passes the same signature, the same key', () => {
    // Twilio signs "MessageStatussentTo+61412345678"; so does MessageStatus="sentTo+61412345678" without To.
    const recut = { AccountSid: 'AC1', MessageSid: 'SM1', MessageStatus: 'sentTo+61412345678' };
    const url = 'https://crm.example.com.au/api/webhooks/twilio/status';
    expect(twilio.getExpectedTwilioSignature('token', url, recut)).toBe(
      twilio.getExpectedTwilioSignature('token', url, SENT),
    );
    expect(statusEventKey(recut)).toBe(statusEventKey(SENT));
  });
});

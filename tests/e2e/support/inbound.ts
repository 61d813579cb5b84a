import { createHmac, randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import twilio from 'twilio';
import { SENDING_NUMBER } from './workspace';

// The simulator's webhooks are signed with a token derived from NEXTAUTH_SECRET (playwright.config.ts).
const WEBHOOK_TOKEN = createHmac('sha256', 'e2e-secret-that-is-long-enough-for-production')
  .update('sms-simulator-webhooks')
  .digest('hex');

/** A customer texts the workspace's long code, as Twilio would post it: signed, form-encoded. */
export async function textIn(baseURL: string, from: string, body: string): Promise<void> {
  const url = `${baseURL}/api/webhooks/twilio/inbound`;
  const params = {
    MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
    From: from,
    To: SENDING_NUMBER,
    Body: body,
  };
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(WEBHOOK_TOKEN, url, params),
    },
    body: new URLSearchParams(params),
  });
  expect(res.status).toBe(200);
}

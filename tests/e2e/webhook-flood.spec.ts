import { createHmac } from 'node:crypto';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import twilio from 'twilio';
import { listeningProcessRss } from './support/listening-process';

// Fault: a flood of oversized bodies at the Twilio webhooks of the running app, half
// unsigned, half with a (worthless) signature and no declared length. The app must
// refuse each without reading it whole, stay small, and go on answering Twilio.

const FLOOD = 24;
const BODY_BYTES = 16 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** Posts up to BODY_BYTES, stopping as soon as the app answers; resolves with its status. */
function postOversized(baseURL: string, path: string, signed: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (signed) {
      headers['x-twilio-signature'] = 'bm90IGEgcmVhbCBzaWduYXR1cmU=';
      headers['transfer-encoding'] = 'chunked';
    } else headers['content-length'] = String(BODY_BYTES);
    const req = http.request(`${baseURL}${path}`, { method: 'POST', headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    // The app may close the connection once it has answered; only an unanswered error is one.
    req.on('error', (error) => !answered && reject(error));
    let written = 0;
    const pump = () => {
      while (!answered && written < BODY_BYTES) {
        written += CHUNK.length;
        if (!req.write(CHUNK)) return req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test('a flood of oversized webhook bodies is refused unread, and Twilio is still answered', async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const rssBefore = listeningProcessRss(port);
  const started = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: FLOOD }, (_, i) =>
      postOversized(baseURL!, i % 2 ? '/api/webhooks/twilio/inbound' : '/api/webhooks/twilio/status', i % 4 < 2),
    ),
  );
  const ms = Date.now() - started;
  const rssAfter = listeningProcessRss(port);

  const url = `${baseURL}/api/webhooks/twilio/inbound`;
  const params = { MessageSid: `SM${'f'.repeat(32)}`, From: '+61412000999', To: '+61400000999', Body: 'hello' };
  const token = createHmac('sha256', 'e2e-secret-that-is-long-enough-for-production')
    .update('sms-simulator-webhooks')
    .digest('hex');
  const genuine = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(token, url, params),
    },
    body: new URLSearchParams(params),
  });

  const tally = statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});
  console.log(
    `[fault] webhook flood: ${FLOOD} bodies of ${BODY_BYTES / 1024 / 1024} MB at once, answered ${JSON.stringify(tally)} in ${ms} ms; ` +
      `server memory ${Math.round(rssBefore / 1e6)} → ${Math.round(rssAfter / 1e6)} MB; a genuine webhook then answered ${genuine.status}`,
  );
  expect(tally).toEqual({ 403: FLOOD / 2, 413: FLOOD / 2 });
  expect(rssAfter - rssBefore).toBeLessThan(100 * 1024 * 1024);
  expect(genuine.status).toBe(200);
});

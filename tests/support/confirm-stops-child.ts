import twilio from 'twilio';
import { POST } from '../../app/api/webhooks/twilio/inbound/route';
import { db } from '../../lib/db/client';
import { publicBaseUrl } from '../../lib/env';
import { webhookAuthToken } from '../../lib/providers/provider-config';
import { createTenant } from './fixtures';
import { addContacts } from './sending-fixtures';

// Answers `count` signed STOP webhooks through the real inbound route on
// DATABASE_URL, one after another, each to a different contact; prints
// `CONFIRMED <tenant> <n>` once every one was answered 200, then waits to be killed.
const count = Number(process.argv[2]);
const OUR_NUMBER = '+61400000001';
const tenantId = (await createTenant('Durable')).id;
await db().sendingNumber.create({ data: { tenantId, value: OUR_NUMBER, kind: 'LONG_CODE' } });
const contacts = await addContacts(tenantId, count);
const url = `${publicBaseUrl()}/api/webhooks/twilio/inbound`;
let confirmed = 0;
for (const [i, contact] of contacts.entries()) {
  const params = {
    MessageSid: `SM${String(i + 1).padStart(32, '0')}`,
    From: contact.phoneE164,
    To: OUR_NUMBER,
    AccountSid: 'ACtest',
    Body: 'STOP',
  };
  const response = await POST(
    new Request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(webhookAuthToken(), url, params),
      },
      body: new URLSearchParams(params).toString(),
    }),
  );
  if (response.status === 200) confirmed += 1;
}
process.stdout.write(`CONFIRMED ${tenantId} ${confirmed}\n`);
await new Promise(() => {});

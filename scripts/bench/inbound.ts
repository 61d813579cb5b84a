import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon, { type Result } from 'autocannon';
import twilio from 'twilio';
import { db, disconnectDb } from '../../lib/db/client';
import { createDatabase, dropDatabase } from '../../lib/db/embedded';
import { createShortLink } from '../../lib/links/create-short-link';
import { webhookAuthToken } from '../../lib/providers/provider-config';
import { ensureBuilt } from '../support/next-build';

// Against `next start` of a production build: short-link redirects (click
// recording on) beside a trivial route of the same build, signed inbound webhooks
// with their database writes, and how long a STOP takes to make a contact unsendable.

const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SECRET = 'bench-secret-bench-secret-bench-secret';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function line(name: string, r: Result): string {
  return `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
}

const name = `crm_bench_inbound_${process.pid}`;
const url = await createDatabase(adminUrl, name, template);
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET = SECRET;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
process.env.NEXTAUTH_URL = base;

// The same build the end-to-end tests use (another folder would make Next edit tsconfig.json).
ensureBuilt();
const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
  env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: SECRET },
  stdio: 'ignore',
});
try {
  const tenant = await db().tenant.create({ data: { slug: 'bench', name: 'Bench', settings: { create: {} } } });
  await db().sendingNumber.create({ data: { tenantId: tenant.id, value: '+61400000001', kind: 'LONG_CODE' } });
  const campaign = await db().campaign.create({ data: { tenantId: tenant.id, name: 'Bench' } });
  const tokens: string[] = [];
  for (let i = 0; i < 1000; i += 1) {
    tokens.push((await db().$transaction((tx) => createShortLink(tx, { tenantId: tenant.id, campaignId: campaign.id, sendJobId: null, targetUrl: `https://shop.example.com.au/p/${i}` }))).token);
  }
  await waitFor(`${base}/api/health/live`);

  const floor = await autocannon({ url: `${base}/api/health/live`, connections: 10, duration: SECONDS });
  let n = 0;
  const redirects = await autocannon({
    url: base,
    connections: 10,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/l/${tokens[n++ % tokens.length]}`, headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'x-forwarded-for': `10.1.${(n >> 8) & 255}.${n & 255}` } }) }],
  });
  await new Promise((r) => setTimeout(r, 1000));
  const clicks = await db().click.count({ where: { tenantId: tenant.id } });

  const token = webhookAuthToken();
  const inboundUrl = `${base}/api/webhooks/twilio/inbound`;
  let m = 0;
  const webhooks = await autocannon({
    url: base,
    connections: 10,
    duration: SECONDS,
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        m += 1;
        const params = { MessageSid: `SM${process.pid}x${m}`, From: `+6141${String(m % 10_000_000).padStart(7, '0')}`, To: '+61400000001', Body: 'Thanks, see you Saturday', AccountSid: 'ACbench' };
        return { ...req, path: '/api/webhooks/twilio/inbound', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(token, inboundUrl, params) }, body: new URLSearchParams(params).toString() };
      },
    }],
  });
  const stored = await db().inboundMessage.count({ where: { tenantId: tenant.id } });

  const contact = await db().contact.create({ data: { tenantId: tenant.id, phoneE164: '+61499000111', consentStatus: 'EXPLICIT' } });
  await db().sendJob.create({ data: { tenantId: tenant.id, campaignId: campaign.id, contactId: contact.id, toE164: contact.phoneE164, state: 'QUEUED' } });
  const stop = { MessageSid: `SMstop${process.pid}`, From: contact.phoneE164, To: '+61400000001', Body: 'STOP', AccountSid: 'ACbench' };
  const started = performance.now();
  const res = await fetch(inboundUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(token, inboundUrl, stop) }, body: new URLSearchParams(stop).toString() });
  await res.text();
  const answeredMs = performance.now() - started;
  const [dnc, job] = await Promise.all([
    db().dncEntry.count({ where: { tenantId: tenant.id, phoneE164: contact.phoneE164 } }),
    db().sendJob.findFirstOrThrow({ where: { contactId: contact.id }, select: { state: true } }),
  ]);

  console.log(`Goals: redirects >= 1,500 req/s and >= 70 % of the floor with p99 < 25 ms; webhooks >= 500 req/s; STOP effective within the request.`);
  console.log(line('trivial route (floor)', floor));
  console.log(`${line('short-link redirect, clicks on', redirects)}   = ${((redirects.requests.average / floor.requests.average) * 100).toFixed(0)} % of the floor; ${clicks.toLocaleString('en-AU')} clicks recorded`);
  console.log(`${line('signed inbound webhook + writes', webhooks)}   ${stored.toLocaleString('en-AU')} messages stored`);
  console.log(`STOP webhook answered in ${answeredMs.toFixed(1)} ms (${(answeredMs / 1000).toFixed(3)} s); right after the answer: on DNC ${dnc === 1 ? 'yes' : 'NO'}, queued job ${job.state}`);
} finally {
  server.kill('SIGTERM');
  await disconnectDb();
  await new Promise((r) => setTimeout(r, 500));
  await dropDatabase(adminUrl, name);
}

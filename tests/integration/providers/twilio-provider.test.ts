import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboundSms } from '@/lib/providers/sms-provider';
import { twilioProvider } from '@/lib/providers/twilio-provider';
import type { TwilioProviderConfig } from '@/lib/providers/twilio-provider';
import { startPrism } from '../../support/prism';
import type { Prism } from '../../support/prism';

const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
const AUTH_TOKEN = 'test-auth-token';
const CONFIG_SERVICE_SID = `MG${'c'.repeat(32)}`;
const MESSAGE_SERVICE_SID = `MG${'d'.repeat(32)}`;
const STATUS_URL = 'https://crm.example.com.au/api/webhooks/twilio/status';
const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

function sms(overrides: Partial<OutboundSms> = {}): OutboundSms {
  return {
    jobId: 42n,
    to: '+61412345678',
    from: '+61400111222',
    messagingServiceSid: null,
    body: 'Winter sale: 20% off. Reply STOP to opt out',
    ...overrides,
  };
}

function provider(apiBaseUrl: string, overrides: Partial<TwilioProviderConfig> = {}) {
  return twilioProvider({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    apiBaseUrl,
    statusCallbackUrl: STATUS_URL,
    ...overrides,
  });
}

describe("twilioProvider against Twilio's published contract (Prism)", () => {
  let prism: Prism;

  beforeAll(async () => {
    prism = await startPrism();
  }, 90_000);

  afterAll(async () => {
    await prism?.stop();
  });

  it('sends from a number through the SDK and returns the SM… sid and status Twilio answers with', async () => {
    const outcome = await provider(prism.baseUrl).send(sms());
    expect(outcome).toEqual({
      ok: true,
      providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: 'queued',
    });
  });

  it('sends through a Messaging Service with an alphanumeric sender in a request the contract accepts', async () => {
    const outcome = await provider(prism.baseUrl, { messagingServiceSid: CONFIG_SERVICE_SID }).send(
      sms({ from: 'WinterShop', messagingServiceSid: MESSAGE_SERVICE_SID }),
    );
    expect(outcome).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^SM/) });
  });

  it("is refused by the contract mock when a parameter breaks Twilio's schema, so a malformed request cannot pass these tests", async () => {
    const outcome = await provider(prism.baseUrl).send(sms({ messagingServiceSid: 'MG-not-a-sid' }));
    expect(outcome).toEqual({ ok: false, kind: 'permanent', code: null, message: 'Twilio answered HTTP 422' });
  });

  // Prism answers every list request with the contract's first example: a page
  // holding "testing" to +18182008801, created Fri, 24 May 2019 17:44:46 +0000.
  const listed = { to: '+18182008801', from: '+12019235161', body: 'testing', jobId: 42n };

  it('findSent finds a listed message with our body created after the cut-off', async () => {
    const found = await provider(prism.baseUrl).findSent({ ...listed, createdAfter: new Date('2019-05-24T17:44:00Z') });
    expect(found).toEqual({ providerMessageId: 'SMded05904ccb347238880ca9264e8fe1c', status: 'sent' });
  });

  it('findSent allows a minute of clock skew and no more', async () => {
    const twilioCreated = Date.parse('2019-05-24T17:44:46Z');
    const client = provider(prism.baseUrl);
    expect(await client.findSent({ ...listed, createdAfter: new Date(twilioCreated + 55_000) })).not.toBeNull();
    expect(await client.findSent({ ...listed, createdAfter: new Date(twilioCreated + 65_000) })).toBeNull();
  });

  it('findSent answers null when no listed message has our body', async () => {
    const found = await provider(prism.baseUrl, { messagingServiceSid: CONFIG_SERVICE_SID }).findSent({
      ...listed,
      body: 'Winter sale',
      createdAfter: new Date('2019-01-01T00:00:00Z'),
    });
    expect(found).toBeNull();
  });
});

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  authorization: string | undefined;
}

interface Reply {
  status: number;
  body: string;
}

/** Answers like api.twilio.com does, with whatever the test sets, and records what the SDK sent. */
function twilioLikeServer() {
  const requests: Recorded[] = [];
  let reply: Reply | 'hang' = { status: 500, body: '' };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        form: new URLSearchParams(raw),
        authorization: req.headers.authorization,
      });
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  return {
    requests,
    answer(status: number, body: unknown) {
      reply = { status, body: typeof body === 'string' ? body : JSON.stringify(body) };
    },
    hang() {
      reply = 'hang';
    },
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

function messageResource(fields: Record<string, string | null>) {
  return {
    account_sid: ACCOUNT_SID,
    api_version: '2010-04-01',
    body: 'Hi',
    date_created: 'Tue, 02 Jun 2026 01:00:00 +0000',
    date_sent: null,
    date_updated: 'Tue, 02 Jun 2026 01:00:00 +0000',
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: '+61400111222',
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: null,
    sid: `SM${'1'.repeat(32)}`,
    status: 'queued',
    to: '+61412345678',
    uri: `${MESSAGES_PATH.replace('.json', '')}/SM${'1'.repeat(32)}.json`,
    ...fields,
  };
}

function messagePage(messages: object[]) {
  return {
    end: messages.length - 1,
    first_page_uri: MESSAGES_PATH,
    next_page_uri: null,
    page: 0,
    page_size: 20,
    previous_page_uri: null,
    start: 0,
    uri: MESSAGES_PATH,
    messages,
  };
}

describe('twilioProvider against a server that answers like Twilio', () => {
  const twilio = twilioLikeServer();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await twilio.start();
  });

  afterAll(async () => {
    await twilio.stop();
  });

  beforeEach(() => {
    twilio.requests.length = 0;
  });

  afterEach(() => {
    twilio.answer(500, '');
  });

  it('posts To, Body, From and a status callback carrying the job id, signed in with the account', async () => {
    twilio.answer(201, messageResource({ sid: `SM${'2'.repeat(32)}` }));
    const outcome = await provider(baseUrl).send(sms({ jobId: 9007199254740993n }));
    expect(outcome).toEqual({ ok: true, providerMessageId: `SM${'2'.repeat(32)}`, status: 'queued' });
    expect(twilio.requests).toHaveLength(1);
    const [request] = twilio.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(MESSAGES_PATH);
    expect(request.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    expect(Object.fromEntries(request.form)).toEqual({
      To: '+61412345678',
      From: '+61400111222',
      Body: 'Winter sale: 20% off. Reply STOP to opt out',
      StatusCallback: `${STATUS_URL}?sj=9007199254740993`,
    });
  });

  it("sends through the message's own Messaging Service before the configured one, from the sender it names", async () => {
    twilio.answer(201, messageResource({ status: 'accepted', from: null, messaging_service_sid: MESSAGE_SERVICE_SID }));
    const outcome = await provider(baseUrl, { messagingServiceSid: CONFIG_SERVICE_SID }).send(
      sms({ from: 'WinterShop', messagingServiceSid: MESSAGE_SERVICE_SID }),
    );
    expect(outcome).toMatchObject({ ok: true, status: 'accepted' });
    expect(twilio.requests[0].form.get('MessagingServiceSid')).toBe(MESSAGE_SERVICE_SID);
    expect(twilio.requests[0].form.get('From')).toBe('WinterShop');
  });

  it('falls back to the configured Messaging Service and lets it choose the sender when the message names none', async () => {
    twilio.answer(201, messageResource({ status: 'accepted' }));
    await provider(baseUrl, { messagingServiceSid: CONFIG_SERVICE_SID }).send(sms({ from: '' }));
    expect(twilio.requests[0].form.get('MessagingServiceSid')).toBe(CONFIG_SERVICE_SID);
    expect(twilio.requests[0].form.has('From')).toBe(false);
  });

  it('twilioProviderFromEnv sends to TWILIO_API_BASE_URL with the public status webhook as callback', async () => {
    vi.stubEnv('TWILIO_ACCOUNT_SID', ACCOUNT_SID);
    vi.stubEnv('TWILIO_AUTH_TOKEN', AUTH_TOKEN);
    vi.stubEnv('TWILIO_MESSAGING_SERVICE_SID', undefined);
    vi.stubEnv('TWILIO_API_BASE_URL', baseUrl);
    vi.stubEnv('APP_BASE_URL', 'https://sms.example.com.au');
    // Settings are read once per process; load them afresh for this environment.
    vi.resetModules();
    try {
      const { twilioProviderFromEnv } = await import('@/lib/providers/twilio-config');
      twilio.answer(201, messageResource({}));
      expect(await twilioProviderFromEnv().send(sms({ jobId: 7n }))).toMatchObject({ ok: true });
      expect(twilio.requests[0].form.get('StatusCallback')).toBe(
        'https://sms.example.com.au/api/webhooks/twilio/status?sj=7',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('keeps a status callback URL that already has a query string valid', async () => {
    twilio.answer(201, messageResource({}));
    await provider(baseUrl, { statusCallbackUrl: `${STATUS_URL}?tenant=t1` }).send(sms());
    expect(twilio.requests[0].form.get('StatusCallback')).toBe(`${STATUS_URL}?tenant=t1&sj=42`);
  });

  it.each([
    { case: "an invalid 'To' number", status: 400, code: 21211, kind: 'permanent' },
    { case: 'a recipient who replied STOP', status: 400, code: 21610, kind: 'permanent' },
    { case: 'a landline', status: 400, code: 21614, kind: 'permanent' },
    { case: 'too many requests', status: 429, code: 20429, kind: 'transient' },
    { case: 'failed authentication', status: 401, code: 20003, kind: 'account' },
    { case: "a 'From' the account does not own", status: 400, code: 21606, kind: 'account' },
    { case: 'a missing Messaging Service', status: 400, code: 21701, kind: 'account' },
    { case: 'an internal error', status: 500, code: 20500, kind: 'transient' },
  ])("maps $status/$code ($case) to $kind, keeping Twilio's code and message", async ({ status, code, kind }) => {
    const message = `Twilio says ${code}`;
    twilio.answer(status, twilioError(status, code, message));
    expect(await provider(baseUrl).send(sms())).toEqual({ ok: false, kind, code: String(code), message });
  });

  it('maps a 503 from a proxy in front of Twilio, with no JSON body, to transient', async () => {
    twilio.answer(503, '<html>Service Unavailable</html>');
    expect(await provider(baseUrl).send(sms())).toEqual({
      ok: false,
      kind: 'transient',
      code: null,
      message: expect.stringContaining('503'),
    });
  });

  it('leaves a 429 to the drain instead of retrying it inside the SDK', async () => {
    twilio.answer(429, twilioError(429, 20429, 'Too Many Requests'));
    await provider(baseUrl).send(sms());
    expect(twilio.requests).toHaveLength(1);
  });

  it('maps a refused connection to transient', async () => {
    const closed = twilioLikeServer();
    const closedUrl = await closed.start();
    await closed.stop();
    expect(await provider(closedUrl).send(sms())).toMatchObject({
      ok: false,
      kind: 'transient',
      code: null,
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('gives up on a request that hangs once the timeout passes and calls it uncertain, since Twilio may have created it', async () => {
    twilio.hang();
    const started = Date.now();
    const outcome = await provider(baseUrl, { timeoutMs: 300 }).send(sms());
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'uncertain',
      code: null,
      message: expect.stringContaining('timeout'),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('findSent asks for one page of the newest messages to the recipient from our number', async () => {
    twilio.answer(200, messagePage([]));
    expect(
      await provider(baseUrl).findSent({
        jobId: 42n,
        to: '+61412345678',
        from: '+61400111222',
        body: 'Hi',
        createdAfter: new Date(),
      }),
    ).toBeNull();
    expect(twilio.requests).toHaveLength(1);
    expect(twilio.requests[0].method).toBe('GET');
    expect(twilio.requests[0].path).toBe(MESSAGES_PATH);
    expect(Object.fromEntries(twilio.requests[0].query)).toEqual({
      To: '+61412345678',
      From: '+61400111222',
      PageSize: '20',
    });
  });

  it("findSent does not narrow by 'From' when a Messaging Service may have picked another sender", async () => {
    twilio.answer(
      200,
      messagePage([messageResource({ from: '+61400999888', body: 'Hi', sid: `SM${'3'.repeat(32)}`, status: 'sent' })]),
    );
    const found = await provider(baseUrl, { messagingServiceSid: CONFIG_SERVICE_SID }).findSent({
      jobId: 42n,
      to: '+61412345678',
      from: 'WinterShop',
      body: 'Hi',
      createdAfter: new Date('2026-06-02T00:59:30Z'),
    });
    expect(found).toEqual({ providerMessageId: `SM${'3'.repeat(32)}`, status: 'sent' });
    expect(twilio.requests[0].query.has('From')).toBe(false);
  });

  it('findSent picks the message with our body among others to the same recipient', async () => {
    twilio.answer(
      200,
      messagePage([
        messageResource({ body: 'Another campaign', sid: `SM${'4'.repeat(32)}` }),
        messageResource({ body: 'Hi', sid: `SM${'5'.repeat(32)}`, status: 'delivered' }),
      ]),
    );
    const found = await provider(baseUrl).findSent({
      jobId: 42n,
      to: '+61412345678',
      from: '+61400111222',
      body: 'Hi',
      createdAfter: new Date('2026-06-02T01:00:00Z'),
    });
    expect(found).toEqual({ providerMessageId: `SM${'5'.repeat(32)}`, status: 'delivered' });
  });

  it('findSent throws rather than answering "never sent" when Twilio cannot be asked', async () => {
    twilio.answer(500, twilioError(500, 20500, 'Internal Server Error'));
    await expect(
      provider(baseUrl).findSent({
        jobId: 42n,
        to: '+61412345678',
        from: '+61400111222',
        body: 'Hi',
        createdAfter: new Date(),
      }),
    ).rejects.toThrow();
  });
});

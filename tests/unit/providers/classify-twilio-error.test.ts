import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { classifyTwilioError } from '@/lib/providers/twilio-errors';

/** The exception the SDK throws for a non-2xx answer, built from what Twilio sends. */
function restException(status: number, body: object | string) {
  return new twilio.RestException({ statusCode: status, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

function twilioError(status: number, code: number) {
  return restException(status, {
    code,
    message: `error ${code}`,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

describe('classifyTwilioError', () => {
  it.each([
    [21211, "invalid 'To'"],
    [21610, 'recipient opted out'],
    [21612, 'cannot route to this number'],
    [21614, 'not a mobile'],
    [21408, 'recipient country not enabled'],
    [21617, 'body too long'],
    [30003, 'handset unreachable'],
    [30005, 'unknown number'],
    [30007, 'carrier filtered'],
  ])('fails only the job for %i (%s): permanent', (code) => {
    expect(classifyTwilioError(twilioError(400, code))).toMatchObject({ kind: 'permanent', code: String(code) });
  });

  it.each([
    [401, 20003, 'authentication failed'],
    [401, 20005, 'account not active'],
    [400, 30002, 'account suspended'],
    [400, 21212, "invalid 'From'"],
    [400, 21606, "'From' not owned by the account"],
    [400, 21659, "'From' not a Twilio number"],
    [400, 21660, "'From' belongs to another account"],
    [400, 21701, 'Messaging Service missing'],
    [400, 21704, 'Messaging Service has no senders'],
  ])('stops the drain for %i/%i (%s): account', (status, code) => {
    expect(classifyTwilioError(twilioError(status, code))).toMatchObject({ kind: 'account', code: String(code) });
  });

  it.each([
    [429, 20429, 'too many requests'],
    [400, 30001, 'queue overflow'],
    [400, 21611, "sender's queue full"],
    [400, 21730, 'maintenance, although in the Messaging Service range'],
    [500, 20500, 'internal error'],
  ])('retries %i/%i (%s): transient', (status, code) => {
    expect(classifyTwilioError(twilioError(status, code))).toMatchObject({ kind: 'transient', code: String(code) });
  });

  it('lets the code decide over the status (a 400 carrying 20429 is still a rate limit)', () => {
    expect(classifyTwilioError(twilioError(400, 20429)).kind).toBe('transient');
  });

  it('fails only the job for an unlisted 4xx code, so one bad contact cannot stop the drain', () => {
    expect(classifyTwilioError(twilioError(400, 21602))).toMatchObject({ kind: 'permanent', code: '21602' });
  });

  it.each([
    [401, 'account'],
    [403, 'account'],
    [404, 'account'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [422, 'permanent'],
  ])('falls back on the HTTP status %i without a Twilio code: %s', (status, kind) => {
    expect(classifyTwilioError(restException(status, '<html>error</html>'))).toMatchObject({ kind, code: null });
  });

  it("keeps Twilio's own message for staff", () => {
    const body = {
      code: 21211,
      message: "The 'To' number +6141234 is not a valid phone number.",
      more_info: 'https://www.twilio.com/docs/errors/21211',
      status: 400,
    };
    expect(classifyTwilioError(restException(400, body))).toEqual({
      ok: false,
      kind: 'permanent',
      code: '21211',
      message: body.message,
    });
  });

  it('names the HTTP status when Twilio sent no message', () => {
    expect(classifyTwilioError(restException(422, { status: 422, title: 'Invalid request' })).message).toBe(
      'Twilio answered HTTP 422',
    );
  });

  it('treats a request that never reached Twilio (refused connection, unknown host) as transient: nothing was created', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const unknownHost = Object.assign(new Error('getaddrinfo ENOTFOUND api.twilio.com'), { code: 'ENOTFOUND' });
    expect(classifyTwilioError(refused)).toEqual({
      ok: false,
      kind: 'transient',
      code: null,
      message: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(classifyTwilioError(unknownHost).kind).toBe('transient');
  });

  it('treats a request that went out but got no answer (reset, timed out) as uncertain: Twilio may hold the message', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const timedOut = Object.assign(new Error('timeout of 300ms exceeded'), { code: 'ECONNABORTED' });
    expect(classifyTwilioError(reset)).toEqual({ ok: false, kind: 'uncertain', code: null, message: 'socket hang up' });
    expect(classifyTwilioError(timedOut).kind).toBe('uncertain');
  });

  it('treats a thrown non-error as uncertain with a readable message', () => {
    expect(classifyTwilioError('boom')).toEqual({
      ok: false,
      kind: 'uncertain',
      code: null,
      message: 'Twilio request failed: boom',
    });
  });
});

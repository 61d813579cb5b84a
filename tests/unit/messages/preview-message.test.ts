import { describe, expect, it } from 'vitest';
import { replaceablePunctuation, toPlainPunctuation } from '@/lib/messages/plain-punctuation';
import {
  estimateCampaignCostMicros,
  estimateCostMicros,
  previewMessage,
  SAMPLE_CONTACT,
  sampleShortUrl,
} from '@/lib/messages/preview-message';
import { countSmsParts } from '@/lib/messages/sms-parts';
import { signLinkToken } from '@/lib/links/link-token';
import { signUnsubscribeToken } from '@/lib/links/unsubscribe-token';

const BASE = 'https://acme.link';
const LONG_CODE = { senderName: 'Acme', canReceiveReplies: true, hasLink: false, shortLinkBase: BASE };

function preview(body: string, options: Partial<Parameters<typeof previewMessage>[0]> = {}) {
  const result = previewMessage({ ...LONG_CODE, body, ...options });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('previewMessage', () => {
  it('fills merge fields for the sample contact and appends the STOP line when the numbers can take replies', () => {
    expect(preview('Hi {firstName|there}, {fullName} ({phone}) gets 20% off.').text).toBe(
      'Hi Olivia, Olivia Nguyen (+61412345678) gets 20% off.\nFrom Acme. Reply STOP to opt out',
    );
  });

  it('uses the fallback for a field the contact lacks, and nothing for one without a fallback', () => {
    const contact = { ...SAMPLE_CONTACT, firstName: null, customFields: {} };
    expect(preview('Hi {firstName|there}{store}!', { contact }).text).toBe(
      'Hi there!\nFrom Acme. Reply STOP to opt out',
    );
  });

  it('appends a web opt-out link instead of STOP when a number is an alphanumeric sender ID', () => {
    const { text } = preview('Sale today.', { canReceiveReplies: false });
    expect(text).toMatch(/^Sale today\.\nFrom Acme\. Opt out: https:\/\/acme\.link\/u\/[0-9a-z]+[A-Za-z0-9_-]{16}$/);
    // As long as a real unsubscribe link for a job id of the same size.
    expect(text.length).toBe(
      'Sale today.\nFrom Acme. Opt out: https://acme.link/u/'.length + signUnsubscribeToken(BigInt(36 ** 6 - 1)).length,
    );
  });

  it('replaces {link} with a short link as long as a real one when the campaign has a link URL', () => {
    const { text } = preview('Shop: {link}', { hasLink: true });
    const realToken = signLinkToken(BigInt(36 ** 6 - 1), new Date(Date.now() + 60 * 86_400_000));
    expect(text).toBe(`Shop: ${sampleShortUrl(BASE)}\nFrom Acme. Reply STOP to opt out`);
    expect(sampleShortUrl(BASE)).toMatch(/^https:\/\/acme\.link\/l\/[0-9a-z]+\.[0-9a-z]+[A-Za-z0-9_-]{16}$/);
    expect(sampleShortUrl(BASE).length).toBe(`${BASE}/l/`.length + realToken.length);
  });

  it('leaves {link} empty when the campaign has no link URL, as the send would', () => {
    expect(preview('Shop: {link}').text).toBe('Shop: \nFrom Acme. Reply STOP to opt out');
  });

  it('counts the parts of the full text as sent, footer included', () => {
    const body = 'a'.repeat(130);
    const result = preview(body);
    expect(result.segments).toEqual(countSmsParts(`${body}\nFrom Acme. Reply STOP to opt out`));
    expect(result.segments.parts).toBe(2);
    expect(countSmsParts(body).parts).toBe(1);
  });

  it('names a curly apostrophe as the character forcing UCS-2, which the plain-punctuation fix removes', () => {
    const body =
      'We’re open late tonight – come in for 20% off everything in store before the sale ends this weekend, see you soon';
    const curly = preview(body).segments;
    expect(curly).toMatchObject({ encoding: 'UCS-2', parts: 3, ucs2Characters: ['’', '–'] });
    expect(replaceablePunctuation(curly.ucs2Characters)).toEqual(['’', '–']);
    const plain = preview(toPlainPunctuation(body)).segments;
    expect(plain).toMatchObject({ encoding: 'GSM-7', parts: 1, ucs2Characters: [] });
  });

  it('keeps characters the fix cannot replace, such as emoji, and reports them as not replaceable', () => {
    expect(toPlainPunctuation('“Hi” 😀…')).toBe('"Hi" 😀...');
    expect(replaceablePunctuation(['😀'])).toEqual([]);
  });

  it('returns the parser’s message, and no text, for a template with a malformed field', () => {
    expect(previewMessage({ ...LONG_CODE, body: 'Hi {first name}' })).toEqual({
      ok: false,
      error:
        '"{first name}" is not a merge field: use a name such as {firstName}, optionally with a fallback as in {firstName|there}.',
    });
  });
});

describe('cost estimates', () => {
  it('costs parts × price per part × recipients, in millionths of a dollar', () => {
    expect(estimateCostMicros({ parts: 2, pricePerPartMicros: 55_000, recipients: 1_000 })).toBe(110_000_000);
    expect(estimateCostMicros({ parts: 3, pricePerPartMicros: 55_000, recipients: 0 })).toBe(0);
  });

  it('splits the audience between rotating messages equally round-robin and by weight when weighted', () => {
    const messages = [
      { parts: 1, weight: 3 },
      { parts: 3, weight: 1 },
    ];
    expect(
      estimateCampaignCostMicros({ messages, rotation: 'ROUND_ROBIN', pricePerPartMicros: 55_000, recipients: 1_000 }),
    ).toBe(110_000_000);
    expect(
      estimateCampaignCostMicros({ messages, rotation: 'WEIGHTED', pricePerPartMicros: 55_000, recipients: 1_000 }),
    ).toBe(82_500_000);
  });

  it('costs nothing when there is no message yet', () => {
    expect(
      estimateCampaignCostMicros({
        messages: [],
        rotation: 'ROUND_ROBIN',
        pricePerPartMicros: 55_000,
        recipients: 1_000,
      }),
    ).toBe(0);
  });
});

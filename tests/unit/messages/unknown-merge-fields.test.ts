import { describe, expect, it } from 'vitest';
import { parseTemplate } from '@/lib/messages/merge-fields';
import { previewMessage } from '@/lib/messages/preview-message';
import { describeUnknownMergeFields, findUnknownMergeFields } from '@/lib/messages/unknown-merge-fields';

const unknownIn = (body: string, customFieldNames: string[] = []) =>
  findUnknownMergeFields({ fields: parseTemplate(body).fields, customFieldNames });

describe('unknown merge fields', () => {
  it('suggests {firstName} for {first_name} and {firstname}', () => {
    expect(unknownIn('Hi {first_name}, sale now on')).toEqual([{ field: 'first_name', suggestion: 'firstName' }]);
    expect(unknownIn('Hi {firstname}')).toEqual([{ field: 'firstname', suggestion: 'firstName' }]);
  });

  it('suggests the closest field for a typo, including custom fields from imports', () => {
    expect(unknownIn('Hi {fristName}')).toEqual([{ field: 'fristName', suggestion: 'firstName' }]);
    expect(unknownIn('See you at {stor}', ['store'])).toEqual([{ field: 'stor', suggestion: 'store' }]);
  });

  it('accepts built-in fields, {link} and imported custom fields', () => {
    expect(unknownIn('Hi {firstName|there} {lastName} {fullName} {email} {phone} {link} {store}', ['store'])).toEqual(
      [],
    );
  });

  it('names no suggestion when nothing is close', () => {
    const unknown = unknownIn('Your {voucherCode}');
    expect(unknown).toEqual([{ field: 'voucherCode', suggestion: null }]);
    expect(describeUnknownMergeFields(unknown)).toContain('{voucherCode} is not a merge field');
  });

  it('makes the preview say "did you mean" instead of rendering an empty field', () => {
    const preview = previewMessage({
      body: 'Hi {first_name}, sale now on',
      senderName: 'Acme',
      canReceiveReplies: true,
      hasLink: false,
      shortLinkBase: 'https://acme.link',
      customFieldNames: [],
    });
    expect(preview).toEqual({ ok: false, error: '{first_name} is not a merge field: did you mean {firstName}?' });
  });
});

import { describe, expect, it } from 'vitest';
import { ContactQuerySchema } from '@/lib/contacts/contact-query';

describe('the Contacts filter as the form sends it', () => {
  it('reads fields left at "Any" (sent empty) as no filter, keeping the search', () => {
    expect(ContactQuerySchema.parse({ q: 'zoe', consent: '', tag: '', dnc: '', batch: '' })).toEqual({
      q: 'zoe',
      page: 1,
    });
    expect(ContactQuerySchema.parse({ q: '  ', tag: ' ' })).toEqual({ page: 1 });
  });

  it('keeps every field that is set', () => {
    const batch = '6f1c1f4e-8a7d-4d5e-9b7a-2f0c3d4e5f60';
    expect(
      ContactQuerySchema.parse({ q: ' Jane ', consent: 'EXPLICIT', tag: 'vip', dnc: 'exclude', batch, page: '3' }),
    ).toEqual({ q: 'Jane', consent: 'EXPLICIT', tag: 'vip', dnc: 'exclude', batch, page: 3 });
  });

  it('reads a repeated parameter as its first value and a page that is not one as the first page', () => {
    expect(ContactQuerySchema.parse({ tag: ['vip', 'staff'], page: 'last' })).toEqual({ tag: 'vip', page: 1 });
  });

  it('refuses values the form never offers, in words a person understands', () => {
    const result = ContactQuerySchema.safeParse({ consent: 'MAYBE', batch: 'not-an-import' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Choose a consent status from the list.',
      'That import was not found; choose one from the list.',
    ]);
  });
});

import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSignInEmail } from '@/app/_http/read-sign-in-email';
import { normaliseSignInEmail } from '@/lib/auth/sign-in-email';

// next-auth's own body reader, which its package does not export: the limit must see
// the very address next-auth goes on to mail.
const nextAuthUtils = path.join(path.dirname(createRequire(import.meta.url).resolve('next-auth')), 'next/utils.js');
const { getBody } = createRequire(import.meta.url)(nextAuthUtils) as {
  getBody(req: Request): Promise<Record<string, unknown> | undefined>;
};

function post(contentType: string, body: string | FormData) {
  const headers = contentType ? { 'content-type': contentType } : undefined;
  return new Request('http://localhost:3000/api/auth/signin/email', { method: 'POST', headers, body });
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

describe('readSignInEmail', () => {
  it.each([
    ['a form', FORM, 'email=Staff%40Example.com&csrfToken=t&callbackUrl=%2Fdashboard&json=true'],
    ['a form with a charset', `${FORM}; charset=UTF-8`, 'email=+staff%40example.com+'],
    ['a JSON body', JSON_TYPE, '{"email":"Staff@Example.com","csrfToken":"t"}'],
    ['a JSON body naming email twice', JSON_TYPE, '{"email":"staff@example.com","email":"victim@example.com"}'],
  ])('reads the address next-auth will mail from %s', async (_name, type, body) => {
    const mailed = normaliseSignInEmail(String((await getBody(post(type, body)))?.email));
    expect(await readSignInEmail(post(type, body))).toBe(mailed);
  });

  it('refuses a form naming two addresses, in words a person understands', async () => {
    await expect(
      readSignInEmail(post(FORM, 'email=me%40example.com&email=victim%40example.com')),
    ).rejects.toMatchObject({ code: 'invalid', message: 'Enter one e-mail address.' });
  });

  it('finds no address in a body next-auth does not read either', async () => {
    const form = new FormData();
    form.set('email', 'staff@example.com');
    const multipart = post('', form);
    expect(await getBody(multipart.clone())).toBeUndefined();
    await expect(readSignInEmail(multipart)).rejects.toThrow('Enter your e-mail address.');
    await expect(readSignInEmail(post(JSON_TYPE, '{"email":["victim@example.com"]}'))).rejects.toThrow(
      'Enter your e-mail address.',
    );
  });

  it('leaves the body for next-auth to read', async () => {
    const req = post(FORM, 'email=staff%40example.com');
    await readSignInEmail(req);
    expect(await getBody(req)).toEqual({ email: 'staff@example.com' });
  });
});

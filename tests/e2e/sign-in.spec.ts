import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { RATE_LIMIT_POLICIES } from '../../lib/rate-limit/policies';
import { ADMIN_SESSION } from './support/admin-session';
import { mailsTo, waitForMagicLink } from './support/mail-sink';
import { signInAs } from './support/sign-in';

const ADMIN = 'admin@example.com';

test('an anonymous visitor is sent to sign-in and comes back to the page they asked for', async ({ page }) => {
  await page.goto('/contacts');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcontacts/);
  await expect(page.getByRole('heading', { name: /sign in/i })).toBeVisible();
});

test('the admin signs in with a link mailed over SMTP and sees the app shell', async ({ page }) => {
  await signInAs(page, ADMIN);
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Dashboard', 'Contacts', 'Imports', 'Campaigns', 'Reports', 'Settings', 'Users']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
});

test('a sign-in link works once', async ({ page, browser }) => {
  const before = mailsTo(ADMIN).length;
  await page.goto('/signin');
  await page.getByLabel('Work e-mail').fill(ADMIN);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  const link = await waitForMagicLink(ADMIN, before);
  await page.goto(link);
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(
    mailsTo(ADMIN)
      .at(-1)!
      .raw.replace(/=\r?\n/g, ''),
  ).toContain('This link works once and expires in 15 minutes.');

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second).toHaveURL(/\/signin\/error\?error=Verification/);
  await second.goto('/dashboard');
  await expect(second).toHaveURL(/\/signin/);
  await other.close();
});

test('an unknown address sees the same page but is sent no mail', async ({ page }) => {
  const stranger = 'stranger@example.net';
  await page.goto('/signin');
  await page.getByLabel('Work e-mail').fill(stranger);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.waitForTimeout(1500);
  expect(mailsTo(stranger)).toHaveLength(0);
});

test('a known and an unknown address get the same answer, so the form reveals no accounts', async ({ page }) => {
  // What the sign-in form posts, asked directly so the answer can be read whole.
  async function answerFor(email: string): Promise<string> {
    const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
    const response = await page.request.post('/api/auth/signin/email', {
      form: { email, csrfToken, callbackUrl: '/dashboard', json: 'true' },
    });
    return `${response.status()} ${await response.text()}`;
  }
  const known = await answerFor(ADMIN);
  expect(known).toContain('verify-request');
  expect(await answerFor('nobody-here@example.net')).toBe(known);
});

test('an admin invites a viewer, who signs in and cannot manage users', async ({ page, browser }) => {
  const invitee = `viewer-${Date.now()}@example.com`;
  await signInAs(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  const form = page.getByRole('form', { name: 'Invite a user' });
  await form.getByLabel('E-mail').fill(invitee);
  await form.getByLabel('Role').selectOption('VIEWER');
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByRole('status')).toContainText(`${invitee} was invited.`);
  await expect(page.getByRole('row', { name: new RegExp(invitee) })).toBeVisible();
  await expect.poll(() => mailsTo(invitee).length).toBe(1);
  // The invitation opens the sign-in page, which never expires: it must not promise that it does.
  const invitation = mailsTo(invitee)[0].raw.replace(/=\r?\n/g, '');
  expect(invitation).toContain('Open this page and ask for a sign-in link.');
  expect(invitation).not.toMatch(/expires in \d+ minutes/);

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signInAs(viewer, invitee);
  await expect(viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  const response = await viewer.goto('/users');
  expect(response?.status()).toBe(200);
  await expect(viewer.getByText(/needs the admin role/i)).toBeVisible();
  await context.close();
});

// The app runs as behind one proxy (TRUSTED_PROXY_HOPS=1 in playwright.config.ts), so a
// test can stand for a client of its own by the address that proxy would append.
async function askForLink(
  request: APIRequestContext,
  options: { body: string; client: string; path?: string },
): Promise<number> {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const response = await request.post(options.path ?? '/api/auth/signin/email', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': options.client },
    data: `${options.body}&csrfToken=${csrfToken}&callbackUrl=%2Fdashboard&json=true`,
  });
  return response.status();
}

/** Invites someone through the API as the admin and waits for the invitation mail. */
async function invite(browser: Browser, baseURL: string, email: string): Promise<void> {
  const admin = await browser.newContext({ storageState: ADMIN_SESSION });
  const response = await admin.request.post('/api/users', {
    data: { email, role: 'VIEWER' },
    headers: { origin: baseURL },
  });
  expect(response.status()).toBe(201);
  await admin.close();
  await expect.poll(() => mailsTo(email).length).toBe(1);
}

test('a form naming a second address never mails that address more links than its limit', async ({
  page,
  browser,
  baseURL,
}) => {
  const victim = `victim-${Date.now()}@example.com`;
  await invite(browser, baseURL!, victim);
  const { limit } = RATE_LIMIT_POLICIES['signin-email'];
  const statuses: number[] = [];
  for (let i = 0; i < limit + 3; i += 1) {
    const body = `email=decoy-${i}%40example.net&email=${encodeURIComponent(victim)}`;
    statuses.push(await askForLink(page.request, { body, client: '198.51.100.10' }));
  }
  expect(mailsTo(victim).length - 1).toBeLessThanOrEqual(limit);
  expect(statuses).toEqual(Array(limit + 3).fill(422));
});

test('a link asked for at a longer path is limited like one asked for by the form', async ({
  page,
  browser,
  baseURL,
}) => {
  const member = `member-${Date.now()}@example.com`;
  await invite(browser, baseURL!, member);
  const { limit } = RATE_LIMIT_POLICIES['signin-email'];
  const statuses: number[] = [];
  for (let i = 0; i < limit + 2; i += 1) {
    const body = `email=${encodeURIComponent(member)}`;
    statuses.push(
      await askForLink(page.request, { body, client: '198.51.100.11', path: '/api/auth/signin/email/again' }),
    );
  }
  expect(mailsTo(member).length - 1).toBe(limit);
  expect(statuses.slice(limit)).toEqual([429, 429]);
});

test('a client writing a new X-Forwarded-For hop each time stays within its own per-address limit', async ({
  page,
}) => {
  const { limit } = RATE_LIMIT_POLICIES['signin-ip'];
  const statuses: number[] = [];
  for (let i = 0; i <= limit; i += 1) {
    const body = `email=nobody-${i}-${Date.now()}%40example.net`;
    statuses.push(await askForLink(page.request, { body, client: `10.0.${i}.1, 198.51.100.12` }));
  }
  expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(200));
  expect(statuses[limit]).toBe(429);
});

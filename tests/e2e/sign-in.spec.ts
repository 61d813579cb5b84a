import { expect, test } from '@playwright/test';
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

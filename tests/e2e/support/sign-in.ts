import { expect, type Page } from '@playwright/test';
import { mailsTo, waitForMagicLink } from './mail-sink';

/** Signs in through the real flow: the form, an e-mail over SMTP, the link in it. */
export async function signInAs(page: Page, email: string): Promise<void> {
  const before = mailsTo(email).length;
  await page.goto('/signin');
  await page.getByLabel('Work e-mail').fill(email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
  await page.goto(await waitForMagicLink(email, before));
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

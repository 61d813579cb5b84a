import { expect, test } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';

test.use({ storageState: ADMIN_SESSION });

test('an admin reads the audit log as a table of who did what to which record, and when', async ({ page }) => {
  // The sender name is changed and put back, so the tests after this one see the workspace as it was.
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Workspace settings' });
  const sender = form.getByLabel('Sender name shown in messages');
  const before = await sender.inputValue();
  for (const value of [`${before} (audit)`, before]) {
    await sender.fill(value);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings') && r.request().method() === 'PATCH');
    await form.getByRole('button', { name: 'Save settings' }).click();
    expect((await saved).status()).toBe(200);
  }

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('columnheader')).toHaveText(['When', 'Who', 'What', 'Record', 'Details']);
  const row = log.getByRole('row').filter({ hasText: 'Changed the workspace settings' }).first();
  await expect(row.getByRole('cell').nth(0)).toHaveText(/\d{4}, \d{1,2}:\d{2} [ap]m A[CEW][DS]T/);
  await expect(row.getByRole('cell').nth(1)).toHaveText('admin@example.com');
  await expect(row.getByRole('cell').nth(4)).toContainText(`sender name${before}`);
  await expect(log).not.toContainText('settings.updated');
});

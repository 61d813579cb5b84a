import { expect, test } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';

test.use({ storageState: ADMIN_SESSION });

const CSV = [
  'Mobile,First Name,Surname,Consent,Tags',
  '0412 345 601,Ann,Lee,yes,vip',
  '0412 345 602,Bob,Ray,implied,',
  '0412 345 601,Ann,Twice,yes,',
  '(02) 9876 5432,Land,Line,yes,',
  '0412 345 603,Cat,Doe,,',
].join('\n');

test('a staff member imports a CSV: upload, mapping, dry run, rejects, commit, contacts', async ({ page }) => {
  await page.goto('/dashboard');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'spring-list.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  const mapping = page.getByRole('form', { name: 'Column mapping' });
  await expect(mapping).toBeVisible();
  await expect(mapping.getByRole('combobox', { name: 'Phone', exact: true })).toHaveValue('0');
  await expect(mapping.getByRole('combobox', { name: 'First name', exact: true })).toHaveValue('1');
  await expect(mapping.getByRole('combobox', { name: 'Consent status', exact: true })).toHaveValue('3');
  await mapping.getByRole('button', { name: 'Run the dry run' }).click();

  const summary = page.getByLabel('Dry run summary');
  await expect(summary).toContainText('2Would be created');
  await expect(summary).toContainText('3Rejected');
  const decisions = page.getByRole('table', { name: 'Row decisions' });
  await expect(decisions).toContainText('Duplicate: row 2 of this file has the same number.');
  await expect(decisions).toContainText('landline and cannot receive SMS');
  await expect(decisions).toContainText('Missing consent');
  const byReason = page.getByRole('list', { name: 'Rejected rows by reason' });
  await expect(byReason.getByRole('listitem')).toHaveCount(3);
  await byReason.getByRole('button', { name: 'Missing consent' }).click();
  await expect(decisions.getByRole('row')).toHaveCount(2);
  await expect(decisions).toContainText('Missing consent');
  await expect(decisions).not.toContainText('Duplicate');

  const rejects = await page.request.get(
    (await page.getByRole('link', { name: 'Download rejected rows (CSV)' }).getAttribute('href')) ?? '',
  );
  expect(rejects.headers()['content-type']).toContain('text/csv');
  expect(await rejects.text()).toContain('reason');

  await page.getByRole('button', { name: /^Commit: create 2 and update 0 contacts$/ }).click();
  await expect(page.getByRole('status')).toContainText('Import committed: 2 contacts created and 0 updated.');
  await expect(page.getByLabel('Import summary')).toContainText('2Created');
  await expect(page.getByLabel('Import summary')).not.toContainText('Would be');

  await page.getByRole('link', { name: 'See them in Contacts' }).click();
  await expect(page.getByRole('link', { name: '+61412345601' })).toBeVisible();
  await expect(page.getByRole('link', { name: '+61412345602' })).toBeVisible();
  await page.getByRole('link', { name: '+61412345601' }).click();
  await expect(page.getByRole('heading', { name: 'Ann Lee' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Consent history' })).toContainText('granted');
  await expect(page.getByRole('link', { name: 'spring-list.csv' })).toBeVisible();
});

test('a file that is not a CSV is refused with a reason', async ({ page }) => {
  await page.goto('/imports');
  await page.locator('#import-file').setInputFiles({
    name: 'contacts.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Excel workbook' })).toContainText('Save As › CSV UTF-8');
  await page.goto('/imports');
  await expect(page.getByText('contacts.xlsx')).toHaveCount(0);
});

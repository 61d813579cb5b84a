import { expect, test, type Page } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { importContacts } from './support/workspace';

test.use({ storageState: ADMIN_SESSION });

/** Fills the Contacts filter form as a person does, leaving the selects at "Any", and presses Filter. */
async function filter(page: Page, fields: { search: string; tag?: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'Filter contacts' });
  await form.getByLabel('Search by name, e-mail or phone').fill(fields.search);
  await form.getByLabel('Tag').fill(fields.tag ?? '');
  await form.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]consent=&/);
}

test('the Contacts filter form finds people without their accents or apostrophes, and by number however it is typed', async ({
  page,
}) => {
  await importContacts(page, 'search-people.csv', [
    { phone: '0412 556 001', firstName: 'Zoë', state: 'NSW', tag: 'search-people' },
    { phone: '0412 556 002', firstName: 'García', state: 'VIC', tag: 'search-people' },
    { phone: '0412 556 003', firstName: 'O’Brien', state: 'QLD', tag: 'search-people' },
  ]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const search = page.getByLabel('Search by name, e-mail or phone');
  const count = page.getByRole('status');
  const list = page.getByRole('table', { name: 'Contacts' });

  await filter(page, { search: 'zoe', tag: 'search-people' });
  await expect(count).toHaveText('1 contact matches this filter');
  await expect(list.getByRole('link', { name: '+61412556001' })).toBeVisible();
  await expect(list).toContainText('Zoë');
  await expect(search).toHaveValue('zoe');
  await expect(page.getByLabel('Tag')).toHaveValue('search-people');

  await filter(page, { search: 'garcia' });
  await expect(count).toHaveText('1 contact matches this filter');
  await expect(list).toContainText('García');

  await filter(page, { search: "O'Brien" });
  await expect(count).toHaveText('1 contact matches this filter');
  await expect(list).toContainText('O’Brien');

  await filter(page, { search: '+61412556003' });
  await expect(list.getByRole('link', { name: '+61412556003' })).toBeVisible();
  await expect(count).toHaveText('1 contact matches this filter');

  await filter(page, { search: '0412 556 00', tag: 'search-people' });
  await expect(count).toHaveText('3 contacts match this filter');

  await filter(page, { search: 'nobody-called-this' });
  await expect(page.getByText('No contacts match this filter.')).toBeVisible();
});

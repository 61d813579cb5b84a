import { expect, test, type Page } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { launch, saveTaggedDraft } from './support/campaigns';
import { ensureSendingNumber, importContacts } from './support/workspace';

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
  await expect(page.getByRole('form', { name: 'Filter contacts' }).getByLabel('Tag')).toHaveValue('search-people');

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

test('staff opt a number out by hand on the do-not-contact page and its queued message is skipped at once', async ({
  page,
}) => {
  await ensureSendingNumber(page);
  await importContacts(page, 'rang-up.csv', [
    { phone: '0412 555 701', firstName: 'Noor', state: 'VIC', tag: 'rang-up' },
  ]);
  await saveTaggedDraft(page, {
    name: 'Rang up',
    tag: 'rang-up',
    message: 'Hi {firstName|there}, new stock next year.',
    sendAt: `${new Date().getFullYear() + 1}-02-01T10:00`,
  });
  const campaignUrl = page.url();
  await launch(page, 'Rang up', /^Schedule for/i);
  const counts = page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts');
  await expect(counts).toContainText('1Queued');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'Do-not-contact list' }).click();
  const add = page.getByRole('form', { name: 'Add a number to the do-not-contact list' });
  await add.getByLabel('Phone number').fill('0412 555 701');
  await add.getByLabel('How they asked').selectOption({ label: 'Asked in a phone call' });
  await add.getByLabel('Note (optional)').fill('rang the store');
  await add.getByRole('button', { name: 'Add to the list' }).click();
  await expect(add.getByRole('status')).toHaveText(
    '+61412555701 is on the do-not-contact list. 1 queued message to it was skipped.',
  );
  const row = page.getByRole('table', { name: 'Do-not-contact list' }).getByRole('row', { name: /\+61412555701/ });
  await expect(row).toContainText('Added by staff');
  await expect(row).toContainText('Asked in a phone call: rang the store');

  await page.goto(campaignUrl);
  await expect(counts).toContainText('1Skipped');
  await expect(counts).toContainText('0Queued');
});

test('staff add a contact by hand with its consent, edit it, and see the change on its history', async ({ page }) => {
  await page.goto('/contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  const form = page.getByRole('form', { name: 'New contact' });
  await form.getByLabel('Mobile number').fill('0412 555 801');
  await form.getByLabel('First name').fill('Hana');
  await form.getByLabel('State').selectOption('QLD');
  await form.getByLabel('How they consented').fill('signed up at the Brisbane counter');
  await form.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hana' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contact details' })).toContainText('+61412555801');
  await expect(page.getByRole('table', { name: 'Consent history' })).toContainText('signed up at the Brisbane counter');

  await page.getByRole('link', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit contact' });
  await edit.getByLabel('Last name').fill('Sato');
  await edit.getByLabel('Tags').fill('vip, brisbane');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hana Sato' })).toBeVisible();
  const changes = page.getByRole('table', { name: 'Changes by staff' });
  await expect(changes).toContainText('Edited a contact');
  await expect(changes).toContainText('Last name: (none) → Sato');
  await expect(changes).toContainText('Tags: (none) → vip, brisbane');
  await expect(changes).toContainText('admin@example.com');
});

test('staff tag every contact a filter matches in one action: the confirmation names the count and the list shows the tag when it is done', async ({
  page,
}) => {
  await importContacts(page, 'bulk-tag.csv', [
    { phone: '0412 555 901', firstName: 'Ada', state: 'NSW', tag: 'bulk-tag' },
    { phone: '0412 555 902', firstName: 'Ben', state: 'VIC', tag: 'bulk-tag' },
    { phone: '0412 555 903', firstName: 'Cai', state: 'QLD', tag: 'bulk-tag' },
  ]);
  await page.goto('/contacts?tag=bulk-tag');
  await expect(page.getByRole('status').first()).toHaveText('3 contacts match this filter');
  const panel = page.getByRole('group', { name: 'Act on every contact shown' });
  await panel.getByText('Act on the 3 contacts matching this filter').click();
  await panel.getByLabel('Action').selectOption('ADD_TAGS');
  await panel.getByLabel('Tags, separated by commas').fill('bulk-vip');
  await panel.getByRole('button', { name: 'Continue…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add the tag “bulk-vip” to the 3 contacts matching this filter?' });
  await expect(dialog).toContainText('This changes every one of them, not only the page you see.');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('bulk-confirm-phone.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await dialog.getByRole('button', { name: 'Yes, 3 contacts' }).click();
  await expect(panel.getByRole('status', { name: 'Bulk action progress' })).toHaveText('Done: 3 contacts changed.');
  const list = page.getByRole('table', { name: 'Contacts' });
  await expect(list.getByRole('row', { name: /bulk-tag, bulk-vip/ })).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('bulk-done-laptop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('bulk-done-phone.png'), fullPage: true });
});

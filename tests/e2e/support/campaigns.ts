import { expect, type Page } from '@playwright/test';
import { SENDING_NUMBER } from './workspace';

export const SENDING_NUMBER_PATTERN = new RegExp(SENDING_NUMBER.replace('+', '\\+'));

export async function openNewCampaign(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('link', { name: 'New campaign' }).click();
  await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
}

/** Writes a campaign to the contacts with `tag`, saves the draft and opens its page. */
export async function saveTaggedDraft(
  page: Page,
  options: { name: string; tag: string; message: string; sendAt?: string; linkUrl?: string },
): Promise<void> {
  await openNewCampaign(page);
  const editor = page.getByRole('form', { name: 'New campaign' });
  await editor.getByLabel('Campaign name').fill(options.name);
  await editor.getByRole('radio', { name: 'Contacts filtered by consent and tags' }).check();
  await editor.getByLabel('Tags (any of them; leave blank for any tags)').fill(options.tag);
  await editor.getByRole('textbox', { name: 'Message 1', exact: true }).fill(options.message);
  if (options.linkUrl) await editor.getByLabel('Link URL (optional)').fill(options.linkUrl);
  await expect(editor.getByRole('checkbox', { name: SENDING_NUMBER_PATTERN })).toBeChecked();
  if (options.sendAt) await editor.getByLabel('Send at (optional)').fill(options.sendAt);
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: options.name })).toContainText('Draft');
}

/** Launches from the campaign page; a scheduled campaign's confirm button names its time instead of "now". */
export async function launch(page: Page, name: string, confirm: string | RegExp = 'Launch now'): Promise<void> {
  await page.getByRole('region', { name: 'Campaign actions' }).getByRole('button', { name: 'Launch' }).click();
  const dialog = page.getByRole('dialog', { name: `Launch “${name}”?` });
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

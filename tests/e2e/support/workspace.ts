import { expect, type Page } from '@playwright/test';

export const SENDING_NUMBER = '+61412999001';

/** The hour of day it is now in `timeZone`, 0–23. */
function hourIn(timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-AU', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
}

const clock = (hour: number) => `${String((hour + 24) % 24).padStart(2, '0')}:00`;

/**
 * Quiet hours as two times of day that either cover the present in Sydney with an
 * hour to spare on each side, or lie six hours ahead of it: then it is daytime now in
 * every Australian zone (they are at most three hours apart), whatever
 * the time the tests run at.
 */
export function quietHoursAround(now: 'now' | 'not now'): { start: string; end: string } {
  const hour = hourIn('Australia/Sydney');
  return now === 'now'
    ? { start: clock(hour - 1), end: clock(hour + 2) }
    : { start: clock(hour + 6), end: clock(hour + 7) };
}

/** Changes the workspace's quiet hours through the Settings form, as an admin. */
export async function setQuietHours(page: Page, hours: { start: string; end: string }): Promise<void> {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Workspace settings' });
  await form.getByLabel('Quiet hours start').fill(hours.start);
  await form.getByLabel('Quiet hours end').fill(hours.end);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
}

/** Adds the test's long code in Settings unless an earlier test already did. */
export async function ensureSendingNumber(page: Page): Promise<void> {
  await page.goto('/settings');
  const numbers = page.getByRole('region', { name: 'Sending numbers' });
  if (await numbers.getByRole('cell', { name: SENDING_NUMBER }).count()) return;
  const form = page.getByRole('form', { name: 'Add a sending number' });
  await form.getByLabel('Number or sender ID').fill('0412 999 001');
  await form.getByRole('button', { name: 'Add number' }).click();
  await expect(form.getByRole('status')).toHaveText(`${SENDING_NUMBER} was added. It starts its warm-up today.`);
}

/** Imports consenting contacts through the import wizard; the header names every column so the mapping needs no change. */
export async function importContacts(
  page: Page,
  fileName: string,
  rows: { phone: string; firstName: string; state: string; tag: string }[],
): Promise<void> {
  const csv = [
    'Mobile,First Name,State,Consent,Tags',
    ...rows.map((r) => `${r.phone},${r.firstName},${r.state},yes,${r.tag}`),
  ].join('\n');
  await page.goto('/imports');
  await page.locator('#import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const mapping = page.getByRole('form', { name: 'Column mapping' });
  await expect(mapping.getByRole('combobox', { name: 'State', exact: true })).toHaveValue('2');
  await mapping.getByRole('button', { name: 'Run the dry run' }).click();
  await page.getByRole('button', { name: `Commit: create ${rows.length} and update 0 contacts` }).click();
  await expect(page.getByRole('status')).toContainText(
    `Import committed: ${rows.length} contacts created and 0 updated.`,
  );
}

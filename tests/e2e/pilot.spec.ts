import { expect, test } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { launch, saveTaggedDraft } from './support/campaigns';
import { textIn } from './support/inbound';
import { ensureSendingNumber, importContacts, quietHoursAround, setQuietHours } from './support/workspace';
import { IPHONE } from '../support/user-agents';

// A pilot to staff phones, end to end with the simulator: the campaign goes out, one
// recipient replies STOP, one opens their link and a chat app previews it, and the
// pilot report decides go from what the database recorded.

test.use({ storageState: ADMIN_SESSION });

const RUN = String(Date.now() % 100_000).padStart(5, '0');
const TAG = `pilot-${RUN}`;
const national = (last: number) => `0415 ${RUN.slice(0, 3)} ${RUN.slice(3)}${last}`;
const e164 = (last: number) => `+61${national(last).replace(/\s/g, '').slice(1)}`;

test('a pilot campaign to staff phones gets a go from its report: delivered, STOP honoured, a person and a preview told apart', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await ensureSendingNumber(page);
  await setQuietHours(page, quietHoursAround('not now'));
  await importContacts(page, `${TAG}.csv`, [
    { phone: national(1), firstName: 'Ana', state: 'NSW', tag: TAG },
    { phone: national(2), firstName: 'Ben', state: 'NSW', tag: TAG },
    { phone: national(3), firstName: 'Cy', state: 'NSW', tag: TAG },
  ]);
  const name = `Staff pilot ${RUN}`;
  await saveTaggedDraft(page, {
    name,
    tag: TAG,
    message: 'Hi {firstName|there}, this is our pilot: {link}',
    linkUrl: 'https://shop.example.com.au/pilot',
  });
  const campaignUrl = page.url();
  await launch(page, name);
  await expect(page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts')).toContainText(
    '3Delivered',
    { timeout: 20_000 },
  );

  await textIn(baseURL!, e164(1), 'STOP');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: e164(2) }).click();
  const sent = page
    .getByRole('table', { name: 'Message history' })
    .getByText(/^Hi Ben, this is our pilot/)
    .first();
  const shortUrl = /(http:\/\/\S+\/l\/\S+)/.exec(await sent.innerText())![1];
  expect((await page.request.get(shortUrl, { maxRedirects: 0, headers: { 'user-agent': IPHONE } })).status()).toBe(302);
  await page.request.get(shortUrl, { maxRedirects: 0, headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });

  await page.goto(campaignUrl);
  await page.getByRole('link', { name: 'Pilot report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pilot report' })).toBeVisible();
  // Clicks are written just after each redirect is answered.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: /A click counted as a person/ })).toContainText('Green');
  }).toPass({ timeout: 10_000 });
  const checks: [RegExp, string][] = [
    [/At least .* delivered/, '3 of 3 with a final status'],
    [/A STOP reply reached the DNC list/, '1 STOP reply'],
    [/A click counted as a person/, '1 by people, 1 by bots and previews'],
    [/No recipient sent twice/, '3 messages to 3 recipients'],
    [/Nothing sent in quiet hours/, '0 of 3'],
    [/Spend equals parts × price/, 'charged'],
  ];
  for (const [check, figure] of checks) {
    const row = page.getByRole('row', { name: check });
    await expect(row).toContainText('Green');
    await expect(row).toContainText(figure);
  }
  await expect(page.getByRole('status').filter({ hasText: 'every check below is green' })).toHaveText(
    'Go: every check below is green.',
  );
});

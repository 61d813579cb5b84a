import { expect, test, type Page } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { launch, openNewCampaign, saveTaggedDraft, SENDING_NUMBER_PATTERN } from './support/campaigns';
import { ensureSendingNumber, importContacts, quietHoursAround, setQuietHours } from './support/workspace';
import { IPHONE } from '../support/user-agents';

// A segment of "VIC or NSW, tag VIP, clicked in the last 30 days", built in the
// builder with its count shown as it changes, saved, and launched to. The clicks
// come from a first campaign's short links, opened as a phone would open them
// (and once by a chat app's preview, which must not count as a click).

test.use({ storageState: ADMIN_SESSION });

const RUN = String(Date.now() % 100_000).padStart(5, '0');
const VIP = `vip-${RUN}`;
const national = (last: number) => `0416 ${RUN.slice(0, 3)} ${RUN.slice(3)}${last}`;
const e164 = (last: number) => `+61${national(last).replace(/\s/g, '').slice(1)}`;

const SEGMENT = {
  version: 1,
  root: {
    type: 'group',
    op: 'and',
    children: [
      { type: 'state', states: ['VIC', 'NSW'] },
      { type: 'tags', match: 'any', tags: [VIP] },
      { type: 'engagement', event: 'clicked', days: 30 },
    ],
  },
};

/** Opens the link in the message the contact was sent, with the given browser's user agent. */
async function openLinkAs(page: Page, last: number, firstName: string, userAgent: string) {
  await page.goto('/contacts');
  await page.getByRole('link', { name: e164(last) }).click();
  const sent = page
    .getByRole('table', { name: 'Message history' })
    .getByText(new RegExp(`^Hi ${firstName}, `))
    .first();
  const shortUrl = /(http:\/\/\S+\/l\/\S+)/.exec(await sent.innerText())![1];
  expect((await page.request.get(shortUrl, { maxRedirects: 0, headers: { 'user-agent': userAgent } })).status()).toBe(
    302,
  );
}

test('staff build "VIC or NSW, tag VIP, clicked in the last 30 days", see its count, save it and launch a campaign to it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await ensureSendingNumber(page);
  await setQuietHours(page, quietHoursAround('not now'));
  await importContacts(page, `${VIP}.csv`, [
    { phone: national(1), firstName: 'Ana', state: 'VIC', tag: VIP },
    { phone: national(2), firstName: 'Ben', state: 'NSW', tag: VIP },
    { phone: national(3), firstName: 'Cy', state: 'QLD', tag: VIP },
    { phone: national(4), firstName: 'Dee', state: 'NSW', tag: VIP },
  ]);
  const first = `Autumn preview ${RUN}`;
  await saveTaggedDraft(page, {
    name: first,
    tag: VIP,
    message: 'Hi {firstName|there}, a first look at autumn: {link}',
    linkUrl: 'https://shop.example.com.au/autumn',
  });
  await launch(page, first);
  await expect(page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts')).toContainText(
    '4Delivered',
    { timeout: 20_000 },
  );
  await openLinkAs(page, 1, 'Ana', IPHONE);
  await openLinkAs(page, 2, 'Ben', 'WhatsApp/2.23.20.0 A');
  await openLinkAs(page, 3, 'Cy', IPHONE);
  await openLinkAs(page, 4, 'Dee', IPHONE);
  // Clicks are written just after the redirect answers.
  await expect
    .poll(async () => {
      const res = await page.request.post('/api/segments/count', {
        data: { definition: SEGMENT },
        headers: { origin: baseURL! },
      });
      return (await res.json()).total;
    })
    .toBe(2);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
  await page.getByRole('link', { name: 'New segment' }).click();
  const builder = page.getByRole('form', { name: 'New segment' });
  const size = builder.getByRole('status', { name: 'Segment size' });
  const name = `Eastern VIPs who clicked ${RUN}`;
  await builder.getByLabel('Name').fill(name);
  const conditions = builder.getByRole('group', { name: 'Condition' });

  await builder.getByRole('button', { name: 'Add condition' }).click();
  await conditions.last().getByLabel('Kind of condition').selectOption({ label: 'State' });
  await conditions.last().getByRole('checkbox', { name: 'VIC', exact: true }).check();
  await conditions.last().getByRole('checkbox', { name: 'NSW', exact: true }).check();

  await builder.getByRole('button', { name: 'Add condition' }).click();
  await expect(conditions.last().getByLabel('Kind of condition')).toHaveValue('tags');
  await conditions.last().getByLabel('Tags', { exact: true }).fill(VIP);
  await expect(size).toHaveText(/^Selects 3 contacts, of whom 3 can be messaged$/);

  await builder.getByRole('button', { name: 'Add condition' }).click();
  await conditions.last().getByLabel('Kind of condition').selectOption({ label: 'Clicked a link' });
  await expect(conditions.last().getByLabel('Within the last (days)')).toHaveValue('30');
  await expect(size).toHaveText(/^Selects 2 contacts, of whom 2 can be messaged$/);

  await builder.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Segment size' })).toHaveText(
    /^Selects 2 contacts, of whom 2 can be messaged$/,
  );

  await openNewCampaign(page);
  const editor = page.getByRole('form', { name: 'New campaign' });
  const campaign = `Autumn for eastern VIPs ${RUN}`;
  await editor.getByLabel('Campaign name').fill(campaign);
  await editor.getByRole('radio', { name: 'A saved segment' }).check();
  await editor.getByLabel('Segment', { exact: true }).selectOption({ label: name });
  await expect(editor.getByRole('status', { name: 'Audience size' })).toContainText(
    '2 contacts can be messaged of 2 in this audience',
  );
  await editor.getByRole('textbox', { name: 'Message 1', exact: true }).fill('Hi {firstName|there}, autumn is here.');
  await expect(editor.getByRole('checkbox', { name: SENDING_NUMBER_PATTERN })).toBeChecked();
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: campaign })).toContainText('Draft');
  await expect(page.getByText(`The segment ${name}`)).toBeVisible();

  await launch(page, campaign);
  await expect(page.getByRole('region', { name: 'Campaign actions' }).getByRole('status')).toHaveText(
    'Launched: 2 messages queued.',
  );
  await expect(page.getByText(`The segment ${name} as it was at launch`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts')).toContainText(
    '2Delivered',
    { timeout: 20_000 },
  );
});

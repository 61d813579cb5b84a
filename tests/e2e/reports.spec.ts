import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { SENDING_NUMBER_PATTERN, launch, openNewCampaign, saveTaggedDraft } from './support/campaigns';
import { textIn } from './support/inbound';
import { ensureSendingNumber, importContacts, quietHoursAround, setQuietHours } from './support/workspace';
import { IPHONE } from '../support/user-agents';

// A two-message campaign through the simulator, end to end: one recipient's handset is
// never reachable (playwright.config.ts names it to the simulator), one person opens
// their link and a chat app previews another's, one replies STOP; the campaign's report
// then tells that story and its three exports carry it away.

test.use({ storageState: ADMIN_SESSION });

const RUN = String(Date.now() % 100_000).padStart(5, '0');
const TAG = `report-${RUN}`;
// 0416 000 904 is the number the simulator reports undelivered (error 30003).
const national = (last: number) => `0416 000 90${last}`;
const e164 = (last: number) => `+614160009${String(last).padStart(2, '0')}`;

async function download(page: Page, link: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return (await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '');
}

/** The recipient's short link, read from the message history on their contact page. */
async function shortLinkOf(page: Page, phone: string): Promise<string> {
  await page.goto(`/contacts?q=${encodeURIComponent(phone)}`);
  await page.getByRole('link', { name: phone }).click();
  const sent = page.getByRole('table', { name: 'Message history' }).getByText(/\/l\//).first();
  return /(http:\/\/\S+\/l\/\S+)/.exec(await sent.innerText())![1];
}

test("a two-message campaign's report shows its funnel, messages compared, the opt-out, failures and timeline, and exports them; the dashboard charts it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  await ensureSendingNumber(page);
  await setQuietHours(page, quietHoursAround('not now'));
  const people = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'];
  await importContacts(
    page,
    `${TAG}.csv`,
    people.map((firstName, i) => ({ phone: national(i + 1), firstName, state: 'VIC', tag: TAG })),
  );

  const name = `Report test ${RUN}`;
  await openNewCampaign(page);
  const editor = page.getByRole('form', { name: 'New campaign' });
  await editor.getByLabel('Campaign name').fill(name);
  await editor.getByRole('radio', { name: 'Contacts filtered by consent and tags' }).check();
  await editor.getByLabel('Tags (any of them; leave blank for any tags)').fill(TAG);
  await editor.getByRole('textbox', { name: 'Message 1', exact: true }).fill('Hi {firstName|there}, sale on: {link}');
  await editor.getByRole('button', { name: 'Add a message' }).click();
  await editor
    .getByRole('textbox', { name: 'Message 2', exact: true })
    .fill('{firstName|Hi}, half price today: {link}');
  await editor.getByLabel('Link URL (optional)').fill('https://shop.example.com.au/sale');
  await expect(editor.getByRole('checkbox', { name: SENDING_NUMBER_PATTERN })).toBeChecked();
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toContainText('Draft');
  const campaignUrl = page.url();
  await page.getByRole('region', { name: 'Campaign actions' }).getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('region', { name: 'Dry run result' })).toContainText('5Would send now', {
    timeout: 15_000,
  });
  await launch(page, name);
  const counts = page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts');
  await expect(counts).toContainText('4Delivered', { timeout: 30_000 });
  await expect(counts).toContainText('1Failed', { timeout: 15_000 });

  const anaLink = await shortLinkOf(page, e164(1));
  expect((await page.request.get(anaLink, { maxRedirects: 0, headers: { 'user-agent': IPHONE } })).status()).toBe(302);
  const benLink = await shortLinkOf(page, e164(2));
  await page.request.get(benLink, { maxRedirects: 0, headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });
  await textIn(baseURL!, e164(3), 'STOP');

  await page.goto(campaignUrl);
  await page.getByRole('link', { name: 'Campaign report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaign report' })).toBeVisible();
  const funnel = page.getByRole('table', { name: 'Funnel' });
  // Clicks are written just after each redirect is answered.
  await expect(async () => {
    await page.reload();
    await expect(funnel.getByRole('row', { name: /^Clicked \(people\)/ })).toContainText('1');
  }).toPass({ timeout: 15_000 });
  for (const [step, figure] of [
    ['Audience', '5'],
    ['Queued', '5'],
    ['Sent', '5'],
    ['Delivered', '480% of sent with a final report'],
    ['Clicked (people)', '125% of delivered'],
    ['Opted out', '125% of delivered'],
  ]) {
    await expect(funnel.getByRole('row', { name: new RegExp(`^${step.replace(/[()]/g, '\\$&')}`) })).toContainText(
      figure,
    );
  }

  const messages = page.getByRole('table', { name: 'Messages compared' });
  await expect(messages.getByRole('row')).toHaveCount(3);
  await expect(messages.getByRole('row', { name: /Message A/ })).toContainText('sale on');
  await expect(messages.getByRole('row', { name: /Message B/ })).toContainText('half price today');
  await expect(page.getByRole('status').filter({ hasText: 'Not enough data yet' })).toBeVisible();

  await expect(page.getByText('STOP replies').locator('..')).toContainText('1');
  const failures = page.getByRole('table', { name: 'Failures by reason' });
  await expect(failures.getByRole('row', { name: /30003/ })).toContainText('The handset is switched off');
  const chart = page.getByRole('figure', { name: /Sends, deliveries, clicks and opt-outs per hour/ });
  // The legend names the four series, drawn once the chart has measured its width.
  for (const series of ['Sends', 'Deliveries', 'Clicks (people)', 'Opt-outs']) {
    await expect(chart.locator('.recharts-legend-item').filter({ hasText: series })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'By sending number' })).toContainText('80%');

  const summary = await download(page, 'Summary (CSV)');
  expect(summary).toContain('funnel,Delivered,4,0.8000');
  expect(summary).toContain('opt-outs,STOP replies,1');
  expect(summary).toMatch(/failures,30003,1,/);

  const recipients = (await download(page, 'Recipients (CSV)')).trim().split('\r\n');
  expect(recipients[0]).toBe('phone,name,message,message sent,status,error,clicked,opted out');
  expect(recipients).toHaveLength(6);
  const line = (last: number) => recipients.find((l) => l.startsWith(`'${e164(last)},`))!;
  expect(line(1)).toMatch(/^'\+61416000901,Ana,Message [AB],.*,delivered,,yes,$/s);
  expect(line(2)).toMatch(/,delivered,,no,$/);
  expect(line(3)).toMatch(/,no,\d{4}-\d\d-\d\dT[^,]+$/);
  expect(line(4)).toMatch(/,undelivered,30003: The handset is switched off/);

  // The dashboard tells the same story: the campaign first among the recent ones, today in the charts.
  await page.goto('/dashboard');
  const recent = page.getByRole('table', { name: 'Recent campaigns' }).getByRole('row').nth(1);
  await expect(recent.getByRole('link', { name })).toHaveAttribute('href', `${new URL(campaignUrl).pathname}/report`);
  const cells = recent.getByRole('cell');
  // Sent, delivered, delivery rate, people who clicked, opted out.
  await expect(cells.nth(1)).toHaveText('5');
  await expect(cells.nth(2)).toHaveText('4');
  await expect(cells.nth(3)).toHaveText('80%');
  await expect(cells.nth(4)).toHaveText('1');
  await expect(cells.nth(5)).toHaveText('1');
  await expect(cells.nth(6)).toHaveText(/^\$\d+\.\d\d$/);
  const activity = page.getByRole('figure', { name: 'Delivered and clicks per day' });
  for (const series of ['Delivered', 'Clicks by people'])
    await expect(activity.locator('.recharts-legend-item').filter({ hasText: series })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Opt-out rate per day' }).locator('.recharts-line-dots')).toBeVisible();
  await expect(
    page
      .getByRole('figure', { name: 'Spend per day against the daily budget' })
      .locator('.recharts-bar-rectangle')
      .last(),
  ).toBeVisible();
  await page.getByText('as a table').click();
  const days = page.getByRole('table', { name: 'Day by day' }).getByRole('row');
  await expect(days).toHaveCount(31);
  // Today is the last day; other tests' campaigns were delivered today too, so at least this one's figures.
  const today = (await days.last().getByRole('cell').allInnerTexts()).map((t) => Number(t.replace(/[$,%]/g, '')));
  expect(today[1]).toBeGreaterThanOrEqual(4);
  expect(today[2]).toBeGreaterThanOrEqual(1);
  expect(today[3]).toBeGreaterThanOrEqual(1);
  expect(today[5]).toBeGreaterThan(0);
  await recent.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaign report' })).toBeVisible();

  await page.goto(`/contacts?tag=${TAG}`);
  const contacts = (await download(page, 'Export these contacts (CSV)')).trim().split('\r\n');
  expect(contacts[0]).toBe('phone,first name,last name,email,tags,consent,state,postcode,opted out,added');
  expect(contacts.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(
    people.map((first, i) => `'${e164(i + 1)},${first}`),
  );
});

test('the dashboard shows a campaign launched in quiet hours running, its messages held and why, and when it should finish', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await ensureSendingNumber(page);
  const tag = `held-${RUN}`;
  await importContacts(page, `${tag}.csv`, [
    { phone: '0416 000 911', firstName: 'Fay', state: 'NSW', tag },
    { phone: '0416 000 912', firstName: 'Gus', state: 'NSW', tag },
  ]);
  const quiet = quietHoursAround('now');
  await setQuietHours(page, quiet);
  const name = `Night owls ${RUN}`;
  try {
    await saveTaggedDraft(page, { name, tag, message: 'Hi {firstName}, the late offer is on.' });
    const campaignUrl = page.url();
    await launch(page, name);
    await expect(page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts')).toContainText('2Held', {
      timeout: 15_000,
    });

    await page.goto('/dashboard');
    const running = page.getByRole('table', { name: 'Running now' }).getByRole('row', { name: new RegExp(name) });
    await expect(running.getByRole('cell').nth(3)).toHaveText('2 (2 held)');
    // Quiet hours end within two hours; both go at the pace once they do.
    await expect(running.getByRole('cell').nth(4)).toContainText(/^\d{1,2} \w{3} \d{4}, \d{1,2}:\d\d (am|pm) AE[DS]T/);
    await expect(
      page.getByRole('table', { name: 'Held messages by reason' }).getByRole('row', {
        name: new RegExp(`${name} quiet hours \\(${quiet.start}–${quiet.end}\\) in Australia/Sydney 2`),
      }),
    ).toBeVisible();
    await expect(
      page.getByLabel('Delivered and clicks per day').locator('.recharts-legend-item').first(),
    ).toBeVisible();
    for (const [label, viewport] of [
      ['laptop', { width: 1366, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      // The charts take their new width when their resize observer fires, a moment after the viewport changes.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
        .toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${label}-dashboard-running.png`), fullPage: true });
    }

    await page.goto(campaignUrl);
    await page
      .getByRole('region', { name: 'Campaign actions' })
      .getByRole('button', { name: 'Cancel campaign' })
      .click();
    await page
      .getByRole('dialog', { name: `Cancel “${name}”?` })
      .getByRole('button', { name: 'Yes, cancel it' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name })).toContainText('Cancelled');
  } finally {
    await setQuietHours(page, quietHoursAround('not now'));
  }
});

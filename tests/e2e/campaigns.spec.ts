import { expect, test, type Page } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { launch, openNewCampaign, saveTaggedDraft, SENDING_NUMBER_PATTERN } from './support/campaigns';
import { mailsTo } from './support/mail-sink';
import { signInAs } from './support/sign-in';
import {
  ensureSendingNumber,
  importContacts,
  quietHoursAround,
  SENDING_NUMBER,
  setQuietHours,
} from './support/workspace';
import { IPHONE } from '../support/user-agents';

// The app runs through the launcher, whose drain timer hands launched messages to
// the simulator every second; its signed callbacks then report them delivered.
// Each test brings its own contacts under its own tag; the first one, which writes
// to "All contacts", runs before any other test of the suite creates contacts.

const DELIVERY_TIMEOUT = 20_000;

test.use({ storageState: ADMIN_SESSION });

function messageCounts(page: Page) {
  return page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts');
}

test('an admin adds a number, imports contacts, writes, dry-runs and launches a campaign, and sees it delivered and reported', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/settings');
  const addNumber = page.getByRole('form', { name: 'Add a sending number' });
  await addNumber.getByLabel('Kind').selectOption('LONG_CODE');
  await addNumber.getByLabel('Number or sender ID').fill('0412 999 001');
  await addNumber.getByRole('button', { name: 'Add number' }).click();
  await expect(addNumber.getByRole('status')).toHaveText(`${SENDING_NUMBER} was added. It starts its warm-up today.`);
  await expect(
    page.getByRole('table', { name: 'Sending numbers' }).getByRole('row', { name: SENDING_NUMBER_PATTERN }),
  ).toContainText('warm-up day 1: 50/day');
  await setQuietHours(page, quietHoursAround('not now'));
  await importContacts(page, 'spring-customers.csv', [
    { phone: '0412 555 101', firstName: 'Mia', state: 'NSW', tag: 'spring' },
    { phone: '0412 555 102', firstName: 'Noah', state: 'VIC', tag: 'spring' },
    { phone: '0412 555 103', firstName: 'Ava', state: 'QLD', tag: 'spring' },
  ]);

  await openNewCampaign(page);
  const editor = page.getByRole('form', { name: 'New campaign' });
  await editor.getByLabel('Campaign name').fill('Spring sale');
  await expect(editor.getByRole('radio', { name: 'All contacts' })).toBeChecked();
  await expect(editor.getByRole('status', { name: 'Audience size' })).toContainText(
    '3 contacts can be messaged of 3 in this audience',
  );
  await editor.getByLabel('Link URL (optional)').fill('https://shop.example.com.au/spring');
  const body = 'Hi {firstName|there}, our spring sale starts today: 20% off everything. {link}';
  const message = editor.getByRole('textbox', { name: 'Message 1', exact: true });
  await message.fill(body);
  await expect(editor.getByText(`${body.length} / 1,000 characters as written`)).toBeVisible();
  const preview = editor.getByRole('group', { name: 'Preview of message 1' });
  await expect(preview).toContainText(
    /Hi Olivia, our spring sale starts today: 20% off everything\. http:\/\/127\.0\.0\.1:\d+\/l\/\S+\s+From Primary\. Reply STOP to opt out/,
  );
  await expect(preview.getByRole('term')).toHaveText(['Characters', 'Encoding', 'Parts', 'Estimated cost']);
  await expect(preview.getByRole('definition').nth(1)).toHaveText('GSM-7');
  await expect(preview.getByRole('definition').nth(2)).toHaveText(/^1 \(160 per part, \d+ left in the last\)$/);
  await expect(editor.getByLabel('Estimated cost', { exact: true })).toHaveText(
    /^Estimated cost: \$0\.\d\d for 3 recipients \(AUD, at \$0\.\d+ per part;/,
  );
  // A curly apostrophe is outside GSM-7: the editor says so at once and the part shrinks to 70.
  await message.fill(`${body} Don’t miss it`);
  await expect(preview.getByRole('definition').nth(1)).toHaveText('UCS-2');
  await message.fill(body);
  await expect(preview.getByRole('definition').nth(1)).toHaveText('GSM-7');
  await expect(editor.getByRole('checkbox', { name: SENDING_NUMBER_PATTERN })).toBeChecked();
  await editor.getByRole('button', { name: 'Save draft' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Spring sale' })).toContainText('Draft');
  const actions = page.getByRole('region', { name: 'Campaign actions' });
  await actions.getByRole('button', { name: 'Dry run' }).click();
  const dryRun = page.getByRole('region', { name: 'Dry run result' });
  await expect(dryRun).toContainText(
    'What launching now would do for the 3 contacts of the audience. Nothing was sent or queued.',
  );
  await expect(dryRun).toContainText('3Would send now');
  await expect(dryRun).toContainText('0Held for later');
  await expect(dryRun).toContainText('0Skipped');
  await expect(dryRun).toContainText(/Expected to finish: \d{1,2} \w{3} \d{4}/);
  await expect(dryRun.getByLabel('Sample message')).toHaveText(
    /^Hi (Mia|Noah|Ava), our spring sale starts today: 20% off everything\. http:\/\/127\.0\.0\.1:\d+\/l\/\S+\s+From Primary\. Reply STOP to opt out$/,
  );

  await launch(page, 'Spring sale');
  await expect(actions.getByRole('status')).toHaveText('Launched: 3 messages queued.');
  await expect(messageCounts(page)).toContainText('3Delivered', { timeout: DELIVERY_TIMEOUT });
  await expect(page.getByRole('heading', { level: 1, name: 'Spring sale' })).toContainText('Completed');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  const report = page.getByRole('table', { name: 'Campaign results' }).getByRole('row', { name: /^Spring sale / });
  await expect(report).toBeVisible();
  const headers = await page
    .getByRole('table', { name: 'Campaign results' })
    .getByRole('columnheader')
    .allTextContents();
  await expect(report.getByRole('cell').nth(headers.indexOf('Messages'))).toHaveText('3');
  await expect(report.getByRole('cell').nth(headers.indexOf('Delivered'))).toHaveText('3');
  await expect(report.getByRole('cell').nth(headers.indexOf('Sent'))).toHaveText('3');
  await expect(report.getByRole('cell').nth(headers.indexOf('Delivery rate'))).toHaveText('100%');

  // The campaign list counts the same messages the same way: delivered messages stay sent.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  const list = page.getByRole('table', { name: 'Campaigns' });
  const listed = list.getByRole('row', { name: /^Spring sale / });
  await expect(listed).toBeVisible();
  const listHeaders = await list.getByRole('columnheader').allTextContents();
  await expect(listed.getByRole('cell').nth(listHeaders.indexOf('Sent'))).toHaveText('3');
  await expect(listed.getByRole('cell').nth(listHeaders.indexOf('Delivered'))).toHaveText('3');
  await expect(listed.getByRole('cell').nth(listHeaders.indexOf('Delivery rate'))).toHaveText('100%');

  // Mia's own short link, as her message reads on her contact page, answered by the built server.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: '+61412555101' }).click();
  const sent = page
    .getByRole('table', { name: 'Message history' })
    .getByText(/^Hi Mia, our spring sale/)
    .first();
  const shortUrl = /(http:\/\/\S+\/l\/\S+)/.exec(await sent.innerText())![1];
  const redirect = await page.request.get(shortUrl, { maxRedirects: 0, headers: { 'user-agent': IPHONE } });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()['location']).toBe('https://shop.example.com.au/spring');
  expect(redirect.headers()['referrer-policy']).toBe('no-referrer');
  expect(redirect.headers()['strict-transport-security']).toContain('max-age=');
  await page.request.get(shortUrl, { maxRedirects: 0, headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });
  // Clicks are written just after each redirect is answered.
  await expect(async () => {
    await page.goto('/reports');
    const row = page.getByRole('row', { name: /^Spring sale / });
    await expect(row.getByRole('cell').nth(headers.indexOf('People who clicked'))).toHaveText('1');
    await expect(row.getByRole('cell').nth(headers.indexOf('Bot clicks'))).toHaveText('1');
  }).toPass({ timeout: 10_000 });
});

test('the editor refuses a misspelt merge field and says why beside the message', async ({ page }) => {
  await page.goto('/dashboard');
  await openNewCampaign(page);
  const editor = page.getByRole('form', { name: 'New campaign' });
  await editor.getByLabel('Campaign name').fill('Typo');
  const message = editor.getByRole('textbox', { name: 'Message 1', exact: true });
  await message.fill('Hi {first name}, see you soon');
  await expect(editor.getByRole('group', { name: 'Preview of message 1' })).toContainText(
    'No preview until the message is fixed',
  );
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(message).toHaveAttribute('aria-invalid', 'true');
  await expect(message).toHaveAccessibleDescription(
    '"{first name}" is not a merge field: use a name such as {firstName}, optionally with a fallback as in {firstName|there}.',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'The campaign was not saved' })).toContainText(
    'Message 1: "{first name}" is not a merge field',
  );

  // A well-formed name that is no field: refused with the field it most likely meant.
  await message.fill('Hi {first_name}, sale now on');
  await expect(editor.getByRole('group', { name: 'Preview of message 1' })).toContainText(
    '{first_name} is not a merge field: did you mean {firstName}?',
  );
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(message).toHaveAccessibleDescription('{first_name} is not a merge field: did you mean {firstName}?');
  await expect(page).toHaveURL(/\/campaigns\/new$/);
});

test('a dry run inside the quiet hours holds every message until they end', async ({ page }) => {
  await ensureSendingNumber(page);
  await importContacts(page, 'night-owls.csv', [
    { phone: '0412 555 201', firstName: 'Leo', state: 'NSW', tag: 'night' },
    { phone: '0412 555 202', firstName: 'Zoe', state: 'NSW', tag: 'night' },
  ]);
  const quiet = quietHoursAround('now');
  await setQuietHours(page, quiet);
  try {
    await saveTaggedDraft(page, { name: 'Late offer', tag: 'night', message: 'Hi {firstName}, the late offer is on.' });
    await page.getByRole('region', { name: 'Campaign actions' }).getByRole('button', { name: 'Dry run' }).click();
    const dryRun = page.getByRole('region', { name: 'Dry run result' });
    await expect(dryRun).toContainText('0Would send now');
    await expect(dryRun).toContainText('2Held for later');
    await expect(
      dryRun
        .getByRole('table', { name: 'Held by reason' })
        .getByRole('row', { name: new RegExp(`quiet hours \\(${quiet.start}–${quiet.end}\\) in Australia/Sydney 2$`) }),
    ).toBeVisible();
    await expect(dryRun).toContainText(/Expected to finish: \d{1,2} \w{3} \d{4}/);
  } finally {
    await setQuietHours(page, quietHoursAround('not now'));
  }
});

test('a viewer follows a scheduled campaign but is offered no Launch, Pause or Cancel', async ({ page, browser }) => {
  await ensureSendingNumber(page);
  await importContacts(page, 'next-year.csv', [
    { phone: '0412 555 301', firstName: 'Ivy', state: 'WA', tag: 'next-year' },
  ]);
  await saveTaggedDraft(page, {
    name: 'New year',
    tag: 'next-year',
    message: 'Happy new year {firstName|there}!',
    sendAt: `${new Date().getFullYear() + 1}-01-01T10:00`,
  });
  const campaignUrl = page.url();
  await launch(page, 'New year', /^Schedule for 1 Jan(uary)? \d{4}.*10:00/i);
  await expect(page.getByRole('heading', { level: 1, name: 'New year' })).toContainText('Scheduled');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  const viewerEmail = `campaign-viewer-${Date.now()}@example.com`;
  await page.goto('/users');
  const invite = page.getByRole('form', { name: 'Invite a user' });
  await invite.getByLabel('E-mail').fill(viewerEmail);
  await invite.getByLabel('Role').selectOption('VIEWER');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect.poll(() => mailsTo(viewerEmail).length).toBe(1);

  // Not the admin's stored session: the viewer signs in on their own.
  const context = await browser.newContext({ storageState: undefined });
  const viewer = await context.newPage();
  await signInAs(viewer, viewerEmail);
  await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(viewer.getByRole('link', { name: 'New campaign' })).toHaveCount(0);
  await viewer.goto(campaignUrl);
  await expect(viewer.getByRole('heading', { level: 1, name: 'New year' })).toContainText('Scheduled');
  await expect(
    viewer.getByText('You can follow this campaign; staff and admins launch, pause and change campaigns.'),
  ).toBeVisible();
  await expect(messageCounts(viewer)).toContainText('1Queued');
  for (const name of ['Launch', 'Pause', 'Resume', 'Cancel campaign', 'Dry run', 'Send test']) {
    await expect(viewer.getByRole('button', { name })).toHaveCount(0);
  }

  // Contacts by name with the number masked, and none of what they said or were sent.
  await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(viewer.getByRole('link', { name: '+61 4•• ••• 301' })).toBeVisible();
  await expect(viewer.getByText('+61412555301')).toHaveCount(0);
  await viewer.getByRole('link', { name: '+61 4•• ••• 301' }).click();
  await expect(viewer.getByRole('heading', { level: 1, name: 'Ivy' })).toBeVisible();
  await expect(viewer.getByText('the phone number is masked')).toBeVisible();
  await expect(viewer.getByRole('table', { name: 'Message history' })).not.toContainText('Happy new year');
  await context.close();
});

test('staff send a test message, then pause a scheduled campaign with a reason, resume it and cancel it', async ({
  page,
}) => {
  await ensureSendingNumber(page);
  await importContacts(page, 'autumn.csv', [{ phone: '0412 555 501', firstName: 'Max', state: 'TAS', tag: 'autumn' }]);
  await saveTaggedDraft(page, {
    name: 'Autumn preview',
    tag: 'autumn',
    message: 'Hi {firstName|there}, autumn stock lands next year.',
    sendAt: `${new Date().getFullYear() + 1}-03-01T10:00`,
  });

  const testSend = page.getByRole('form', { name: 'Test send' });
  await testSend.getByLabel('Your mobile number').fill('0412 555 999');
  await testSend.getByRole('button', { name: 'Send test' }).click();
  await expect(testSend.getByRole('status')).toHaveText(
    /^Test sent to \+61412555999 \(1 part\):\s*Hi Administrator, autumn stock lands next year\.\s+From Primary\. Reply STOP to opt out$/,
  );

  await launch(page, 'Autumn preview', /^Schedule for 1 Mar(ch)? \d{4}.*10:00/i);
  const heading = page.getByRole('heading', { level: 1, name: 'Autumn preview' });
  await expect(heading).toContainText('Scheduled');
  const actions = page.getByRole('region', { name: 'Campaign actions' });
  await actions.getByLabel('Reason for pausing (optional)').fill('waiting for the new prices');
  await actions.getByRole('button', { name: 'Pause' }).click();
  await expect(heading).toContainText('Paused');
  await expect(page.getByRole('alert').filter({ hasText: 'Paused: waiting for the new prices' })).toContainText(
    'Nothing more is sent until someone resumes the campaign.',
  );

  await actions.getByRole('button', { name: 'Resume' }).click();
  await expect(heading).toContainText('Scheduled');
  await expect(messageCounts(page)).toContainText('1Queued');

  await actions.getByRole('button', { name: 'Cancel campaign' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel “Autumn preview”?' });
  await confirm.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(confirm).toBeHidden();
  await expect(heading).toContainText('Cancelled');
  await expect(actions).toContainText('This campaign is finished; nothing more can be done to it.');
  await expect(
    page.getByRole('table', { name: 'Skipped messages by reason' }).getByRole('row', { name: 'campaign cancelled 1' }),
  ).toBeVisible();
  await expect(testSend).toHaveCount(0);
});

test('the kill switch holds a launched campaign with its reason, and resuming sends it', async ({ page }) => {
  test.setTimeout(60_000);
  await ensureSendingNumber(page);
  await setQuietHours(page, quietHoursAround('not now'));
  await importContacts(page, 'flash-sale.csv', [
    { phone: '0412 555 401', firstName: 'Eli', state: 'NSW', tag: 'flash' },
    { phone: '0412 555 402', firstName: 'Ruby', state: 'SA', tag: 'flash' },
  ]);

  await page.goto('/settings');
  const killSwitch = page.getByRole('region', { name: 'Kill switch' });
  await killSwitch.getByLabel('Reason (shown to everyone in the workspace)').fill('wrong price in the flash sale');
  await killSwitch.getByRole('button', { name: 'Stop all sending' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'All sending is stopped' })).toHaveCount(0);
  await killSwitch.getByRole('button', { name: 'Yes, stop all sending' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'All sending is stopped' });
  await expect(banner).toHaveText(
    'All sending is stopped for Primary: wrong price in the flash sale. No message goes out until an admin resumes sending in Settings.',
  );

  await page.goto('/dashboard');
  await expect(page.getByRole('alert').filter({ hasText: /sending is (stopped|paused)/i })).toHaveCount(1);

  try {
    await saveTaggedDraft(page, {
      name: 'Flash sale',
      tag: 'flash',
      message: 'Flash sale {firstName|there}: today only.',
    });
    await expect(banner).toBeVisible();
    const campaignUrl = page.url();
    await launch(page, 'Flash sale');
    await expect(messageCounts(page)).toContainText('2Held', { timeout: DELIVERY_TIMEOUT });
    const held = page.getByRole('table', { name: 'Held messages by reason' });
    await expect(held.getByRole('row').nth(1).getByRole('cell')).toHaveText([
      'sending is stopped for the whole workspace: wrong price in the flash sale',
      '2',
      '—',
    ]);
    await expect(messageCounts(page)).toContainText('0Delivered');

    await page.goto('/settings');
    await killSwitch.getByRole('button', { name: 'Resume sending' }).click();
    await killSwitch.getByRole('button', { name: 'Yes, resume sending' }).click();
    await expect(killSwitch).toContainText('Sending is on.');
    await expect(banner).toHaveCount(0);
    await page.goto(campaignUrl);
    await expect(messageCounts(page)).toContainText('2Delivered', { timeout: DELIVERY_TIMEOUT });
    await expect(held).toHaveCount(0);
  } finally {
    // Later tests must not inherit a stopped workspace if this one fails half-way.
    await page.goto('/settings');
    if (await killSwitch.getByRole('button', { name: 'Resume sending' }).count()) {
      await killSwitch.getByRole('button', { name: 'Resume sending' }).click();
      await killSwitch.getByRole('button', { name: 'Yes, resume sending' }).click();
    }
  }
});

import { expect, test, type Page } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { launch, saveTaggedDraft } from './support/campaigns';
import { textIn } from './support/inbound';
import { mailsTo } from './support/mail-sink';
import { signInAs } from './support/sign-in';
import {
  ensureSendingNumber,
  importContacts,
  quietHoursAround,
  SENDING_NUMBER,
  setQuietHours,
} from './support/workspace';

// The inbox with the simulator: a campaign goes out, the customers answer through the
// signed inbound webhook, staff read and answer without reloading, a possible opt-out
// is settled with one click, and a viewer sees who wrote but not what.

test.use({ storageState: ADMIN_SESSION });

const RUN = String(Date.now() % 100_000).padStart(5, '0');
const TAG = `inbox-${RUN}`;
const national = (last: number) => `0414 ${RUN.slice(0, 3)} ${RUN.slice(3)}${last}`;
const e164 = (last: number) => `+61${national(last).replace(/\s/g, '').slice(1)}`;

function unreadBadge(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByTestId('unread-badge');
}

async function unreadNow(page: Page): Promise<number> {
  const badge = unreadBadge(page);
  return (await badge.count()) ? Number(await badge.innerText()) : 0;
}

test('staff see a reply arrive, answer it with an edited saved reply, see it delivered and mark it done; a possible opt-out is opted out in one click; a viewer sees no bodies', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await ensureSendingNumber(page);
  await setQuietHours(page, quietHoursAround('not now'));
  await importContacts(page, `${TAG}.csv`, [
    { phone: national(1), firstName: 'Zara', state: 'NSW', tag: TAG },
    { phone: national(2), firstName: 'Omar', state: 'VIC', tag: TAG },
  ]);
  const campaign = `Jackets ${RUN}`;
  await saveTaggedDraft(page, { name: campaign, tag: TAG, message: 'Hi {firstName|there}, new jackets are in store.' });
  await launch(page, campaign);
  await expect(page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts')).toContainText(
    '2Delivered',
    { timeout: 20_000 },
  );

  await page.goto('/inbox/saved-replies');
  const add = page.getByRole('form', { name: 'New saved reply' });
  await add.getByLabel('Name').fill(`Sizes ${RUN}`);
  await add.getByLabel('Text').fill('Yes, we have it in size M at our Bondi store.');
  await add.getByRole('button', { name: 'Add saved reply' }).click();
  await expect(page.getByRole('form', { name: `Saved reply Sizes ${RUN}` })).toBeVisible();

  await page.goto('/dashboard');
  const before = await unreadNow(page);
  await textIn(baseURL!, e164(1), 'Do you have the blue jacket in size M?');
  await expect(unreadBadge(page)).toHaveText(String(before + 1), { timeout: 15_000 });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Inbox/ })
    .click();
  const row = page.getByRole('row', { name: /Zara/ });
  await expect(row).toContainText('Do you have the blue jacket in size M?');
  await expect(row).toContainText(campaign);
  await expect(row).toContainText('unread');
  await expect(page.getByText('Alphanumeric sender IDs cannot receive replies')).toBeVisible();
  await row.getByRole('link', { name: 'Zara' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zara' })).toBeVisible();
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  await expect(thread).toContainText(`Campaign “${campaign}” from ${SENDING_NUMBER}`);

  const reply = page.getByRole('form', { name: 'Reply' });
  await reply.getByLabel('Saved reply').selectOption({ label: `Sizes ${RUN}` });
  const box = reply.getByLabel(`Reply from ${SENDING_NUMBER}`);
  await expect(box).toHaveValue('Yes, we have it in size M at our Bondi store.');
  await box.fill('Yes, we have it in size M at our Bondi store. Open till 5 today!');
  await expect(reply.getByRole('status', { name: 'Reply cost' })).toContainText(/1 SMS part \(GSM-7\), costs \$0\.\d+/);
  await reply.getByRole('button', { name: 'Send reply' }).click();
  const sent = thread.locator('li[data-kind="reply"]');
  await expect(sent).toContainText('Yes, we have it in size M at our Bondi store. Open till 5 today!');
  await expect(sent).toContainText('Reply by admin@example.com');
  await expect(sent.getByTestId('reply-state')).toHaveText('delivered', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('button', { name: 'Open again' })).toBeVisible();
  await expect(unreadBadge(page)).toHaveCount(before ? 1 : 0);

  await textIn(baseURL!, e164(2), 'Not interested. How did you get my number?');
  await page.goto('/inbox?filter=possible-opt-out');
  const flagged = page.getByRole('row', { name: /Omar/ });
  await expect(flagged).toContainText('possible opt-out');
  await flagged.getByRole('link', { name: 'Omar' }).click();
  await page.getByRole('button', { name: 'Opt out this number' }).click();
  await expect(page.getByText(/On the do-not-contact list since/)).toBeVisible();
  await expect(page.getByText('This number is on the do-not-contact list, so no reply can be sent.')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('conversation-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: test.info().outputPath('conversation-laptop.png'), fullPage: true });
  await page.goto('/inbox?filter=all');
  await page.screenshot({ path: test.info().outputPath('inbox-laptop.png'), fullPage: true });

  const viewerEmail = `inbox-viewer-${RUN}@example.com`;
  await page.goto('/users');
  const invite = page.getByRole('form', { name: 'Invite a user' });
  await invite.getByLabel('E-mail').fill(viewerEmail);
  await invite.getByLabel('Role').selectOption('VIEWER');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect.poll(() => mailsTo(viewerEmail).length).toBe(1);
  const context = await browser.newContext({ storageState: undefined });
  const viewer = await context.newPage();
  await signInAs(viewer, viewerEmail);
  await viewer.goto('/inbox?filter=all');
  const seen = viewer.getByRole('row', { name: /Zara/ });
  await expect(seen).toContainText('(hidden from viewers)');
  await expect(viewer.getByText('Do you have the blue jacket in size M?')).toHaveCount(0);
  await seen.getByRole('link', { name: 'Zara' }).click();
  await expect(viewer.getByRole('heading', { level: 1, name: 'Zara' })).toBeVisible();
  await expect(viewer.getByText('Open till 5 today!')).toHaveCount(0);
  await expect(viewer.getByRole('form', { name: 'Reply' })).toHaveCount(0);
  await context.close();
});

import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ADMIN_SESSION } from './support/admin-session';
import { launch, saveTaggedDraft } from './support/campaigns';
import { ensureSendingNumber, importContacts, quietHoursAround, setQuietHours } from './support/workspace';

// Every page on a phone (390 px wide) and on a laptop (1366 px): nothing makes the page
// itself scroll sideways, the navigation is a Menu button on the phone and a sidebar on
// the laptop, and each page has its own title. A screenshot of each page at each size
// is kept in the test's output folder for people to look at.

test.use({ storageState: ADMIN_SESSION });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

// A worker restarted after a failure runs the set-up again, so its contacts are its own.
const RUN = String(Date.now() % 100_000).padStart(5, '0');
const TAG = `screens-${RUN}`;
const phone = (last: number) => `0413 ${RUN.slice(0, 3)} ${RUN.slice(3)}${last}`;

// Columns enough to be wider than a phone, and rows the dry run rejects.
const WIDE_CSV = [
  'Mobile,First Name,Surname,E-mail address,State,Postcode,Consent,Tags,Favourite store,Loyalty number',
  `${phone(7)},Charlotte,Whitfield-Nakamura,charlotte.whitfield@example.com.au,NSW,2026,yes,brunch,Bondi Junction,LOY-000123456`,
  `${phone(8)},Oliver,Papadopoulos,oliver.p@example.com.au,VIC,3000,implied,,Melbourne Central,LOY-000123457`,
  '(02) 9876 5432,Land,Line,reception@example.com.au,NSW,2000,yes,,Sydney CBD,LOY-000123458',
  `${phone(7)},Charlotte,Again,charlotte.again@example.com.au,NSW,2026,yes,,Bondi Junction,LOY-000123459`,
  `${phone(9)},Amelia,Nguyen,amelia.nguyen@example.com.au,QLD,4000,,,Brisbane City,LOY-000123460`,
].join('\n');

interface ScreenPage {
  name: string;
  path: string;
  title: string;
  heading: string | RegExp;
  signedIn: boolean;
  /** Whether the page sits in the app's shell, with the main navigation. */
  hasNavigation: boolean;
  /** What shows once the page has loaded the parts it fetches after rendering. */
  ready?: (page: Page) => Locator;
}

const pages: ScreenPage[] = [];

const audienceCounted = (page: Page) =>
  page.getByRole('status', { name: 'Audience size' }).getByText(/can be messaged/);

const segmentCounted = (page: Page) => page.getByRole('status', { name: 'Segment size' }).getByText(/can be messaged/);

async function uploadCsv(page: Page, fileName: string, csv: string): Promise<void> {
  await page.goto('/imports');
  await page.locator('#import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('form', { name: 'Column mapping' })).toBeVisible();
}

/** Everything the pages need to show something: contacts, imports at each step, campaigns drafted and sent. */
async function createWorkspaceData(browser: Browser): Promise<void> {
  const context = await browser.newContext({ storageState: ADMIN_SESSION, viewport: LAPTOP });
  const page = await context.newPage();
  await ensureSendingNumber(page);
  await setQuietHours(page, quietHoursAround('not now'));

  await importContacts(page, `${TAG}-customers.csv`, [
    { phone: phone(1), firstName: 'Isabella', state: 'NSW', tag: TAG },
    { phone: phone(2), firstName: 'Jack', state: 'WA', tag: TAG },
  ]);
  const contactPhone = `+61${phone(1).replace(/\s/g, '').slice(1)}`;
  await page.getByRole('link', { name: contactPhone }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Isabella' })).toBeVisible();
  const contactPath = new URL(page.url()).pathname;

  const mappingFile = `${TAG}-loyalty-members.csv`;
  await uploadCsv(page, mappingFile, WIDE_CSV);
  const mappingPath = new URL(page.url()).pathname;

  const dryRunFile = `${TAG}-loyalty-checked.csv`;
  await uploadCsv(page, dryRunFile, WIDE_CSV);
  await page.getByRole('form', { name: 'Column mapping' }).getByRole('button', { name: 'Run the dry run' }).click();
  await expect(page.getByLabel('Dry run summary')).toContainText('3Rejected');
  const dryRunPath = new URL(page.url()).pathname;

  const draft = 'Winter menu tasting for our regulars';
  await saveTaggedDraft(page, {
    name: draft,
    tag: TAG,
    message: 'Hi {firstName|there}, our winter menu tasting is this Saturday from 11am. Bring a friend!',
  });
  const draftPath = new URL(page.url()).pathname;

  const sent = 'Brunch is back this weekend';
  await saveTaggedDraft(page, {
    name: sent,
    tag: TAG,
    message: 'Hi {firstName|there}, brunch is back this weekend with bottomless coffee.',
  });
  await launch(page, sent);
  await expect(page.getByRole('region', { name: 'Progress' }).getByLabel('Message counts')).toContainText(
    '2Delivered',
    { timeout: 20_000 },
  );
  const sentPath = new URL(page.url()).pathname;

  const segmentName = `${TAG} VIPs in the east`;
  const segment = await page.request.post('/api/segments', {
    headers: { origin: new URL(page.url()).origin },
    data: {
      name: segmentName,
      definition: {
        version: 1,
        root: {
          type: 'group',
          op: 'and',
          children: [
            { type: 'state', states: ['NSW', 'VIC'] },
            {
              type: 'group',
              op: 'or',
              children: [
                { type: 'tags', match: 'any', tags: [TAG] },
                { type: 'engagement', event: 'clicked', days: 30 },
              ],
            },
          ],
        },
      },
    },
  });
  expect(segment.status()).toBe(201);
  const segmentPath = `/contacts/segments/${(await segment.json()).segment.id}`;
  await context.close();

  const app = (name: string, path: string, title: string, heading: string | RegExp = title): ScreenPage => ({
    name,
    path,
    title: `${title} · SMS CRM`,
    heading,
    signedIn: true,
    hasNavigation: true,
  });
  const signedOut = (name: string, path: string, title: string, heading: string): ScreenPage => ({
    name,
    path,
    title: `${title} · SMS CRM`,
    heading,
    signedIn: false,
    hasNavigation: false,
  });
  pages.push(
    {
      ...app('dashboard', '/dashboard', 'Dashboard'),
      ready: (p) =>
        p.getByRole('figure', { name: 'Delivered and clicks per day' }).locator('.recharts-legend-item').first(),
    },
    app('contacts', '/contacts', 'Contacts'),
    app('contact', contactPath, 'Isabella'),
    app('dnc', '/contacts/dnc', 'Do-not-contact list'),
    app('contact-new', '/contacts/new', 'New contact'),
    app('segments', '/contacts/segments', 'Segments'),
    { ...app('segment-new', '/contacts/segments/new', 'New segment'), ready: segmentCounted },
    { ...app('segment', segmentPath, 'Segment', segmentName), ready: segmentCounted },
    app('imports', '/imports', 'Imports'),
    app('import-mapping', mappingPath, `Import: ${mappingFile}`),
    {
      ...app('import-dry-run', dryRunPath, `Import: ${dryRunFile}`),
      ready: (p) => p.getByRole('table', { name: 'Row decisions' }),
    },
    app('campaigns', '/campaigns', 'Campaigns'),
    { ...app('campaign-new', '/campaigns/new', 'New campaign'), ready: audienceCounted },
    { ...app('campaign-edit', `${draftPath}/edit`, `Edit ${draft}`), ready: audienceCounted },
    app('campaign-draft', draftPath, draft, new RegExp(`^${draft}`)),
    app('campaign-sent', sentPath, sent, new RegExp(`^${sent}`)),
    app('inbox', '/inbox', 'Inbox'),
    app('saved-replies', '/inbox/saved-replies', 'Saved replies'),
    app('campaign-pilot', `${sentPath}/pilot`, `Pilot report · ${sent}`, 'Pilot report'),
    {
      ...app('campaign-report', `${sentPath}/report`, `Report · ${sent}`, 'Campaign report'),
      ready: (p) => p.locator('.recharts-legend-item').first(),
    },
    app('reports', '/reports', 'Reports'),
    app('settings', '/settings', 'Settings'),
    app('users', '/users', 'Users'),
    signedOut('sign-in', '/signin', 'Sign in', 'Sign in to SMS CRM'),
    signedOut('check-email', '/signin/check-email', 'Check your e-mail', 'Check your e-mail'),
    signedOut('sign-in-error', '/signin/error?error=Verification', 'Could not sign you in', 'Could not sign you in'),
    { ...app('not-found', '/campaigns/no-such-campaign', 'Page not found'), hasNavigation: false },
  );
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await createWorkspaceData(browser);
});

/** How far the page itself would scroll sideways, in CSS pixels (0 when everything fits). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const [label, viewport] of [
  ['phone', PHONE],
  ['laptop', LAPTOP],
] as const) {
  test(`every page fits a ${label} screen ${viewport.width} px wide without sideways scrolling and has its own title`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const signedIn = await browser.newContext({ storageState: ADMIN_SESSION, viewport });
    const signedOut = await browser.newContext({ storageState: undefined, viewport });
    for (const screen of pages) {
      const page = await (screen.signedIn ? signedIn : signedOut).newPage();
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      if (screen.ready) await expect(screen.ready(page)).toBeVisible();

      // Soft, so one run reports every page that does not fit and still takes every screenshot.
      expect.soft(await sidewaysOverflow(page), `${screen.name} scrolls sideways`).toBeLessThanOrEqual(0);
      await expect.soft(page, `${screen.name} has its own title`).toHaveTitle(screen.title);
      if (screen.hasNavigation) {
        const nav = page.getByRole('navigation', { name: 'Main' });
        const menu = page.getByRole('button', { name: 'Menu' });
        if (label === 'phone') {
          await expect.soft(menu, `${screen.name} offers the Menu button`).toBeVisible();
          await expect.soft(nav, `${screen.name} keeps the navigation behind the menu`).toBeHidden();
        } else {
          await expect.soft(nav, `${screen.name} shows the sidebar`).toBeVisible();
          await expect.soft(menu, `${screen.name} needs no Menu button`).toBeHidden();
        }
      }
      await page.screenshot({ path: testInfo.outputPath(`${label}-${screen.name}.png`), fullPage: true });
      await page.close();
    }
    await signedIn.close();
    await signedOut.close();
  });
}

test('on a phone the Menu button opens the navigation, and Escape or following a link closes it', async ({
  page,
}, testInfo) => {
  await page.setViewportSize(PHONE);
  await page.goto('/dashboard');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeInViewport();
  await expect(nav.getByRole('button', { name: 'Sign out' })).toBeInViewport();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('phone-menu-open.png') });

  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  await menu.click();
  await menu.click();
  await expect(nav).toBeHidden();

  await menu.click();
  await nav.getByRole('link', { name: 'Contacts' }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // A link to the page already shown navigates nowhere, and still closes the menu.
  await menu.click();
  await nav.getByRole('link', { name: 'Contacts' }).click();
  await expect(nav).toBeHidden();
});

test('the app has an SVG icon, which signed-out visitors get too', async ({ browser }) => {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto('/signin');
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!, { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  await context.close();
});

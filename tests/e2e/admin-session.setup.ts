import { test as setup } from '@playwright/test';
import { ADMIN, ADMIN_SESSION } from './support/admin-session';
import { signInAs } from './support/sign-in';

setup('the admin signs in once for the tests that act as the admin', async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.context().storageState({ path: ADMIN_SESSION });
});

import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@/scripts/support/free-port';
import { SHARED_STATE_ROOT } from '@/scripts/support/make-shared-folder';
import { copyCheckout, type CheckoutCopy } from '../../support/checkout-copy';

let checkout: CheckoutCopy | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await checkout?.remove();
  // The cluster of a copy run as root lives outside it, in a folder of the copy's own.
  if (dataDir?.startsWith(`${SHARED_STATE_ROOT}/`)) await rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe('a checkout in a folder only its owner can enter (root’s home)', () => {
  it('starts its embedded PostgreSQL, keeps the data across starts and leaves the folder closed', async () => {
    checkout = await copyCheckout({ parentMode: 0o700 });
    const env = { EMBEDDED_PG_PORT: String(await freePort()) };

    const first = await checkout.run('scripts/db-migrate.ts', env);

    expect(first.output).not.toContain('EACCES');
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/applied \d+ migration/);
    dataDir = /\(data in ([^)]+)\)/.exec(first.output)?.[1];
    expect(dataDir).toBeDefined();
    if (process.getuid?.() === 0) expect(dataDir?.startsWith(`${checkout.root}/`)).toBe(false);

    const second = await checkout.run('scripts/db-migrate.ts', env);
    expect(second.code).toBe(0);
    expect(second.output).toContain(`(data in ${dataDir}): up to date`);
    expect((await stat(path.dirname(checkout.root))).mode & 0o777).toBe(0o700);
  }, 240_000);
});

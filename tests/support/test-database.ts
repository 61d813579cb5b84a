import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '@/scripts/support/embedded-postgres';

/** Set by scripts/test.ts: a server we may create databases on, and a migrated template. */
export function testServer(): { adminUrl: string; template: string } {
  const adminUrl = process.env.TEST_DB_ADMIN_URL;
  const template = process.env.TEST_DB_TEMPLATE;
  if (!adminUrl || !template)
    throw new Error('Run the suite with `npm test`, which prepares the test database server.');
  return { adminUrl, template };
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of our own: a copy of the migrated template, or empty. */
export async function createScratchDatabase(options: { migrated: boolean; prefix?: string }): Promise<ScratchDatabase> {
  const { adminUrl, template } = testServer();
  const name = `${options.prefix ?? 'crm_t'}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(adminUrl, name, options.migrated ? template : undefined);
  return { name, url, drop: () => dropDatabase(adminUrl, name) };
}

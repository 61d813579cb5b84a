import { env } from '../../lib/env';
import { applyMigrations } from './schema-engine';
import { createDatabase, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';

export interface ProvisionedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  appliedMigrations: string[];
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL under .data/. Either way every pending migration is applied.
 */
export async function provisionDatabase(): Promise<ProvisionedDatabase> {
  const { DATABASE_URL, EMBEDDED_PG_PORT } = env();
  if (DATABASE_URL) {
    return { url: DATABASE_URL, embedded: null, appliedMigrations: await applyMigrations(DATABASE_URL) };
  }
  const embedded = await startEmbeddedPostgres({ name: 'postgres', port: EMBEDDED_PG_PORT, persistent: true });
  const url = await createDatabase(embedded.adminUrl, 'sms_crm');
  return { url, embedded, appliedMigrations: await applyMigrations(url) };
}

import { env } from '../../lib/env';
import { applyMigrations } from './schema-engine';
import { createDatabase, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';

export interface ProvisionedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  appliedMigrations: string[];
  /** Which database this is, for people: DATABASE_URL, or the embedded server's port and folder. */
  description: string;
}

/** Where the embedded PostgreSQL of `npm run dev`/`npm start` listens unless told or moved. */
const DEFAULT_EMBEDDED_PORT = 54329;

/**
 * The database the app runs on: DATABASE_URL when set, otherwise this checkout's
 * persistent embedded PostgreSQL. Either way every pending migration is applied.
 */
export async function provisionDatabase(): Promise<ProvisionedDatabase> {
  const { DATABASE_URL, EMBEDDED_PG_PORT } = env();
  if (DATABASE_URL) {
    const appliedMigrations = await applyMigrations(DATABASE_URL);
    return { url: DATABASE_URL, embedded: null, appliedMigrations, description: 'DATABASE_URL' };
  }
  const embedded = await startEmbeddedPostgres({
    name: 'postgres',
    persistent: true,
    port: EMBEDDED_PG_PORT,
    defaultPort: DEFAULT_EMBEDDED_PORT,
    portVariable: 'EMBEDDED_PG_PORT',
  });
  const url = await createDatabase(embedded.adminUrl, 'sms_crm');
  const description = `embedded PostgreSQL on port ${embedded.port} (data in ${embedded.dataDir})`;
  return { url, embedded, appliedMigrations: await applyMigrations(url), description };
}

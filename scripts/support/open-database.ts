import { env } from '../../lib/env';
import { createDatabase, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';

export interface OpenedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
  description: string;
}

/** The embedded server's database of `npm run dev`/`npm start` (see provisionDatabase). */
export const EMBEDDED_DATABASE = 'sms_crm';
const DEFAULT_EMBEDDED_PORT = 54329;

/**
 * The app's database as provisionDatabase finds it, but left as it is (no migrations):
 * DATABASE_URL, or `database` (default the app's own) on this checkout's embedded server.
 */
export async function openDatabase(options: { database?: string } = {}): Promise<OpenedDatabase> {
  const { DATABASE_URL, EMBEDDED_PG_PORT } = env();
  if (DATABASE_URL) return { url: DATABASE_URL, embedded: null, description: 'DATABASE_URL' };
  const embedded = await startEmbeddedPostgres({
    name: 'postgres',
    persistent: true,
    port: EMBEDDED_PG_PORT,
    defaultPort: DEFAULT_EMBEDDED_PORT,
    portVariable: 'EMBEDDED_PG_PORT',
  });
  const name = options.database ?? EMBEDDED_DATABASE;
  const url = await createDatabase(embedded.adminUrl, name);
  return { url, embedded, description: `database ${name} of the embedded PostgreSQL on port ${embedded.port}` };
}

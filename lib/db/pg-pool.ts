import 'server-only';
import pg from 'pg';
import { env } from '../env';

// Bulk work (imports: unnest inserts, set-based merges) goes through node-postgres
// directly, where array parameters and transactions on one connection are plain.
// `timestamp` columns hold UTC (Prisma's convention); read them as UTC whatever
// zone this process runs in (Prisma's own adapter parses them itself).
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (text) => new Date(`${text.replace(' ', 'T')}Z`));

const globalForPg = globalThis as unknown as { crmPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!globalForPg.crmPgPool) {
    // Columns are `timestamp` holding UTC (Prisma's convention); a UTC session makes
    // now() and comparisons agree with them whatever the server's own zone is.
    const pool = new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_SIZE, options: '-c TimeZone=UTC' });
    // An idle connection the server closes (restart, failover) is replaced, not fatal.
    pool.on('error', (error) => console.error('[db] idle connection lost', error.message));
    globalForPg.crmPgPool = pool;
  }
  return globalForPg.crmPgPool;
}

export async function closePgPool(): Promise<void> {
  await globalForPg.crmPgPool?.end();
  globalForPg.crmPgPool = undefined;
}

import pg from 'pg';

/**
 * A connection whose COPY text is the same on every server and every run: UTC for
 * timestamptz, ISO dates, exact floats. Backups and restores read and write only through one.
 */
export async function openBackupConnection(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    options: '-c TimeZone=UTC -c DateStyle=ISO,YMD -c extra_float_digits=1 -c IntervalStyle=postgres',
  });
  await client.connect();
  return client;
}

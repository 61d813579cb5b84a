import { afterAll } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { closePgPool } from '@/lib/db/pg-pool';
import { createScratchDatabase } from '../../support/test-database';

// Every integration file gets its own migrated database before any test module
// touches the Prisma client, so files never see each other's rows.
const database = await createScratchDatabase({ migrated: true });
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await Promise.all([disconnectDb(), closePgPool()]);
  await database.drop();
});

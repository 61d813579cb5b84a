import { disconnectDb, db } from '../lib/db/client';
import { provisionDatabase } from './support/provision-database';
import { reportStartupFailure } from './support/report-startup-failure';
import { seedDatabase } from './support/seed-database';
import { env } from '../lib/env';

const database = await provisionDatabase().catch(reportStartupFailure);
process.env.DATABASE_URL = database.url;
await seedDatabase(db(), { adminEmail: env().ADMIN_EMAIL });
console.log(`seeded tenant "primary" with admin ${env().ADMIN_EMAIL}`);
await disconnectDb();
await database.embedded?.stop();

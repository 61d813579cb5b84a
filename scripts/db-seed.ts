import { disconnectDb, db } from '../lib/db/client';
import { provisionDatabase } from '../lib/db/provision';
import { seedDatabase } from '../lib/db/seed';
import { env } from '../lib/env';

const database = await provisionDatabase();
process.env.DATABASE_URL = database.url;
await seedDatabase(db(), { adminEmail: env().ADMIN_EMAIL });
console.log(`seeded tenant "primary" with admin ${env().ADMIN_EMAIL}`);
await disconnectDb();
await database.embedded?.stop();

// Applies pending migrations to DATABASE_URL, or to the embedded database when unset.
import { provisionDatabase } from './support/provision-database';

const database = await provisionDatabase();
const applied = database.appliedMigrations;
console.log(
  applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date',
);
await database.embedded?.stop();

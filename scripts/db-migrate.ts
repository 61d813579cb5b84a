// Applies pending migrations to DATABASE_URL, or to the embedded database when unset.
import { provisionDatabase } from './support/provision-database';
import { reportStartupFailure } from './support/report-startup-failure';

const database = await provisionDatabase().catch(reportStartupFailure);
const applied = database.appliedMigrations;
console.log(
  `${database.description}: ${applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'up to date'}`,
);
await database.embedded?.stop();

import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { env } from '../env';

// One client per process: Next's dev server re-evaluates modules on every change,
// so the instance lives on globalThis rather than in module scope.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  // Read at first use, not from the cached env: the dev, start and test launchers
  // provision a database and set DATABASE_URL after start-up.
  const DATABASE_URL = process.env.DATABASE_URL;
  const { DATABASE_POOL_SIZE } = env();
  if (!DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide a database',
    );
  }
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}

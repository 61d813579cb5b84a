import { defineConfig } from 'prisma/config';

// Read by the Prisma CLI only (`prisma generate`, and `prisma migrate deploy` on a
// host where Prisma's engines can be downloaded). `generate` needs no database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DIRECT_DATABASE_URL ?? process.env.DATABASE_URL ?? '' },
});

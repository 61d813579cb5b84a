import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// lib/db/README.md: domain writes go through a Tx; only the next-auth adapter writes through Prisma.
const LIB = path.resolve(import.meta.dirname, '../../../lib');
const ALLOWED = new Set(['auth/adapter.ts']);
// A Prisma model write (`db().contact.update(`, `tx.auditLog.create(`), a raw statement or a Prisma transaction.
const PRISMA_WRITE =
  /(db\(\)|\btx|\bprisma)\.\w+\.(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\(|\$executeRaw|\$transaction/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('database access in lib/', () => {
  it('writes only through a Tx: no Prisma model writes, raw statements or Prisma transactions', () => {
    const offending = sourceFiles(LIB)
      .map((file) => path.relative(LIB, file))
      .filter((file) => !ALLOWED.has(file))
      .filter((file) =>
        readFileSync(path.join(LIB, file), 'utf8')
          .split('\n')
          .some((line) => PRISMA_WRITE.test(line)),
      );
    expect(offending).toEqual([]);
  });
});

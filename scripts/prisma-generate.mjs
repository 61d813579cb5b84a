// `prisma generate` never runs the schema engine, but the CLI insists that a
// binary path exists; the real engine cannot be downloaded here, so any file will do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}/prisma/schema.prisma`)) process.exit(0);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync('npx', ['prisma', 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);

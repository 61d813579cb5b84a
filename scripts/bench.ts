import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase } from './support/embedded-postgres';
import { createMigratedTemplate, openScratchServer } from './support/scratch-postgres';

// `npm run bench [name...]`: runs scripts/bench/<name>.ts (all of them by default),
// each in its own process, on a real PostgreSQL — DATABASE_URL's server when set,
// otherwise a throwaway embedded one. Each bench prints its own figures.

const BENCH_DIR = path.join(import.meta.dirname, 'bench');

function run(file: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', '--conditions=react-server', file], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const available = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

const server = await openScratchServer({
  name: 'postgres-bench',
  portVariable: 'EMBEDDED_PG_BENCH_PORT',
  defaultPort: 54349,
});
const { adminUrl } = server;
const template = `crm_bench_template_${process.pid}`;
let failed = 0;
try {
  await createMigratedTemplate(adminUrl, template);
  for (const name of wanted.length ? wanted : available) {
    console.log(`\n== ${name} ==`);
    const code = await run(path.join(BENCH_DIR, `${name}.ts`), {
      BENCH_DB_ADMIN_URL: adminUrl,
      BENCH_DB_TEMPLATE: template,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    });
    if (code !== 0) failed += 1;
  }
} finally {
  await dropDatabase(adminUrl, template).catch(() => {});
  await server.stop();
}
process.exit(failed ? 1 : 0);

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'next.config.ts', 'package-lock.json'];

function newestMtime(full: string): number {
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full)
    .filter((child) => child !== 'generated')
    .reduce((max, child) => Math.max(max, newestMtime(path.join(full, child))), stat.mtimeMs);
}

/** Builds the app into `distDir` unless a build newer than every source is already there. */
export function ensureBuilt(distDir = process.env.NEXT_DIST_DIR || '.next'): void {
  const buildId = path.join(ROOT, distDir, 'BUILD_ID');
  if (existsSync(buildId) && SOURCES.every((entry) => newestMtime(path.join(ROOT, entry)) <= statSync(buildId).mtimeMs))
    return;
  console.log(`[build] building the app into ${distDir}`);
  const built = spawnSync('npx', ['next', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) throw new Error('next build failed');
}

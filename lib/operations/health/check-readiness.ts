import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../../env';
import { pgPool } from '../../db/pg-pool';
import { smsProviderKind } from '../../providers/provider-config';
import { READINESS_THRESHOLDS as T } from './readiness-thresholds';

export type ReadinessStatus = 'ok' | 'warn' | 'fail';

export interface ReadinessItem {
  name: string;
  status: ReadinessStatus;
  /** What was found, in words. */
  value: string;
  /** The limit it was judged by, in words. */
  threshold: string;
}

export interface ReadinessReport {
  status: ReadinessStatus;
  checkedAt: string;
  items: ReadinessItem[];
  queue: Record<string, number>;
}

export interface CheckReadinessOptions {
  now?: Date;
  /** Where the code's migrations are; the app's own folder unless a test says otherwise. */
  migrationsDir?: string;
}

const RANK: Record<ReadinessStatus, number> = { ok: 0, warn: 1, fail: 2 };

function worst(items: ReadinessItem[]): ReadinessStatus {
  return items.reduce<ReadinessStatus>((w, i) => (RANK[i.status] > RANK[w] ? i.status : w), 'ok');
}

function age(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

async function codeMigrations(dir: string): Promise<string[] | null> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  return entries
    ? entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : null;
}

async function migrationsItem(migrationsDir: string): Promise<ReadinessItem> {
  const threshold = 'every migration of this release applied, none failed';
  const { rows } = await pgPool().query<{ name: string; finished: boolean; rolled_back: boolean }>(
    `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
     FROM _prisma_migrations`,
  );
  const failed = rows.filter((r) => !r.finished && !r.rolled_back).map((r) => r.name);
  if (failed.length)
    return { name: 'migrations', status: 'fail', value: `failed or unfinished: ${failed.join(', ')}`, threshold };
  const applied = new Set(rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.name));
  const known = await codeMigrations(migrationsDir);
  if (!known)
    return {
      name: 'migrations',
      status: 'warn',
      value: `${applied.size} applied; this release's list is not readable here`,
      threshold,
    };
  const pending = known.filter((m) => !applied.has(m));
  if (pending.length)
    return { name: 'migrations', status: 'fail', value: `${pending.length} pending: ${pending.join(', ')}`, threshold };
  return { name: 'migrations', status: 'ok', value: `${applied.size} applied, none pending`, threshold };
}

/**
 * The operator's view of an installation (every tenant's queue together): whether the
 * database answers on the current schema, whether the drain is keeping up, whether
 * Twilio's callbacks are arriving and whether the last backup is recent and verified.
 * Each item says ok, warn or fail with the limit it used; the report is as bad as its worst item.
 */
export async function checkReadiness(options: CheckReadinessOptions = {}): Promise<ReadinessReport> {
  const now = options.now ?? new Date();
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), 'prisma', 'migrations');
  const items: ReadinessItem[] = [];
  const started = performance.now();
  try {
    await pgPool().query('SELECT 1');
  } catch {
    const down: ReadinessItem = {
      name: 'database',
      status: 'fail',
      value: 'unreachable',
      threshold: 'answers a query',
    };
    return { status: 'fail', checkedAt: now.toISOString(), items: [down], queue: {} };
  }
  items.push({
    name: 'database',
    status: 'ok',
    value: `answered in ${Math.round(performance.now() - started)} ms`,
    threshold: 'answers a query',
  });
  items.push(await migrationsItem(migrationsDir));

  const [due, drain, queue, callbacks, backup] = await Promise.all([
    pgPool().query<{ oldest: Date | null; count: number }>(
      `SELECT min("nextAttemptAt") AS oldest, count(*)::int AS count FROM send_jobs
       WHERE state = 'QUEUED' AND "nextAttemptAt" <= $1::timestamp`,
      [now.toISOString()],
    ),
    pgPool().query<{ last: Date | null; ok: boolean | null; error: string | null }>(
      `SELECT "finishedAt" AS last, ok, error FROM drain_runs ORDER BY "finishedAt" DESC LIMIT 1`,
    ),
    pgPool().query<{ state: string; count: number }>(
      `SELECT state::text AS state, count(*)::int AS count FROM send_jobs
       WHERE state IN ('QUEUED', 'SENDING', 'SENT') GROUP BY state`,
    ),
    pgPool().query<{ received: number; recent: number; waiting: number }>(
      `SELECT
         (SELECT count(*)::int FROM webhook_events WHERE kind = 'STATUS' AND "receivedAt" > $1::timestamp - interval '1 hour') AS received,
         (SELECT count(*)::int FROM webhook_events WHERE kind = 'STATUS' AND "receivedAt" > $1::timestamp - make_interval(secs => $2)) AS recent,
         (SELECT count(*)::int FROM send_jobs WHERE state = 'SENT' AND "sentAt" < $1::timestamp - make_interval(secs => $2)) AS waiting`,
      [now.toISOString(), T.callbacksSilentSeconds],
    ),
    pgPool().query<{ finished: Date; verified: boolean; size: string; name: string; error: string | null }>(
      `SELECT "finishedAt" AS finished, verified, "sizeBytes"::text AS size, name, error FROM backup_runs
       ORDER BY "finishedAt" DESC LIMIT 1`,
    ),
  ]);

  const dueCount = due.rows[0].count;
  const oldestSeconds = due.rows[0].oldest ? (now.getTime() - due.rows[0].oldest.getTime()) / 1000 : 0;
  items.push({
    name: 'oldest due job',
    status: oldestSeconds >= T.oldestDueFailSeconds ? 'fail' : oldestSeconds >= T.oldestDueWarnSeconds ? 'warn' : 'ok',
    value: dueCount ? `${dueCount} due, the oldest for ${age(oldestSeconds)}` : 'no job is due',
    threshold: `warn at ${age(T.oldestDueWarnSeconds)}, fail at ${age(T.oldestDueFailSeconds)}`,
  });

  const lastDrain = drain.rows[0];
  const silentSeconds = lastDrain ? (now.getTime() - lastDrain.last!.getTime()) / 1000 : Infinity;
  const drainStatus: ReadinessStatus =
    silentSeconds >= T.drainSilentFailSeconds && dueCount > 0
      ? 'fail'
      : silentSeconds >= T.drainSilentWarnSeconds || lastDrain?.ok === false
        ? 'warn'
        : 'ok';
  items.push({
    name: 'drain',
    status: drainStatus,
    value: lastDrain
      ? `last ran ${age(silentSeconds)} ago${lastDrain.ok ? '' : `, and failed: ${lastDrain.error}`}`
      : 'has never run',
    threshold: `warn after ${age(T.drainSilentWarnSeconds)}, fail after ${age(T.drainSilentFailSeconds)} while jobs are due`,
  });

  const queueDepth = Object.fromEntries(queue.rows.map((r) => [r.state, r.count]));
  items.push({
    name: 'queue',
    status: 'ok',
    value: ['QUEUED', 'SENDING', 'SENT'].map((s) => `${(queueDepth[s] ?? 0).toString()} ${s.toLowerCase()}`).join(', '),
    threshold: 'reported, not judged',
  });

  const kind = smsProviderKind();
  const production = env().NODE_ENV === 'production';
  items.push({
    name: 'provider',
    status: kind === 'simulator' && production ? 'warn' : 'ok',
    value: kind === 'twilio' ? 'Twilio' : 'the built-in simulator (nothing reaches a phone)',
    threshold: 'Twilio in production',
  });

  const { received, recent, waiting } = callbacks.rows[0];
  items.push({
    name: 'status callbacks',
    status: waiting > 0 && recent === 0 ? 'warn' : 'ok',
    value: `${received} in the last hour; ${waiting} messages sent over ${age(T.callbacksSilentSeconds)} ago still await theirs`,
    threshold: `warn when none came in ${age(T.callbacksSilentSeconds)} while messages await one`,
  });

  const last = backup.rows[0];
  const backupHours = last ? (now.getTime() - last.finished.getTime()) / 3_600_000 : Infinity;
  items.push({
    name: 'backup',
    status: !last ? 'warn' : !last.verified || backupHours > T.backupMaxAgeHours ? 'fail' : 'ok',
    value: last
      ? `${last.name}, ${age(backupHours * 3600)} ago, ${last.verified ? 'verified' : `not verified: ${last.error ?? 'unknown'}`}`
      : 'none taken yet',
    threshold: `a verified backup within ${T.backupMaxAgeHours} h`,
  });

  return { status: worst(items), checkedAt: now.toISOString(), items, queue: queueDepth };
}

import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as drainRoute } from '@/app/api/cron/send/route';
import { GET as ready } from '@/app/api/health/ready/route';
import { pgPool } from '@/lib/db/pg-pool';
import { callRoute } from '../../support/fixtures';
import { addContacts, runningCampaign, sendingNumber, sendingTenant } from '../../support/sending-fixtures';

const CRON_SECRET = 'health-cron-secret';
process.env.CRON_SECRET = CRON_SECRET;
const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

// The route handler behind a plain HTTP server, so `npm run health` is run as a monitor runs it.
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const answer = await ready(
      new Request(`http://localhost${req.url}`, { headers: { authorization: req.headers.authorization ?? '' } }),
    );
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function healthScript(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/health.ts', baseUrl], {
      cwd: ROOT,
      env: { ...process.env, CRON_SECRET },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function readiness() {
  const res = await callRoute(ready, {
    method: 'GET',
    path: '/api/health/ready',
    headers: { authorization: `Bearer ${CRON_SECRET}` },
  });
  return { status: res.status, body: await res.json() };
}

const item = (body: { items: { name: string }[] }, name: string) => body.items.find((i) => i.name === name);

describe('GET /api/health/ready and npm run health', () => {
  it('says ok when the drain keeps up and the last backup is fresh and verified, and npm run health exits 0', async () => {
    await callRoute(drainRoute, {
      method: 'GET',
      path: '/api/cron/send',
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    const drains = await pgPool().query('SELECT ok FROM drain_runs');
    expect(drains.rows).toEqual([{ ok: true }]);
    await pgPool().query(
      `INSERT INTO backup_runs (name, location, "startedAt", "finishedAt", "sizeBytes", "tableCount", "rowCount", verified)
       VALUES ('sms-crm-fresh', '/backups', now(), now(), 1000, 35, 10, true)`,
    );

    const { status, body } = await readiness();
    expect(status).toBe(200);
    expect(item(body, 'database')).toMatchObject({ status: 'ok' });
    expect(item(body, 'migrations')).toMatchObject({ status: 'ok', value: expect.stringContaining('none pending') });
    expect(item(body, 'drain')).toMatchObject({ status: 'ok' });
    expect(item(body, 'backup')).toMatchObject({ status: 'ok', threshold: 'a verified backup within 26 h' });
    for (const i of body.items) expect(i.threshold).toEqual(expect.any(String));

    const script = await healthScript();
    expect(script.code).toBe(0);
    expect(script.out).toMatch(/ok +drain: last ran/);
  });

  it('fails when the drain has stopped with jobs due, and npm run health exits non-zero', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 3);
    await runningCampaign(tenantId, { numberIds: [number.id] });
    await pgPool().query(`UPDATE send_jobs SET "nextAttemptAt" = now() - interval '12 minutes'`);
    await pgPool().query(
      `UPDATE drain_runs SET "startedAt" = now() - interval '7 minutes', "finishedAt" = now() - interval '7 minutes'`,
    );

    const { status, body } = await readiness();
    expect(status).toBe(503);
    expect(body.status).toBe('fail');
    expect(item(body, 'drain')).toMatchObject({ status: 'fail', value: expect.stringMatching(/last ran 7 min ago/) });
    expect(item(body, 'oldest due job')).toMatchObject({ status: 'fail', value: expect.stringMatching(/^3 due/) });

    const script = await healthScript();
    expect(script.code).toBe(1);
    expect(script.out).toMatch(/fail +drain: last ran 7 min ago/);
  });

  it('fails on a backup older than 26 hours or one that did not verify', async () => {
    await pgPool().query(`UPDATE backup_runs SET "finishedAt" = now() - interval '27 hours'`);
    expect(item((await readiness()).body, 'backup')).toMatchObject({ status: 'fail' });
    await pgPool().query(
      `UPDATE backup_runs SET "finishedAt" = now(), verified = false, error = 'clicks: checksum differs'`,
    );
    expect(item((await readiness()).body, 'backup')).toMatchObject({
      status: 'fail',
      value: expect.stringContaining('not verified: clicks: checksum differs'),
    });
  });
});

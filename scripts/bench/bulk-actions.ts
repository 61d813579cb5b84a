import pg from 'pg';
import type { BulkActionChoice } from '../../lib/contacts/bulk-action-schemas';
import { runBulkAction } from '../../lib/contacts/run-bulk-action';
import { startBulkAction } from '../../lib/contacts/start-bulk-action';
import { closePgPool } from '../../lib/db/pg-pool';
import { disconnectDb } from '../../lib/db/client';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';
import { benchWorkspace } from './support/bench-workspace';
import { loadAverage } from './support/machine';

// Bulk actions on the contacts a filter matches (100,000 by default, among twice as
// many in the workspace), start to done, beside the floor: one plain UPDATE of the
// same rows' tags in a single statement, with no freezing, chunks or progress.

const MATCHED = Number(process.env.BENCH_BULK_CONTACTS ?? 100_000);
const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
const name = `crm_bench_bulk_${process.pid}`;
const url = await createDatabase(adminUrl, name, template);
process.env.DATABASE_URL = url;
const client = new pg.Client({ connectionString: url });
await client.connect();

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (ms: number) => `${Math.round((MATCHED / ms) * 1000).toLocaleString('en-AU')} contacts/s`;

try {
  const actor = await benchWorkspace('bench-bulk', 'ADMIN');
  let t = performance.now();
  await client.query(
    `INSERT INTO contacts ("tenantId", "phoneE164", "firstName", "consentStatus", state, tags, "updatedAt")
     SELECT $1::uuid, '+614' || lpad(g::text, 8, '0'), 'Sam', 'EXPLICIT', 'NSW',
       CASE WHEN g % 2 = 0 THEN ARRAY['spring', 'newsletter'] ELSE ARRAY['newsletter'] END, now()
     FROM generate_series(1, $2::int * 2) g`,
    [actor.tenantId, MATCHED],
  );
  await client.query('VACUUM ANALYZE contacts');
  console.log(
    `${(MATCHED * 2).toLocaleString('en-AU')} contacts generated in ${s(performance.now() - t)}; the filter "tag spring" matches ${MATCHED.toLocaleString('en-AU')} (${loadAverage()})`,
  );

  await client.query('BEGIN');
  t = performance.now();
  await client.query(
    `UPDATE contacts SET tags = tags || ARRAY['floor'], "updatedAt" = now()
     WHERE "tenantId" = $1::uuid AND tags @> ARRAY['spring']`,
    [actor.tenantId],
  );
  const floorMs = performance.now() - t;
  await client.query('ROLLBACK');

  async function timed(action: BulkActionChoice) {
    const started = performance.now();
    const { id } = await startBulkAction({
      actor,
      input: { filter: { tag: 'spring' }, action, expectedCount: MATCHED },
    });
    const frozenMs = performance.now() - started;
    const done = await runBulkAction({ bulkActionId: id });
    if (done?.state !== 'DONE' || done.done !== MATCHED)
      throw new Error(`${action.kind} ended ${JSON.stringify(done)}`);
    return { ms: performance.now() - started, frozenMs };
  }
  console.log(
    'Goals: one action on 100,000 contacts, set-based with progress, start to done; the floor is one plain UPDATE of the same rows (the issue sets no figure, so the ratio is reported).',
  );
  console.log(`plain UPDATE of the matched tags (floor)   ${s(floorMs)}   ${perSecond(floorMs)}`);
  for (const action of [
    { kind: 'ADD_TAGS', tags: ['vip'] },
    { kind: 'REMOVE_TAGS', tags: ['vip'] },
    { kind: 'OPT_OUT', reason: 'Asked by phone' },
    { kind: 'DELETE' },
  ] as BulkActionChoice[]) {
    const { ms, frozenMs } = await timed(action);
    console.log(
      `${action.kind.padEnd(12)} ${MATCHED.toLocaleString('en-AU')} contacts   ${s(ms)}   ${perSecond(ms)}   ${(ms / floorMs).toFixed(1)} × the floor (freezing the set ${s(frozenMs)})`,
    );
  }
} finally {
  await client.end();
  await disconnectDb();
  await closePgPool();
  await dropDatabase(adminUrl, name);
}

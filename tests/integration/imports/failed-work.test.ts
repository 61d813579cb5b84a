import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST as commitRoute } from '@/app/api/imports/[batchId]/commit/route';
import { POST as dryRunRoute } from '@/app/api/imports/[batchId]/dry-run/route';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import type { Actor } from '@/lib/auth/actor';
import { analyseImport } from '@/lib/imports/analyse-import';
import type { ColumnMapping } from '@/lib/imports/column-mapping';
import { UNEXPECTED_DRY_RUN_FAILURE } from '@/lib/imports/fail-dry-run';
import { runDryRun } from '@/lib/imports/run-dry-run';
import { runDryRunInWorker } from '@/lib/imports/run-dry-run-in-worker';
import { startDryRun } from '@/lib/imports/start-dry-run';
import { callRoute, createTenant, signedInMember, type SignedInMember } from '../../support/fixtures';
import { STANDARD_MAPPING, actorFor, contactList, dryRunFile, mobile, uploadFile } from '../../support/import-fixtures';

// The work after the response fails for real: the database refuses a write through a
// trigger this test adds (each test file has a database of its own).
async function refuseWrites(trigger: string): Promise<void> {
  await pgPool().query(`CREATE OR REPLACE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'write refused by the test'; END $$`);
  await pgPool().query(`CREATE TRIGGER ${trigger} EXECUTE FUNCTION refuse_write()`);
}

async function allowWrites(): Promise<void> {
  await pgPool().query('DROP TRIGGER IF EXISTS refuse_contact ON contacts');
  await pgPool().query('DROP TRIGGER IF EXISTS refuse_row_cleanup ON import_rows');
}

async function batchState(batchId: string) {
  return db().importBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: { status: true, createCount: true, committedRows: true, error: true },
  });
}

/** The batch once the work after the response has ended (or the last state seen, if it never does). */
async function settled(batchId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const batch = await batchState(batchId);
    if ((batch.status !== 'ANALYSING' && batch.status !== 'COMMITTING') || Date.now() > deadline) return batch;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const e164 = (i: number) => `+61${mobile(i).slice(1)}`;

describe('import work that fails after the response', () => {
  let staff: SignedInMember;
  let actor: Actor;

  beforeEach(async () => {
    const tenant = await createTenant('Failing imports');
    staff = await signedInMember(tenant.id, 'STAFF');
    actor = await actorFor(staff, 'STAFF');
  });

  afterEach(allowWrites);

  const commit = (batchId: string) =>
    callRoute(commitRoute, {
      method: 'POST',
      path: `/api/imports/${batchId}/commit`,
      cookie: staff.cookie,
      params: { batchId },
    });

  const dryRun = (batchId: string, mapping: ColumnMapping = STANDARD_MAPPING) =>
    callRoute(dryRunRoute, {
      method: 'POST',
      path: `/api/imports/${batchId}/dry-run`,
      cookie: staff.cookie,
      body: { mapping },
      params: { batchId },
    });

  it('marks a commit the database stops part way FAILED with a message a person understands, and resuming it completes exactly the dry run', async () => {
    const batchId = await dryRunFile(actor, contactList(12_000));
    expect(await batchState(batchId)).toMatchObject({ status: 'ANALYSED', createCount: 12_000 });
    // Row 11,001 sits in the third of three ranges committed side by side; the other two complete.
    await refuseWrites(
      `refuse_contact BEFORE INSERT ON contacts FOR EACH ROW WHEN (NEW."phoneE164" = '${e164(10_999)}')`,
    );

    expect((await commit(batchId)).status).toBe(202);
    expect(await settled(batchId)).toEqual({
      status: 'FAILED',
      createCount: 12_000,
      committedRows: 10_000,
      error:
        'The commit stopped after saving 10,000 of 12,000 contacts; the others were not saved. Resume the commit to save the rest, or change the mapping and run a new dry run. If it keeps stopping, ask an administrator to check the server log.',
    });
    expect(await db().contact.count({ where: { tenantId: actor.tenantId } })).toBe(10_000);

    await allowWrites();
    expect((await commit(batchId)).status).toBe(202);
    expect(await settled(batchId)).toEqual({
      status: 'COMMITTED',
      createCount: 12_000,
      committedRows: 12_000,
      error: null,
    });
    expect(await db().contact.count({ where: { tenantId: actor.tenantId } })).toBe(12_000);
    expect(await db().contactImport.count({ where: { batchId, action: 'CREATED' } })).toBe(12_000);
    expect(await db().consentEvent.count({ where: { importBatchId: batchId } })).toBe(12_000);
    expect(await db().importRow.count({ where: { batchId, decision: 'CREATE', applied: false } })).toBe(0);
  }, 90_000);

  it('lets a new dry run start over after a failed commit', async () => {
    const batchId = await dryRunFile(actor, contactList(3));
    await refuseWrites(`refuse_contact BEFORE INSERT ON contacts FOR EACH ROW WHEN (NEW."phoneE164" = '${e164(1)}')`);

    expect((await commit(batchId)).status).toBe(202);
    expect(await settled(batchId)).toMatchObject({
      status: 'FAILED',
      committedRows: 0,
      error:
        'The commit stopped before saving any of the 3 contacts. Resume the commit to save them, or change the mapping and run a new dry run. If it keeps stopping, ask an administrator to check the server log.',
    });

    await allowWrites();
    expect(
      (await dryRun(batchId, { ...STANDARD_MAPPING, fields: { phone: 0, firstName: 1 }, defaultConsent: 'IMPLIED' }))
        .status,
    ).toBe(202);
    expect(await settled(batchId)).toEqual({ status: 'ANALYSED', createCount: 3, committedRows: 0, error: null });
    expect((await commit(batchId)).status).toBe(202);
    expect(await settled(batchId)).toMatchObject({ status: 'COMMITTED', committedRows: 3 });
    expect(
      await db().contact.findMany({
        where: { tenantId: actor.tenantId },
        orderBy: { phoneE164: 'asc' },
        select: { phoneE164: true, consentStatus: true },
      }),
    ).toEqual([0, 1, 2].map((i) => ({ phoneE164: e164(i), consentStatus: 'IMPLIED' })));
  });

  it('fails a dry run whose read of the stored file is cut off, keeping no rows, instead of waiting for ever', async () => {
    const batchId = await uploadFile(actor, contactList(30_000));
    await analyseImport({ actor, batchId });
    await startDryRun({ actor, batchId, mapping: STANDARD_MAPPING });
    // The dry run's first read of the file waits behind this lock; its backend is then killed.
    const holder = await pgPool().connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE import_file_chunks IN ACCESS EXCLUSIVE MODE');
      const running = runDryRun({ tenantId: actor.tenantId, batchId });
      let killed = false;
      for (let tries = 0; !killed && tries < 200; tries += 1) {
        const { rows } = await holder.query<{ killed: boolean }>(
          `SELECT pg_terminate_backend(pid) AS killed FROM pg_locks
            WHERE relation = 'import_file_chunks'::regclass AND NOT granted`,
        );
        killed = rows.some((r) => r.killed);
        if (!killed) await new Promise((r) => setTimeout(r, 25));
      }
      expect(killed).toBe(true);
      await holder.query('ROLLBACK');
      await running;
    } finally {
      holder.release();
    }
    expect(await batchState(batchId)).toMatchObject({ status: 'FAILED', error: UNEXPECTED_DRY_RUN_FAILURE });
    expect(await db().importRow.count({ where: { batchId } })).toBe(0);

    expect((await dryRun(batchId)).status).toBe(202);
    expect(await settled(batchId)).toMatchObject({ status: 'ANALYSED', createCount: 30_000 });
  }, 60_000);

  it('never fails a dry run started after a failed one whose clean-up the database refused', async () => {
    const batchId = await uploadFile(actor, contactList(3));
    await analyseImport({ actor, batchId });
    await startDryRun({ actor, batchId, mapping: STANDARD_MAPPING });
    const database = pgPool();
    // Every time the batch is marked FAILED is logged. The row clean-up is refused while
    // the switch is on, and once the batch reads FAILED the refusal first waits for the
    // test's lock: that holds the failed run exactly between "failed" and its refused clean-up.
    await database.query(`CREATE TABLE failed_marks (seq serial)`);
    await database.query(`CREATE TABLE refusing (on_now boolean)`);
    await database.query(`INSERT INTO refusing VALUES (true)`);
    await database.query(`CREATE FUNCTION log_failed_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO failed_marks DEFAULT VALUES; RETURN NULL; END $$`);
    await database.query(`CREATE TRIGGER log_failed_mark AFTER UPDATE ON import_batches FOR EACH ROW
      WHEN (NEW.status = 'FAILED') EXECUTE FUNCTION log_failed_mark()`);
    await database.query(`CREATE FUNCTION refuse_clean_up() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE refuse boolean := (SELECT on_now FROM refusing);
      BEGIN
        IF refuse THEN
          IF EXISTS (SELECT 1 FROM import_batches WHERE id = '${batchId}' AND status = 'FAILED') THEN
            PERFORM pg_advisory_xact_lock(4242);
          END IF;
          RAISE EXCEPTION 'write refused by the test';
        END IF;
        RETURN NULL;
      END $$`);
    await database.query(`CREATE TRIGGER refuse_clean_up BEFORE DELETE ON import_rows FOR EACH STATEMENT
      EXECUTE FUNCTION refuse_clean_up()`);
    const holder = await database.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(4242)');
      const failing = runDryRunInWorker({ tenantId: actor.tenantId, batchId });
      const waitFor = async (sql: string) => {
        for (let tries = 0; tries < 400; tries += 1) {
          if ((await holder.query<{ yes: boolean }>(sql)).rows[0]?.yes) return;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error(`never saw: ${sql}`);
      };
      await waitFor(`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted) AS yes`);
      await holder.query('UPDATE refusing SET on_now = false');
      // The next dry run is asked for while the failed one is still finishing: it either
      // waits for that run to end or, if the batch already reads FAILED, starts at once.
      const again = dryRun(batchId);
      await waitFor(
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted)
             OR EXISTS (SELECT 1 FROM import_batches WHERE id = '${batchId}' AND status = 'ANALYSING') AS yes`,
      );
      await holder.query('SELECT pg_advisory_unlock(4242)');
      await failing;
      expect((await again).status).toBe(202);
      expect(await settled(batchId)).toMatchObject({ status: 'ANALYSED', createCount: 3, error: null });
      expect(await db().importRow.count({ where: { batchId } })).toBe(3);
      expect((await database.query('SELECT count(*)::int AS n FROM failed_marks')).rows[0].n).toBe(1);
    } finally {
      holder.release();
      await database.query('DROP TRIGGER IF EXISTS refuse_clean_up ON import_rows');
      await database.query('DROP TRIGGER IF EXISTS log_failed_mark ON import_batches');
      await database.query('DROP TABLE IF EXISTS failed_marks, refusing');
    }
  }, 60_000);

  it('marks a dry run the database stops FAILED, refuses to commit it, and lets it run again', async () => {
    const batchId = await uploadFile(actor, contactList(3));
    await analyseImport({ actor, batchId });
    await refuseWrites('refuse_row_cleanup BEFORE DELETE ON import_rows FOR EACH STATEMENT');

    expect((await dryRun(batchId)).status).toBe(202);
    expect(await settled(batchId)).toMatchObject({
      status: 'FAILED',
      error: 'The dry run failed unexpectedly. Try again; if it keeps failing, check the file.',
    });
    expect((await commit(batchId)).status).toBe(409);

    await allowWrites();
    expect((await dryRun(batchId)).status).toBe(202);
    expect(await settled(batchId)).toEqual({ status: 'ANALYSED', createCount: 3, committedRows: 0, error: null });
  });
});

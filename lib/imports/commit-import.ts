import 'server-only';
import type pg from 'pg';
import { pgPool } from '../db/pg-pool';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { formatCount } from '../format/number';

// One chunk of accepted rows becomes contacts, lineage, consent records and
// "applied" marks in a single statement inside one transaction: a chunk is either
// wholly applied or not at all, so a commit stopped at any point resumes where it
// stopped, and the unique (tenant, phone) key means no contact is ever duplicated.
const APPLY_CHUNK = `
WITH src AS (
  SELECT r."rowNumber", r."phoneE164", r.raw->'contact' AS c, COALESCE((r.raw->>'consentChanged')::boolean, false) AS "consentChanged"
  FROM import_rows r
  WHERE r."batchId" = $1 AND r."tenantId" = $2 AND r."rowNumber" >= $3 AND r."rowNumber" < $3 + $6
    AND NOT r.applied AND r.decision IN ('CREATE', 'UPDATE')
    AND NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE d."tenantId" = $2 AND d."phoneE164" = r."phoneE164")
),
up AS (
  INSERT INTO contacts (id, "tenantId", "phoneE164", "firstName", "lastName", email, tags, "customFields",
                        "consentStatus", "consentSource", "consentAt", "timeZone", state, postcode, "createdAt", "updatedAt")
  SELECT gen_random_uuid(), $2, src."phoneE164", c->>'firstName', c->>'lastName', c->>'email',
         ARRAY(SELECT jsonb_array_elements_text(c->'tags')), COALESCE(c->'customFields', '{}'::jsonb),
         (c->>'consentStatus')::"ConsentStatus", c->>'consentSource', COALESCE((c->>'consentAt')::timestamptz, now()),
         c->>'timeZone', c->>'state', c->>'postcode', now(), now()
  FROM src
  ON CONFLICT ("tenantId", "phoneE164") DO UPDATE SET
    "firstName" = COALESCE(EXCLUDED."firstName", contacts."firstName"),
    "lastName" = COALESCE(EXCLUDED."lastName", contacts."lastName"),
    email = COALESCE(EXCLUDED.email, contacts.email),
    tags = contacts.tags || ARRAY(SELECT t FROM unnest(EXCLUDED.tags) t WHERE NOT t = ANY(contacts.tags)),
    "customFields" = contacts."customFields" || EXCLUDED."customFields",
    "timeZone" = COALESCE(EXCLUDED."timeZone", contacts."timeZone"),
    state = COALESCE(EXCLUDED.state, contacts.state),
    postcode = COALESCE(EXCLUDED.postcode, contacts.postcode),
    -- Consent moves only where the user allowed it (or there was none), and never for an opted-out contact.
    "consentStatus" = CASE WHEN contacts."optedOutAt" IS NULL AND ($4 OR contacts."consentStatus" = 'UNKNOWN')
                           THEN EXCLUDED."consentStatus" ELSE contacts."consentStatus" END,
    "consentSource" = CASE WHEN contacts."optedOutAt" IS NULL AND ($4 OR contacts."consentStatus" = 'UNKNOWN')
                                AND EXCLUDED."consentStatus" <> contacts."consentStatus"
                           THEN EXCLUDED."consentSource" ELSE contacts."consentSource" END,
    "consentAt" = CASE WHEN contacts."optedOutAt" IS NULL AND ($4 OR contacts."consentStatus" = 'UNKNOWN')
                            AND EXCLUDED."consentStatus" <> contacts."consentStatus"
                       THEN EXCLUDED."consentAt" ELSE contacts."consentAt" END,
    "updatedAt" = now()
  RETURNING id, "phoneE164", (xmax = 0) AS created
),
lineage AS (
  INSERT INTO contact_imports ("tenantId", "contactId", "batchId", action, "createdAt")
  SELECT $2, up.id, $1, (CASE WHEN up.created THEN 'CREATED' ELSE 'UPDATED' END)::"LineageAction", now() FROM up
  ON CONFLICT DO NOTHING
),
consent AS (
  INSERT INTO consent_events ("tenantId", "contactId", action, status, source, "actorUserId", "importBatchId", details, "occurredAt")
  SELECT $2, up.id, (CASE WHEN up.created THEN 'GRANTED' ELSE 'CHANGED' END)::"ConsentAction", (src.c->>'consentStatus')::"ConsentStatus",
         'import', $5, $1, jsonb_build_object('consentSource', src.c->>'consentSource', 'consentAt', src.c->>'consentAt'), now()
  FROM up JOIN src USING ("phoneE164")
  WHERE src."consentChanged"
),
marked AS (
  UPDATE import_rows r SET applied = true
  FROM src JOIN up USING ("phoneE164")
  -- The range bound lets the join read only this range's rows: nested loops are off, so
  -- without it each range would scan the whole batch and a commit would grow quadratically.
  WHERE r."batchId" = $1 AND r."tenantId" = $2 AND r."rowNumber" >= $3 AND r."rowNumber" < $3 + $6
    AND r."rowNumber" = src."rowNumber"
  RETURNING r."rowNumber"
)
SELECT count(*)::int AS applied FROM marked`;

// The pool's fourth connection holds the batch's lock.
const COMMIT_WORKERS = 3;

export interface CommitImportOptions {
  tenantId: string;
  batchId: string;
  actorUserId: string | null;
  chunkRows?: number;
}

/**
 * Applies a dry-run batch: exactly its CREATE and UPDATE rows, one range of row
 * numbers at a time from the first row not yet applied, so a resumed commit skips
 * what is done without re-reading it. Returns when every accepted row is applied;
 * a commit that fails marks its batch FAILED with what to do next, then throws.
 */
export async function commitImport({
  tenantId,
  batchId,
  actorUserId,
  chunkRows = 5000,
}: CommitImportOptions): Promise<void> {
  const db = pgPool();
  const lockKey = `import-commit:${batchId}`;
  let guard: pg.PoolClient | undefined;
  let locked = false;
  try {
    const { rows } = await db.query<{ status: string; overwriteConsent: boolean }>(
      `UPDATE import_batches SET status = 'COMMITTING' WHERE id = $1 AND "tenantId" = $2 AND status IN ('ANALYSED', 'COMMITTING')
       RETURNING status, "overwriteConsent"`,
      [batchId, tenantId],
    );
    const batch = rows[0];
    if (!batch) throw new AppError('conflict', 'This import cannot be committed: run its dry run first.');
    // One commit per batch at a time: the lock lives with this session, so a commit
    // that dies releases it and can be resumed at once.
    guard = await db.connect();
    const { rows: lock } = await guard.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
      lockKey,
    ]);
    locked = lock[0]?.ok ?? false;
    if (!locked) return;
    await applyAcceptedRows({ tenantId, batchId, actorUserId, chunkRows, overwriteConsent: batch.overwriteConsent });
  } catch (error) {
    // Recorded while the lock is still held, so a resume cannot start before the batch says it stopped.
    await recordCommitFailure(tenantId, batchId).catch((failure) =>
      console.error('[imports] could not record a failed commit', failure),
    );
    throw error;
  } finally {
    try {
      if (locked) await guard?.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    } finally {
      guard?.release();
    }
  }
}

async function recordCommitFailure(tenantId: string, batchId: string): Promise<void> {
  const db = pgPool();
  const { rows } = await db.query<{ saved: number; accepted: number }>(
    `SELECT "committedRows" AS saved, "createCount" + "updateCount" AS accepted FROM import_batches
     WHERE id = $1 AND "tenantId" = $2 AND status = 'COMMITTING'`,
    [batchId, tenantId],
  );
  if (!rows[0]) return;
  await db.query(
    `UPDATE import_batches SET status = 'FAILED', error = $3 WHERE id = $1 AND "tenantId" = $2 AND status = 'COMMITTING'`,
    [batchId, tenantId, commitFailureMessage(rows[0])],
  );
}

// Says how far the commit got and the ways on, never the database's own words.
function commitFailureMessage({ saved, accepted }: { saved: number; accepted: number }): string {
  const after =
    'or change the mapping and run a new dry run. If it keeps stopping, ask an administrator to check the server log.';
  if (saved === 0)
    return `The commit stopped before saving any of the ${formatCount(accepted)} contacts. Resume the commit to save them, ${after}`;
  return `The commit stopped after saving ${formatCount(saved)} of ${formatCount(accepted)} contacts; the others were not saved. Resume the commit to save the rest, ${after}`;
}

async function applyAcceptedRows({
  tenantId,
  batchId,
  actorUserId,
  chunkRows,
  overwriteConsent,
}: {
  tenantId: string;
  batchId: string;
  actorUserId: string | null;
  chunkRows: number;
  overwriteConsent: boolean;
}): Promise<void> {
  const db = pgPool();
  const { rows: bounds } = await db.query<{ first: number | null; last: number | null }>(
    `SELECT min("rowNumber") AS first, max("rowNumber") AS last FROM import_rows
     WHERE "batchId" = $1 AND "tenantId" = $2 AND NOT applied AND decision IN ('CREATE', 'UPDATE')`,
    [batchId, tenantId],
  );
  const { first, last } = bounds[0] ?? { first: null, last: null };
  if (first !== null && last !== null) {
    // Ranges hold distinct rows and phones, so a few run side by side
    // and PostgreSQL can use more than one core.
    let next = first;
    // A failed range stops the others taking more, and all of them finish before the
    // failure is recorded and the lock released: a resume must never run beside them.
    let stopped = false;
    const worker = async () => {
      for (let from = next; from <= last && !stopped; from = next) {
        next += chunkRows;
        try {
          await applyRange({ tenantId, batchId, actorUserId, overwriteConsent, from, chunkRows });
        } catch (error) {
          stopped = true;
          throw error;
        }
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: COMMIT_WORKERS }, worker));
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
  await db.query(
    `UPDATE import_batches b SET status = 'COMMITTED', "committedAt" = now()
     WHERE b.id = $1 AND b."tenantId" = $2 AND b.status = 'COMMITTING'
       AND NOT EXISTS (SELECT 1 FROM import_rows r WHERE r."batchId" = b.id AND NOT r.applied AND r.decision IN ('CREATE', 'UPDATE')
                       AND NOT EXISTS (SELECT 1 FROM dnc_entries d WHERE d."tenantId" = $2 AND d."phoneE164" = r."phoneE164"))`,
    [batchId, tenantId],
  );
}

async function applyRange({
  tenantId,
  batchId,
  actorUserId,
  overwriteConsent,
  from,
  chunkRows,
}: {
  tenantId: string;
  batchId: string;
  actorUserId: string | null;
  overwriteConsent: boolean;
  from: number;
  chunkRows: number;
}): Promise<void> {
  await inTransaction(async (client) => {
    // The chunk's CTEs join thousands of rows on phone; a nested loop there is quadratic.
    await client.query('SET LOCAL enable_nestloop = off');
    const result = await client.query<{ applied: number }>(APPLY_CHUNK, [
      batchId,
      tenantId,
      from,
      overwriteConsent,
      actorUserId,
      chunkRows,
    ]);
    const count = result.rows[0]?.applied ?? 0;
    if (count)
      await client.query(
        'UPDATE import_batches SET "committedRows" = "committedRows" + $3 WHERE id = $1 AND "tenantId" = $2',
        [batchId, tenantId, count],
      );
  });
}

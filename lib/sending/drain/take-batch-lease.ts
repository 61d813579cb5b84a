import 'server-only';
import { hostname } from 'node:os';
import type { Tx } from '../../db/transaction';

/**
 * Long enough that a healthy drain renews it many times over, short enough that a
 * dead drain's jobs are taken over within minutes.
 */
export const BATCH_LEASE_MS = 90_000;

export interface TakeBatchLeaseOptions {
  ttlMs: number;
}

/** A batch's lease: its id, and the latest moment (on this process's monotonic clock) it is surely still held. */
export interface TakenLease {
  id: bigint;
  heldUntil: number;
}

/**
 * Opens a lease for the batch being claimed, in the claim's transaction. The
 * lease's expiry is the database's clock; the drain's own bound starts before the
 * insert, so it can only be earlier than the database's.
 */
export async function takeBatchLease(tx: Tx, { ttlMs }: TakeBatchLeaseOptions): Promise<TakenLease> {
  const startedAt = performance.now();
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO send_leases (owner, "expiresAt") VALUES ($1, clock_timestamp() + $2::int * interval '1 millisecond') RETURNING id`,
    [`${hostname()}:${process.pid}`, ttlMs],
  );
  return { id: BigInt(rows[0].id), heldUntil: startedAt + ttlMs };
}

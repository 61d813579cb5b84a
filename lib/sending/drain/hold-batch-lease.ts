import 'server-only';
import { pgPool } from '../../db/pg-pool';
import type { TakenLease } from './take-batch-lease';

export interface HoldBatchLeaseOptions {
  lease: TakenLease;
  ttlMs: number;
}

/** A lease being renewed while its batch is handed over. */
export interface LeaseHold {
  /**
   * Whether a provider call may start now: the lease is ours for longer than any
   * call can take (the last third of its life is kept free), so recovery, which
   * waits for it to expire, can never re-queue a message still on its way.
   */
  maySend(): boolean;
  stop(): void;
}

/**
 * Renews the lease six times per life while the drain works. A renewal of an
 * expired lease fails for good (recovery may already own its jobs); a renewal the
 * database does not answer leaves the old bound, which runs out by itself.
 */
export function holdBatchLease({ lease, ttlMs }: HoldBatchLeaseOptions): LeaseHold {
  let heldUntil = lease.heldUntil;
  let expired = false;
  let renewing = false;
  const renew = async () => {
    if (renewing || expired) return;
    renewing = true;
    const startedAt = performance.now();
    try {
      const { rowCount } = await pgPool().query(
        `UPDATE send_leases SET "expiresAt" = clock_timestamp() + $2::int * interval '1 millisecond'
         WHERE id = $1::bigint AND "expiresAt" > clock_timestamp()`,
        [lease.id.toString(), ttlMs],
      );
      if (rowCount) heldUntil = startedAt + ttlMs;
      else expired = true;
    } catch (error) {
      console.error(
        `[drain] could not renew the lease on batch ${lease.id}:`,
        error instanceof Error ? error.message : error,
      );
    } finally {
      renewing = false;
    }
  };
  const timer = setInterval(renew, ttlMs / 6);
  return {
    maySend: () => !expired && performance.now() < heldUntil - ttlMs / 3,
    stop: () => clearInterval(timer),
  };
}

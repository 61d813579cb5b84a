import 'server-only';
import type { Queryable } from './queryable';
import { pgPool } from './pg-pool';

declare const IN_TRANSACTION: unique symbol;

/**
 * One connection inside BEGIN … COMMIT, handed out by `inTransaction`. Every
 * domain write takes one, so writes that belong together (a send outcome and the
 * opt-out it causes, a change and its audit row) commit or roll back together.
 * A pool is a `Queryable` but not a `Tx`: a write cannot be handed one by mistake.
 */
export interface Tx extends Queryable {
  readonly [IN_TRANSACTION]: true;
}

/** Runs `work` in one transaction on one connection; rolls back if it throws. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query('BEGIN');
    const result = await work(client as unknown as Tx);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

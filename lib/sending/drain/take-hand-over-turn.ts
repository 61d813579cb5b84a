import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { pgPool } from '../../db/pg-pool';

export interface TakeHandOverTurnOptions {
  /** On the performance.now() clock: stop waiting for the turn at this moment. */
  waitUntil: number;
  /** On the performance.now() clock: the turn passes on at this moment, whatever becomes of the run. */
  endsAt: number;
}

/** The right to hand messages to the provider, held until `release` or the turn's end. */
export interface HandOverTurn {
  release(): Promise<void>;
}

const TURN_LOCK = 'send-hand-over-turn';
const POLL_MS = 50;

/**
 * Waits until no other scheduled run is handing messages over, then takes the turn;
 * null when it did not come by `waitUntil`. One pipe at a time keeps each sender at
 * its pace: two runs' pipes would each pace a number at its full rate. The turn is a
 * session advisory lock on a connection of its own, so a run that dies lets go when its
 * connection closes, and a timer lets go at `endsAt` even if the run is stuck.
 */
export async function takeHandOverTurn({ waitUntil, endsAt }: TakeHandOverTurnOptions): Promise<HandOverTurn | null> {
  const client = await pgPool().connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        TURN_LOCK,
      ]);
      if (rows[0].ok) break;
      if (performance.now() + POLL_MS >= waitUntil) {
        client.release();
        return null;
      }
      await sleep(POLL_MS);
    }
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  let letGo: Promise<void> | null = null;
  const passOn = () =>
    (letGo ??= client.query('SELECT pg_advisory_unlock(hashtext($1))', [TURN_LOCK]).then(
      () => client.release(),
      (error: Error) => client.release(error),
    ));
  const timer = setTimeout(passOn, Math.max(0, endsAt - performance.now()));
  return {
    release: () => {
      clearTimeout(timer);
      return passOn();
    },
  };
}

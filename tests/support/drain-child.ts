import { pgPool } from '../../lib/db/pg-pool';
import { simulatorProvider } from '../../lib/providers/simulator-provider';
import type { SmsProvider } from '../../lib/providers/sms-provider';
import { postgresRateLimitStore } from '../../lib/rate-limit/postgres-store';
import { drainSendQueue } from '../../lib/sending/drain/drain-send-queue';

// A drain in its own process, so a test can kill or stop it at a chosen point.
// After the simulator has accepted `acceptBeforeFreeze` messages of a batch it
// prints FROZEN, then, by `mode`:
//   hang       waits forever inside the next call (handed over, not recorded);
//   stall:<ms> the next call takes that long, the drain staying alive and renewing its lease;
//   pause:<ms> the last accepted call takes that long to return, for a test to SIGSTOP the process in.
// It prints its report as JSON when the drain ends.
const [clockIso, acceptBeforeFreeze, mode = 'hang', leaseMs = '90000'] = process.argv.slice(2);
const [kind, ms] = mode.split(':');
const simulator = simulatorProvider({ db: pgPool(), callbackDelayMs: 0, fate: () => ({ status: 'delivered' }) });
const limit = Number(acceptBeforeFreeze);
let accepted = 0;
let frozen = false;
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));
const freezing: SmsProvider = {
  ...simulator,
  async send(message) {
    if (accepted === limit && kind !== 'pause' && !frozen) {
      frozen = true;
      process.stdout.write('FROZEN\n');
      await (kind === 'stall' ? sleep(Number(ms)) : new Promise(() => {}));
    }
    accepted += 1;
    const outcome = await simulator.send(message);
    if (accepted === limit && kind === 'pause') {
      process.stdout.write('FROZEN\n');
      await sleep(Number(ms));
    }
    return outcome;
  },
};
const report = await drainSendQueue({
  provider: freezing,
  rateLimits: postgresRateLimitStore(),
  clock: () => new Date(clockIso),
  batchSize: 20,
  sendConcurrency: 1,
  leaseMs: Number(leaseMs),
});
process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
process.exit(0);

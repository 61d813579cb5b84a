import { pgPool } from '../../lib/db/pg-pool';
import { simulatorProvider } from '../../lib/providers/simulator-provider';
import type { SmsProvider } from '../../lib/providers/sms-provider';
import { postgresRateLimitStore } from '../../lib/rate-limit/postgres-store';
import { drainSendQueue } from '../../lib/sending/drain/drain-send-queue';

// A drain in its own process, so a test can SIGKILL it at a chosen point: after
// the simulator has accepted `acceptBeforeFreeze` messages of a batch, it prints
// FROZEN and waits forever — handed over, not yet recorded.
const [clockIso, acceptBeforeFreeze] = process.argv.slice(2);
const simulator = simulatorProvider({ db: pgPool(), callbackDelayMs: 0, fate: () => ({ status: 'delivered' }) });
let accepted = 0;
const freezing: SmsProvider = {
  ...simulator,
  async send(message) {
    if (accepted >= Number(acceptBeforeFreeze)) {
      process.stdout.write('FROZEN\n');
      await new Promise(() => {});
    }
    accepted += 1;
    return simulator.send(message);
  },
};
await drainSendQueue({
  provider: freezing,
  rateLimits: postgresRateLimitStore(),
  clock: () => new Date(clockIso),
  batchSize: 20,
  sendConcurrency: 1,
});
process.exit(0);

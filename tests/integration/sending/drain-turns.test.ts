import { beforeEach, describe, expect, it } from 'vitest';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainInTurn } from '@/lib/sending/drain/drain-in-turn';
import { takeHandOverTurn } from '@/lib/sending/drain/take-hand-over-turn';
import {
  addContacts,
  emptyQueueAndSender,
  jobStates,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
} from '../../support/sending-fixtures';

const rateLimits = postgresRateLimitStore();
const clock = () => MIDDAY_SYDNEY;

let tenantId: string;
let numberId: string;

beforeEach(async () => {
  ({ tenantId, numberId } = await emptyQueueAndSender());
});

describe('scheduled runs taking turns at the provider', () => {
  it('passes the turn on when its time is up even if the holder never lets go, and refuses a run that cannot wait that long', async () => {
    const start = performance.now();
    const first = await takeHandOverTurn({ waitUntil: start + 1000, endsAt: start + 1500 });
    expect(first).not.toBeNull();

    expect(await takeHandOverTurn({ waitUntil: performance.now() + 300, endsAt: performance.now() + 5000 })).toBeNull();
    const second = await takeHandOverTurn({ waitUntil: start + 10_000, endsAt: start + 20_000 });
    expect(second).not.toBeNull();
    expect(performance.now() - start).toBeGreaterThanOrEqual(1450);

    await second!.release();
    await first!.release();
    const third = await takeHandOverTurn({ waitUntil: performance.now() + 300, endsAt: performance.now() + 5000 });
    expect(third).not.toBeNull();
    await third!.release();
  });

  it('a run started while another has the turn sends nothing until that turn ends, then sends every job once', async () => {
    await addContacts(tenantId, 300);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const sentAt: number[] = [];
    const provider = recordingProvider(() => {
      sentAt.push(performance.now());
      return { ok: true, providerMessageId: '', status: 'queued' };
    });
    const earlier = await takeHandOverTurn({ waitUntil: performance.now() + 1000, endsAt: performance.now() + 1200 });
    const turnEnds = performance.now() + 1200;

    const report = await drainInTurn({ provider, rateLimits, clock, timeBudgetMs: 9000, handOverBudgetMs: 10_000 });

    expect(Math.min(...sentAt)).toBeGreaterThanOrEqual(turnEnds - 50);
    expect(report.accepted).toBe(300);
    expect(new Set(provider.sent.map((s) => s.jobId.toString())).size).toBe(300);
    expect(await jobStates(campaignId)).toEqual({ SENDING: 300 });
    await earlier!.release();
  });

  it('a run whose whole budget passes in another run’s turn leaves its jobs queued and says why', async () => {
    await addContacts(tenantId, 20);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider();
    const earlier = await takeHandOverTurn({ waitUntil: performance.now() + 1000, endsAt: performance.now() + 60_000 });

    const report = await drainInTurn({ provider, rateLimits, clock, timeBudgetMs: 5500, handOverBudgetMs: 6000 });

    expect(provider.sent).toHaveLength(0);
    expect(report.stoppedBecause).toBe('another run was handing messages over for the whole of this one');
    expect(report.moreDue).toBe(true);
    expect(await jobStates(campaignId)).toEqual({ QUEUED: 20 });
    await earlier!.release();
  });
});

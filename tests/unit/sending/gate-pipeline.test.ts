import { describe, expect, it } from 'vitest';
import { ALL_AUSTRALIAN_ZONES } from '@/lib/contacts/contact-time-zone';
import { HELD_UNTIL_RESUMED } from '@/lib/sending/gates/gate';
import type {
  CampaignPolicy,
  CandidateJob,
  GateContext,
  GateDecision,
  GateJob,
  GateName,
  SendingNumberPolicy,
  TenantPolicy,
} from '@/lib/sending/gates/gate';
import { GATES, runGates } from '@/lib/sending/gates/pipeline';
import { rateLimitsGate } from '@/lib/sending/gates/rate-limits';
import { simulatedRateLimitStore } from '@/lib/sending/simulated-rate-limit-store';
import { frequencyKeyString, type RecentMessage } from '@/lib/sending/frequency-ledger';
import { numberDayKey, spendKeys, type UsageKey } from '@/lib/sending/usage-ledger';
import { inMemoryUsageLedger, type InMemoryUsageLedger } from '../../support/in-memory-usage-ledger';

// The gate pipeline is pure given its context: these tests give it policies,
// the dry run's in-memory rate windows and an in-memory usage ledger — no database.

/** 12:00 in Sydney (AEDT) on a Wednesday: daytime everywhere in Australia, at the start of a minute. */
const MIDDAY_SYDNEY = new Date('2026-11-25T01:00:00.000Z');
/** 22:00 that evening in Sydney: quiet hours there, 19:00 in Perth. */
const NIGHT_SYDNEY = new Date('2026-11-25T11:00:00.000Z');
/** Midnight starting Thursday 26 November in Sydney. */
const NEXT_DAY_SYDNEY = new Date('2026-11-25T13:00:00.000Z');
/** The next minute's rate windows open then. */
const NEXT_MINUTE = new Date('2026-11-25T01:01:00.000Z');
const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');
const SYDNEY = 'Australia/Sydney';
const TENANT = 'tenant-a';
const CAMPAIGN = 'campaign-a';

function tenantPolicy(overrides: Partial<TenantPolicy> = {}): TenantPolicy {
  return {
    tenantId: TENANT,
    paused: false,
    pausedReason: null,
    timeZone: SYDNEY,
    quietHours: { start: 21 * 60, end: 9 * 60 },
    tenantRatePerMinute: 100,
    numberRatePerMinute: 10,
    dailyBudgetMicros: null,
    monthlyBudgetMicros: null,
    frequencyCap: null,
    ...overrides,
  };
}

/** An established number (past its warm-up) unless told otherwise. */
function sendingNumber(id: string, value: string, overrides: Partial<SendingNumberPolicy> = {}): SendingNumberPolicy {
  return {
    id,
    value,
    kind: 'LONG_CODE',
    warmupStartedAt: LONG_AGO,
    dailyCap: 100_000,
    messagingServiceSid: null,
    ...overrides,
  };
}

const NUMBER_A = sendingNumber('number-a', '+61400000001');

let nextJobId = 1n;

/** A sendable job of the campaign, frozen so that a gate writing into it would throw. */
function candidate(overrides: Partial<CandidateJob> = {}): CandidateJob {
  const id = nextJobId++;
  return Object.freeze({
    id,
    tenantId: TENANT,
    campaignId: CAMPAIGN,
    toE164: `+614${String(id).padStart(8, '0')}`,
    consentStatus: 'EXPLICIT',
    optedOut: false,
    onDnc: false,
    suppressedUntil: null,
    suppressionReason: null,
    zones: Object.freeze([SYDNEY]),
    costMicros: 50_000,
    ...overrides,
  });
}

function candidates(count: number, overrides: Partial<CandidateJob> = {}): CandidateJob[] {
  return Array.from({ length: count }, () => candidate(overrides));
}

interface Setup {
  now?: Date;
  tenant?: Partial<TenantPolicy>;
  campaign?: Partial<CampaignPolicy>;
  /** What earlier sends used in the current periods. */
  used?: { key: UsageKey; amount: number }[];
  /** What every person was handed lately, for the frequency cap. */
  recent?: RecentMessage[];
}

function gateContext(setup: Setup = {}): GateContext & { usage: InMemoryUsageLedger } {
  const now = setup.now ?? MIDDAY_SYDNEY;
  const campaign: CampaignPolicy = {
    id: CAMPAIGN,
    tenantId: TENANT,
    name: 'Spring Sale',
    status: 'RUNNING',
    numbers: [NUMBER_A],
    ...setup.campaign,
  };
  return {
    now,
    tenants: new Map([[TENANT, tenantPolicy(setup.tenant)]]),
    campaigns: new Map([[CAMPAIGN, campaign]]),
    rateLimits: simulatedRateLimitStore(now),
    usage: inMemoryUsageLedger(setup.used),
    frequency: {
      recent: async (keys) =>
        new Map(
          setup.recent ? keys.map((k) => [frequencyKeyString(k.tenantId, k.phoneE164), setup.recent!] as const) : [],
        ),
    },
  };
}

async function decide(jobs: readonly CandidateJob[], context: GateContext): Promise<GateDecision[]> {
  return (await runGates(jobs, context)).map(({ decision }) => decision);
}

const spendToday = spendKeys(TENANT, MIDDAY_SYDNEY, SYDNEY);
const numberToday = (numberId: string) => numberDayKey(TENANT, numberId, MIDDAY_SYDNEY, SYDNEY);

function passedFrom(sendingNumberId: string): GateDecision {
  return { gate: null, verdict: { kind: 'pass' }, sendingNumberId };
}

describe('the order of the gates', () => {
  it('is the design’s: pause, budget, DNC, suppression, frequency cap, quiet hours, rate limits, warm-up', () => {
    expect(GATES.map((gate) => gate.name)).toEqual([
      'pause',
      'budget',
      'dnc',
      'suppression',
      'frequency_cap',
      'quiet_hours',
      'rate_limit',
      'warm_up',
    ]);
  });

  type Stoppable = Exclude<GateName, 'warm_up'>;
  interface Scenario {
    now: Date;
    tenant: Partial<TenantPolicy>;
    job: Partial<CandidateJob>;
    numberWindowFull: boolean;
    recent?: RecentMessage[];
  }
  /** How to make each gate stop the job, every way independent of the others. */
  const STOP: Record<Stoppable, (s: Scenario) => void> = {
    pause: (s) => {
      s.tenant.paused = true;
    },
    budget: (s) => {
      s.tenant.dailyBudgetMicros = 0;
    },
    dnc: (s) => {
      s.job.optedOut = true;
    },
    suppression: (s) => {
      s.job.suppressedUntil = new Date('2027-02-23T00:00:00.000Z');
      s.job.suppressionReason = 'invalid number';
    },
    frequency_cap: (s) => {
      s.tenant.frequencyCap = { messages: 1, hours: 12 };
      s.recent = [{ campaignName: 'Winter Sale', at: new Date(s.now.getTime() - 3_600_000) }];
    },
    quiet_hours: (s) => {
      s.now = NIGHT_SYDNEY;
    },
    rate_limit: (s) => {
      s.numberWindowFull = true;
    },
  };

  async function decideStoppedBy(gates: readonly Stoppable[]): Promise<GateDecision> {
    const scenario: Scenario = { now: MIDDAY_SYDNEY, tenant: {}, job: {}, numberWindowFull: false };
    for (const gate of gates) STOP[gate](scenario);
    const context = gateContext({ now: scenario.now, tenant: scenario.tenant, recent: scenario.recent });
    if (scenario.numberWindowFull)
      await context.rateLimits.take(`send:number:${NUMBER_A.id}`, { limit: 10, windowSeconds: 60 }, 10);
    const [decision] = await decide([candidate(scenario.job)], context);
    return decision;
  }

  it.each<{ earlier: Stoppable; later: Stoppable }>([
    { earlier: 'pause', later: 'budget' },
    { earlier: 'budget', later: 'dnc' },
    { earlier: 'dnc', later: 'suppression' },
    { earlier: 'suppression', later: 'frequency_cap' },
    { earlier: 'frequency_cap', later: 'quiet_hours' },
    { earlier: 'quiet_hours', later: 'rate_limit' },
  ])('reports a job both $earlier and $later would stop as stopped by $earlier', async ({ earlier, later }) => {
    expect((await decideStoppedBy([later])).gate).toBe(later);
    expect((await decideStoppedBy([earlier, later])).gate).toBe(earlier);
  });

  it('reports a job every gate would stop as stopped by the first, and each next one as the failures are lifted in order', async () => {
    const order: Stoppable[] = ['pause', 'budget', 'dnc', 'suppression', 'frequency_cap', 'quiet_hours', 'rate_limit'];
    const reported: (GateName | null)[] = [];
    for (let first = 0; first <= order.length; first++) reported.push((await decideStoppedBy(order.slice(first))).gate);
    expect(reported).toEqual([...order, null]);
  });

  it('sends a job past a full rate window to warm-up when its number has no warm-up room left today, and warm-up holds it', async () => {
    const context = gateContext({
      campaign: { numbers: [{ ...NUMBER_A, dailyCap: 3 }] },
      used: [{ key: numberToday(NUMBER_A.id), amount: 3 }],
    });
    await context.rateLimits.take(`send:number:${NUMBER_A.id}`, { limit: 10, windowSeconds: 60 }, 10);
    const [decision] = await decide([candidate()], context);
    expect(decision.gate).toBe('warm_up');
  });
});

describe('gate 1, pause', () => {
  it('holds every job while the workspace’s kill switch is on, until it is lifted, saying why', async () => {
    const context = gateContext({ tenant: { paused: true, pausedReason: 'carrier complaint' } });
    expect(await decide([candidate()], context)).toEqual([
      {
        gate: 'pause',
        verdict: {
          kind: 'hold',
          until: HELD_UNTIL_RESUMED,
          reason: 'sending is stopped for the whole workspace: carrier complaint',
        },
        sendingNumberId: null,
      },
    ]);
  });

  it('holds the jobs of a paused campaign until staff resume it', async () => {
    const [decision] = await decide([candidate()], gateContext({ campaign: { status: 'PAUSED' } }));
    expect(decision).toMatchObject({
      gate: 'pause',
      verdict: { kind: 'hold', until: HELD_UNTIL_RESUMED, reason: 'campaign paused' },
    });
  });

  it('skips the jobs of a cancelled campaign for good', async () => {
    const [decision] = await decide([candidate()], gateContext({ campaign: { status: 'CANCELLED' } }));
    expect(decision).toEqual({
      gate: 'pause',
      verdict: { kind: 'skip', reason: 'campaign cancelled' },
      sendingNumberId: null,
    });
  });

  it('lets the jobs of a running or scheduled campaign through', async () => {
    for (const status of ['RUNNING', 'SCHEDULED'] as const)
      expect(await decide([candidate()], gateContext({ campaign: { status } }))).toEqual([passedFrom(NUMBER_A.id)]);
  });
});

describe('gate 2, budget', () => {
  it('counts the jobs of one batch against the daily budget and holds those past it until the next local day', async () => {
    const context = gateContext({ tenant: { dailyBudgetMicros: 100_000 } });
    expect(await decide(candidates(3, { costMicros: 40_000 }), context)).toEqual([
      passedFrom(NUMBER_A.id),
      passedFrom(NUMBER_A.id),
      {
        gate: 'budget',
        verdict: { kind: 'hold', until: NEXT_DAY_SYDNEY, reason: 'daily budget of $0.10 reached' },
        sendingNumberId: null,
      },
    ]);
  });

  it('lets a cheaper job behind one that no longer fits use what is left', async () => {
    const context = gateContext({ tenant: { dailyBudgetMicros: 100_000 } });
    const decisions = await decide(
      [candidate({ costMicros: 80_000 }), candidate({ costMicros: 50_000 }), candidate({ costMicros: 20_000 })],
      context,
    );
    expect(decisions.map((d) => d.gate)).toEqual([null, 'budget', null]);
  });

  it('holds a job past the monthly budget until the next local month, counting what was spent before', async () => {
    const context = gateContext({
      tenant: { monthlyBudgetMicros: 1_000_000 },
      used: [{ key: spendToday.month, amount: 990_000 }],
    });
    const [decision] = await decide([candidate({ costMicros: 20_000 })], context);
    expect(decision.verdict).toEqual({
      kind: 'hold',
      until: new Date('2026-11-30T13:00:00.000Z'),
      reason: 'monthly budget of $1.00 reached',
    });
  });

  it('charges only the jobs that pass every gate, so the next batch sees what this one spent', async () => {
    const context = gateContext({ tenant: { dailyBudgetMicros: 100_000 } });
    await decide(
      [...candidates(2, { costMicros: 40_000 }), candidate({ costMicros: 40_000, optedOut: true })],
      context,
    );
    expect(context.usage.used(spendToday.day)).toBe(80_000);
    expect(context.usage.used(spendToday.month)).toBe(80_000);
    expect(context.usage.used(numberToday(NUMBER_A.id))).toBe(2);

    const [next] = await decide([candidate({ costMicros: 40_000 })], context);
    expect(next.gate).toBe('budget');
  });
});

describe('gate 3, DNC and consent', () => {
  it('skips a number on the do-not-contact list as opted out', async () => {
    expect(await decide([candidate({ onDnc: true })], gateContext())).toEqual([
      { gate: 'dnc', verdict: { kind: 'skip', reason: 'opted out' }, sendingNumberId: null },
    ]);
  });

  it('skips a contact who opted out', async () => {
    const [decision] = await decide([candidate({ optedOut: true })], gateContext());
    expect(decision).toMatchObject({ gate: 'dnc', verdict: { kind: 'skip', reason: 'opted out' } });
  });

  it('skips a contact with no consent on record, and sends to one with implied consent', async () => {
    const decisions = await decide(
      [candidate({ consentStatus: 'UNKNOWN' }), candidate({ consentStatus: 'IMPLIED' })],
      gateContext(),
    );
    expect(decisions).toEqual([
      { gate: 'dnc', verdict: { kind: 'skip', reason: 'no consent on record' }, sendingNumberId: null },
      passedFrom(NUMBER_A.id),
    ]);
  });
});

describe('gate 4, suppression', () => {
  it('skips a suppressed number, saying until when and why', async () => {
    const job = candidate({
      suppressedUntil: new Date('2027-02-23T00:00:00.000Z'),
      suppressionReason: 'invalid number',
    });
    expect(await decide([job], gateContext())).toEqual([
      {
        gate: 'suppression',
        verdict: { kind: 'skip', reason: 'suppressed until 2027-02-23: invalid number' },
        sendingNumberId: null,
      },
    ]);
  });

  it('sends to a number whose suppression has ended', async () => {
    const job = candidate({ suppressedUntil: new Date('2026-11-01T00:00:00.000Z'), suppressionReason: 'bounced' });
    expect(await decide([job], gateContext())).toEqual([passedFrom(NUMBER_A.id)]);
  });
});

describe('gate 5, quiet hours', () => {
  it('holds a job at night in the contact’s zone until 09:00 there', async () => {
    expect(await decide([candidate()], gateContext({ now: NIGHT_SYDNEY }))).toEqual([
      {
        gate: 'quiet_hours',
        verdict: {
          kind: 'hold',
          until: new Date('2026-11-25T22:00:00.000Z'),
          reason: 'quiet hours (21:00–09:00) in Australia/Sydney',
        },
        sendingNumberId: null,
      },
    ]);
  });

  it('holds a contact whose location is unknown until it is daytime everywhere in Australia', async () => {
    const [decision] = await decide([candidate({ zones: ALL_AUSTRALIAN_ZONES })], gateContext({ now: NIGHT_SYDNEY }));
    expect(decision).toMatchObject({
      gate: 'quiet_hours',
      verdict: {
        kind: 'hold',
        until: new Date('2026-11-26T01:00:00.000Z'),
        reason: 'quiet hours (21:00–09:00) in part of Australia (the contact’s location is unknown)',
      },
    });
  });

  it('sends at night to a contact whose own zone is in daytime', async () => {
    const [decision] = await decide([candidate({ zones: ['Europe/London'] })], gateContext({ now: NIGHT_SYDNEY }));
    expect(decision).toEqual(passedFrom(NUMBER_A.id));
  });
});

describe('gate 6, rate limits', () => {
  it('returns the sending number it chose in its verdict and leaves the jobs it was given as they were', async () => {
    const context = gateContext();
    const jobs: GateJob[] = candidates(2).map((job) => Object.freeze({ ...job, sendingNumberId: null }));
    expect(await rateLimitsGate.check(jobs, context)).toEqual([
      { kind: 'pass', sendingNumberId: NUMBER_A.id },
      { kind: 'pass', sendingNumberId: NUMBER_A.id },
    ]);
    expect(jobs.map((job) => job.sendingNumberId)).toEqual([null, null]);
  });

  it('puts the chosen number in the decision of a job every gate passed, beside the very candidate given', async () => {
    const job = candidate();
    const [gated] = await runGates([job], gateContext());
    expect(gated.candidate).toBe(job);
    expect(gated.decision).toEqual(passedFrom(NUMBER_A.id));
  });

  it('holds the jobs past a number’s per-minute limit until the next window', async () => {
    const decisions = await decide(candidates(3), gateContext({ tenant: { numberRatePerMinute: 2 } }));
    expect(decisions).toEqual([
      passedFrom(NUMBER_A.id),
      passedFrom(NUMBER_A.id),
      {
        gate: 'rate_limit',
        verdict: { kind: 'hold', until: NEXT_MINUTE, reason: 'rate limit: 2 messages a minute per sending number' },
        sendingNumberId: null,
      },
    ]);
  });

  it('spreads a batch over the campaign’s numbers, each up to its per-minute limit', async () => {
    const numberB = sendingNumber('number-b', '+61400000002');
    const context = gateContext({ tenant: { numberRatePerMinute: 2 }, campaign: { numbers: [NUMBER_A, numberB] } });
    const decisions = await decide(candidates(5), context);
    expect(decisions.map((d) => d.sendingNumberId)).toEqual([NUMBER_A.id, NUMBER_A.id, numberB.id, numberB.id, null]);
    expect(decisions[4].gate).toBe('rate_limit');
  });

  it('holds the jobs past the workspace’s per-minute limit until the next window, with no number', async () => {
    const decisions = await decide(candidates(3), gateContext({ tenant: { tenantRatePerMinute: 2 } }));
    expect(decisions[2]).toEqual({
      gate: 'rate_limit',
      verdict: { kind: 'hold', until: NEXT_MINUTE, reason: 'rate limit: 2 messages a minute for the workspace' },
      sendingNumberId: null,
    });
    expect(decisions.slice(0, 2)).toEqual([passedFrom(NUMBER_A.id), passedFrom(NUMBER_A.id)]);
  });

  it('holds the jobs of a campaign with no active sending number for five minutes', async () => {
    expect(await decide([candidate()], gateContext({ campaign: { numbers: [] } }))).toEqual([
      {
        gate: 'rate_limit',
        verdict: {
          kind: 'hold',
          until: new Date(MIDDAY_SYDNEY.getTime() + 5 * 60_000),
          reason: 'the campaign has no active sending number',
        },
        sendingNumberId: null,
      },
    ]);
  });
});

describe('gate 7, warm-up', () => {
  it('holds a new number’s jobs past its first day’s 50 until its next local day', async () => {
    const fresh = sendingNumber('number-new', '+61400000009', {
      warmupStartedAt: new Date('2026-11-24T22:00:00.000Z'),
    });
    const context = gateContext({
      campaign: { numbers: [fresh] },
      used: [{ key: numberToday(fresh.id), amount: 49 }],
    });
    expect(await decide(candidates(2), context)).toEqual([
      passedFrom(fresh.id),
      {
        gate: 'warm_up',
        verdict: {
          kind: 'hold',
          until: NEXT_DAY_SYDNEY,
          reason: 'warm-up: +61400000009 may send 50 messages on day 1 of its warm-up',
        },
        sendingNumberId: null,
      },
    ]);
  });

  it('holds an established number’s jobs past its daily cap', async () => {
    const capped = { ...NUMBER_A, dailyCap: 3 };
    const context = gateContext({
      campaign: { numbers: [capped] },
      used: [{ key: numberToday(capped.id), amount: 3 }],
    });
    const [decision] = await decide([candidate()], context);
    expect(decision.verdict).toEqual({
      kind: 'hold',
      until: NEXT_DAY_SYDNEY,
      reason: 'daily cap: +61400000001 may send 3 messages a day',
    });
  });

  it('counts each number’s day apart: the number with more room left takes jobs first, and a full number holds only its own', async () => {
    const warmA = sendingNumber('number-a', '+61400000001', { warmupStartedAt: new Date('2026-11-24T22:00:00.000Z') });
    const warmB = sendingNumber('number-b', '+61400000002', { warmupStartedAt: new Date('2026-11-24T22:00:00.000Z') });
    const context = gateContext({
      campaign: { numbers: [warmA, warmB] },
      used: [
        { key: numberToday(warmA.id), amount: 49 },
        { key: numberToday(warmB.id), amount: 48 },
      ],
    });
    const decisions = await decide(candidates(4), context);
    expect(decisions.slice(0, 3)).toEqual([passedFrom(warmB.id), passedFrom(warmB.id), passedFrom(warmA.id)]);
    expect(decisions[3]).toMatchObject({
      gate: 'warm_up',
      verdict: { kind: 'hold', reason: 'warm-up: +61400000001 may send 50 messages on day 1 of its warm-up' },
    });
    expect(context.usage.used(numberToday(warmA.id))).toBe(50);
    expect(context.usage.used(numberToday(warmB.id))).toBe(50);
  });

  it('follows the curve: 200 on a number’s third local day', async () => {
    const third = sendingNumber('number-3', '+61400000003', { warmupStartedAt: new Date('2026-11-22T22:00:00.000Z') });
    const context = gateContext({
      campaign: { numbers: [third] },
      used: [{ key: numberToday(third.id), amount: 200 }],
    });
    const [decision] = await decide([candidate()], context);
    expect(decision).toMatchObject({
      gate: 'warm_up',
      verdict: { reason: 'warm-up: +61400000003 may send 200 messages on day 3 of its warm-up' },
    });
  });
});

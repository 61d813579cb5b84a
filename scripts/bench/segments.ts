import { loadavg } from 'node:os';
import type { Actor } from '../../lib/auth/actor';
import { countAudience } from '../../lib/audiences/count-audience';
import { db, disconnectDb } from '../../lib/db/client';
import { closePgPool, pgPool } from '../../lib/db/pg-pool';
import { inTransaction } from '../../lib/db/transaction';
import type { TargetAudience } from '../../lib/audiences/audience';
import { SegmentDefinitionSchema, type SegmentNode } from '../../lib/segments/segment-definition';
import { buildSendQueue } from '../../lib/sending/build-send-queue';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';

// Saved segments at 1,000,000 contacts with a history: 300,000 past messages (a
// third of them with a short link, half of those clicked over the last 60 days,
// some by bots) and 20,000 replies. The live count (who it selects, who of them
// can be messaged) of two realistic segments, median and p95 of several runs,
// beside the floor of counting the tenant's contacts; and the enqueue of a
// campaign built from a segment beside an "all contacts" enqueue of the same size.

const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
const CONTACTS = Number(process.env.BENCH_SEGMENTS_CONTACTS ?? 1_000_000);
const PAST_JOBS = Math.round(CONTACTS * 0.3);
const RUNS = Number(process.env.BENCH_SEGMENTS_RUNS ?? 9);

const name = `crm_bench_segments_${process.pid}`;
process.env.NEXTAUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret';
process.env.DATABASE_URL = await createDatabase(adminUrl, name, template);
const pool = pgPool();

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const count = (n: number) => n.toLocaleString('en-AU');
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;

function definition(op: 'and' | 'or', ...children: SegmentNode[]): TargetAudience {
  return {
    kind: 'definition',
    definition: SegmentDefinitionSchema.parse({ version: 1, root: { type: 'group', op, children } }),
  };
}

async function seed(tenantId: string, now: Date) {
  // Every contact has a state and a plan; one in ten is a VIP and one in twenty staff.
  await pool.query(
    `INSERT INTO contacts (id, "tenantId", "phoneE164", "firstName", "consentStatus", "consentSource", state, postcode, tags, "customFields", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, '+614' || lpad(g::text, 8, '0'), 'Sam',
            (ARRAY['EXPLICIT','IMPLIED','EXPLICIT','UNKNOWN']::"ConsentStatus"[])[1 + g % 4], 'import',
            (ARRAY['NSW','VIC','QLD','WA','SA','TAS','NT','ACT'])[1 + g % 8],
            lpad((2000 + g % 6000)::text, 4, '0'),
            CASE WHEN g % 10 = 0 THEN ARRAY['vip'] WHEN g % 20 = 1 THEN ARRAY['staff'] ELSE ARRAY[]::text[] END,
            jsonb_build_object('plan', (ARRAY['gold','silver','bronze'])[1 + g % 3]),
            $2::timestamp - (g % 700) * interval '1 day', $2::timestamp
     FROM generate_series(1, $3::int) g`,
    [tenantId, now.toISOString(), CONTACTS],
  );
  const past = await db().campaign.create({
    data: { tenantId, name: 'Winter sale', status: 'COMPLETED' },
    select: { id: true },
  });
  // Past messages to every third contact (by phone, so they spread over states and tags), sent over 90 days.
  await pool.query(
    `INSERT INTO send_jobs ("tenantId", "campaignId", "contactId", "toE164", state, "sentAt", "deliveredAt", "finishedAt", "createdAt", "updatedAt")
     SELECT $1::uuid, $2::uuid, c.id, c."phoneE164", 'DELIVERED', t, t, t, t, t
     FROM (SELECT c.id, c."phoneE164", $3::timestamp - (right(c."phoneE164", 5)::int % 90) * interval '1 day' AS t
           FROM contacts c WHERE c."tenantId" = $1::uuid AND right(c."phoneE164", 1)::int % 3 = 0
           ORDER BY c."phoneE164" LIMIT $4) c`,
    [tenantId, past.id, now.toISOString(), PAST_JOBS],
  );
  await pool.query(
    `INSERT INTO short_links ("tenantId", token, "campaignId", "sendJobId", "targetUrl", "expiresAt", "createdAt")
     SELECT $1::uuid, 'bench' || j.id, j."campaignId", j.id, 'https://shop.example.com.au', $3::timestamp + interval '60 days', j."sentAt"
     FROM send_jobs j WHERE j."campaignId" = $2::uuid AND j.id % 3 = 0`,
    [tenantId, past.id, now.toISOString()],
  );
  // Half the links clicked within 60 days of now; one click in five is a link preview's.
  await pool.query(
    `INSERT INTO clicks ("tenantId", "shortLinkId", "campaignId", "isBot", "visitorHash", "occurredAt")
     SELECT $1::uuid, l.id, l."campaignId", l.id % 5 = 0, md5(l.id::text), $2::timestamp - (l.id % 60) * interval '1 day'
     FROM short_links l WHERE l."tenantId" = $1::uuid AND l.id % 2 = 0`,
    [tenantId, now.toISOString()],
  );
  await pool.query(
    `INSERT INTO inbound_messages ("tenantId", "contactId", "fromE164", "toNumber", body, "messageSid", "receivedAt")
     SELECT $1::uuid, j."contactId", j."toE164", '+61480000000', 'Thanks', 'SMbench' || j.id, $2::timestamp - (j.id % 45) * interval '1 day'
     FROM send_jobs j WHERE j."tenantId" = $1::uuid AND j.id % 15 = 0`,
    [tenantId, now.toISOString()],
  );
  await pool.query('VACUUM ANALYZE');
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Median and p95 of RUNS timings (nearest rank), after one run that warms the cache. */
async function repeat(work: () => Promise<unknown>) {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push((await timed(work)).ms);
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor((RUNS - 1) / 2)], p95: runs[Math.ceil(0.95 * RUNS) - 1] };
}

/**
 * One enqueue into a fresh campaign, whose jobs are then removed (and vacuumed
 * away) so every enqueue meets the same send_jobs table and index.
 */
async function enqueue(tenantId: string, audience: TargetAudience, now: Date) {
  const campaign = await db().campaign.create({
    data: { tenantId, name: `Bench ${audience.kind}`, status: 'RUNNING' },
    select: { id: true },
  });
  const run = await timed(() =>
    inTransaction((tx) => buildSendQueue(tx, { tenantId, campaignId: campaign.id, audience, startAt: now, now })),
  );
  await pool.query(`DELETE FROM send_jobs WHERE "campaignId" = $1::uuid`, [campaign.id]);
  await pool.query('VACUUM ANALYZE send_jobs');
  return run;
}

try {
  const now = new Date();
  const tenant = await db().tenant.create({
    data: { slug: 'bench-segments', name: 'Bench Segments', settings: { create: { senderName: 'Bench' } } },
    select: { id: true },
  });
  const actor = { tenantId: tenant.id } as Actor;
  const seeded = await timed(() => seed(tenant.id, now));
  const {
    rows: [history],
  } = await pool.query<{ jobs: number; links: number; clicks: number; human: number; replies: number }>(
    `SELECT (SELECT count(*)::int FROM send_jobs) AS jobs, (SELECT count(*)::int FROM short_links) AS links,
            (SELECT count(*)::int FROM clicks) AS clicks, (SELECT count(*)::int FROM clicks WHERE NOT "isBot") AS human,
            (SELECT count(*)::int FROM inbound_messages) AS replies`,
  );
  console.log(
    `PostgreSQL ${(await pool.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version}; ` +
      `${count(CONTACTS)} contacts, ${count(history.jobs)} past messages, ${count(history.links)} short links, ` +
      `${count(history.clicks)} clicks (${count(history.human)} by people), ${count(history.replies)} replies; seeded in ${seconds(seeded.ms)}; ${RUNS} runs each`,
  );

  const mixed = definition(
    'and',
    { type: 'state', states: ['VIC', 'NSW'] },
    { type: 'tags', match: 'any', tags: ['vip'] },
    { type: 'engagement', event: 'clicked', days: 30 },
  );
  const withOr = definition(
    'and',
    {
      type: 'group',
      op: 'or',
      children: [
        { type: 'state', states: ['QLD', 'WA'] },
        { type: 'customField', field: 'plan', op: 'equals', value: 'gold' },
      ],
    },
    {
      type: 'group',
      op: 'or',
      children: [
        { type: 'engagement', event: 'clicked', days: 30 },
        { type: 'engagement', event: 'replied', days: 30 },
      ],
    },
    { type: 'tags', match: 'none', tags: ['staff'] },
  );

  const floor = await repeat(() =>
    pool.query(`SELECT count(*) FROM contacts WHERE "tenantId" = $1::uuid`, [tenant.id]),
  );
  const sizes = {
    mixed: await countAudience({ actor, audience: mixed, now }),
    withOr: await countAudience({ actor, audience: withOr, now }),
  };
  const mixedTimes = await repeat(() => countAudience({ actor, audience: mixed, now }));
  const withOrTimes = await repeat(() => countAudience({ actor, audience: withOr, now }));

  // A segment that selects every contact, so its queue is the same size as "all contacts".
  const everyone = definition(
    'and',
    { type: 'state', states: ['NSW', 'VIC', 'QLD', 'WA', 'SA', 'TAS', 'NT', 'ACT'] },
    { type: 'tags', match: 'none', tags: ['nobody'] },
  );
  // Alternated, so neither kind gains from going second (a warmer cache, a tidier table).
  const allRuns = [];
  const segmentRuns = [];
  for (let round = 0; round < 2; round += 1) {
    allRuns.push(await enqueue(tenant.id, { kind: 'all' }, now));
    segmentRuns.push(await enqueue(tenant.id, everyone, now));
  }
  const fromMixed = await enqueue(tenant.id, mixed, now);
  const best = (runs: { ms: number }[]) => Math.min(...runs.map((r) => r.ms));
  const all = { ms: best(allRuns), result: allRuns[0].result };
  const fromSegment = { ms: best(segmentRuns), result: segmentRuns[0].result };
  const each = (runs: { ms: number }[]) => runs.map((r) => seconds(r.ms)).join(', ');

  const figure = (label: string, t: { median: number; p95: number }, extra = '') =>
    console.log(`${label.padEnd(44)} median ${seconds(t.median)}, p95 ${seconds(t.p95)}${extra}`);
  console.log(
    'Goals: a segment count at 1,000,000 contacts < 2 s; a segment-built campaign enqueues as fast as "all contacts" (one INSERT … SELECT).',
  );
  figure('floor: count(*) of the tenant’s contacts', floor);
  figure(
    'VIC or NSW, tag VIP, clicked in 30 days',
    mixedTimes,
    ` (selects ${count(sizes.mixed.total)}, ${count(sizes.mixed.sendable)} can be messaged)`,
  );
  figure(
    '(QLD or WA or plan gold) and (clicked or',
    withOrTimes,
    ` (selects ${count(sizes.withOr.total)}, ${count(sizes.withOr.sendable)} can be messaged)`,
  );
  console.log(`  replied in 30 days) and not tagged staff`);
  console.log(
    `enqueue, all contacts                        ${seconds(all.ms)} (best of ${each(allRuns)}; ${count(all.result.queued)} jobs of ${count(all.result.audience)})`,
  );
  console.log(
    `enqueue, segment selecting every contact     ${seconds(fromSegment.ms)} (best of ${each(segmentRuns)}; ${count(fromSegment.result.queued)} jobs of ${count(fromSegment.result.audience)}) = ${((fromSegment.ms / all.ms - 1) * 100).toFixed(1)} % ${fromSegment.ms >= all.ms ? 'slower' : 'faster'}`,
  );
  console.log(
    `enqueue, VIC or NSW, VIP, clicked in 30 days ${seconds(fromMixed.ms)} (${count(fromMixed.result.queued)} jobs)`,
  );
  console.log(`(${load()})`);
} finally {
  await Promise.all([disconnectDb(), closePgPool()]);
  await dropDatabase(adminUrl, name);
}

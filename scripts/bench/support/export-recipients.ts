import { closePgPool } from '../../../lib/db/pg-pool';
import { exportCampaignRecipients } from '../../../lib/reports/export-campaign-recipients';

// A campaign's recipients export in a process of its own, as a request would stream it:
// prints the rows, the time they took and the process's peak RSS as one JSON line.
// Usage: tsx --conditions=react-server export-recipients.ts <tenantId> <campaignId>

const [tenantId, campaignId] = process.argv.slice(2);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
let lines = -1;
let bytes = 0;
for await (const chunk of exportCampaignRecipients({ tenantId, campaignId })) {
  bytes += chunk.length;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines += 1;
}
const ms = performance.now() - started;
clearInterval(sampler);
await closePgPool();
console.log(
  JSON.stringify({ rows: lines, ms, bytes, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 }),
);

// `npm run health -- <base-url>`: the installation's readiness for cron, uptime monitors
// and CI smoke tests. Exits 0 when nothing fails (warnings are printed), 1 when an item
// fails, 2 when the app cannot be asked. Sends CRON_SECRET as the bearer token.
import process from 'node:process';

const base = process.argv[2] ?? process.env.APP_BASE_URL ?? 'http://localhost:3000';
const secret = process.env.CRON_SECRET;
if (!secret) {
  console.error("Set CRON_SECRET to the app's cron secret: the detailed health is for operators only.");
  process.exit(2);
}

interface Item {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  value: string;
  threshold: string;
}

const url = new URL('/api/health/ready', base);
let response: Response;
try {
  response = await fetch(url, { headers: { authorization: `Bearer ${secret}` }, signal: AbortSignal.timeout(15_000) });
} catch (error) {
  console.error(`fail  ${url}: ${(error as Error).message}`);
  process.exit(2);
}
const body = (await response.json().catch(() => null)) as {
  status?: string;
  items?: Item[];
  error?: { message: string };
} | null;
if (!body?.items) {
  console.error(`fail  ${url} answered ${response.status}: ${body?.error?.message ?? 'not a health report'}`);
  process.exit(2);
}
for (const item of body.items) console.log(`${item.status.padEnd(4)}  ${item.name}: ${item.value} (${item.threshold})`);
console.log(`${body.status} (${url}, HTTP ${response.status})`);
process.exit(body.status === 'fail' ? 1 : 0);

import { timingSafeEqual } from 'node:crypto';
import { errorResponse, toErrorResponse } from '@/app/_http/errors';
import { env } from '@/lib/env';
import { renderMetrics } from '@/lib/operations/metrics/render-metrics';

export const dynamic = 'force-dynamic';

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Prometheus scrapes with `Authorization: Bearer $METRICS_TOKEN`; without a token configured, nobody can. */
export async function GET(req: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return errorResponse('unavailable', 'METRICS_TOKEN is not configured, so metrics are off.');
  const given = req.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  if (!tokenMatches(given, token)) return errorResponse('unauthorized', 'Invalid metrics token.');
  try {
    const metrics = await renderMetrics();
    return new Response(metrics.body, {
      headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}

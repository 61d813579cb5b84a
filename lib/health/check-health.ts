import 'server-only';
import { db } from '../db/client';

export interface HealthReport {
  ok: boolean;
  version: string;
  database: { reachable: boolean; latencyMs?: number; error?: string };
}

export interface CheckHealthOptions {
  version: string;
}

export async function checkHealth({ version }: CheckHealthOptions): Promise<HealthReport> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true, version, database: { reachable: true, latencyMs: Math.round(performance.now() - started) } };
  } catch {
    return { ok: false, version, database: { reachable: false, error: 'database unreachable' } };
  }
}

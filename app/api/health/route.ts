import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health/check-health';
import packageJson from '@/package.json' with { type: 'json' };

export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await checkHealth({ version: packageJson.version });
  return NextResponse.json(report, { status: report.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

import { NextResponse } from 'next/server';
import { withOperator } from '@/app/_http/with-operator';
import { checkReadiness } from '@/lib/operations/health/check-readiness';

export const dynamic = 'force-dynamic';

// 503 only when an item fails, so a monitor pages on failures and a warning stays a warning.
export const GET = withOperator(async () => {
  const report = await checkReadiness();
  return NextResponse.json(report, {
    status: report.status === 'fail' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
});

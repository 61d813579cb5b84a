import { NextResponse } from 'next/server';
import { withOperator } from '@/app/_http/with-operator';
import { checkAlertsNowAndThen } from '@/lib/operations/alerts/check-alerts-now-and-then';
import { checkReadiness } from '@/lib/operations/health/check-readiness';

export const dynamic = 'force-dynamic';

// 503 only when an item fails, so a monitor pages on failures and a warning stays a warning.
export const GET = withOperator(async () => {
  const report = await checkReadiness();
  await checkAlertsNowAndThen();
  return NextResponse.json(report, {
    status: report.status === 'fail' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
});

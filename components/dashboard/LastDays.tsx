import Link from 'next/link';
import type { DashboardDay } from '@/lib/reports/read-dashboard-days';
import type { SpendAgainstBudgets } from '@/lib/reports/read-spend-against-budgets';
import { formatDayMonth } from '@/lib/format/date-time';
import { formatCount, formatPercent, formatQuantity } from '@/lib/format/number';
import { dollars } from '../campaigns/format';
import { ProgressBar } from '../ui/ProgressBar';
import { DailySpendChart } from './DailySpendChart';
import { DeliveredClicksChart } from './DeliveredClicksChart';
import { OptOutRateChart } from './OptOutRateChart';

interface LastDaysProps {
  days: DashboardDay[];
  spend: SpendAgainstBudgets;
  timeZone: string;
}

/** Spend beside its cap, in words: "$12.00 of the $50.00 daily budget". */
function spendOf(spentMicros: number, capMicros: number | null, period: string): string {
  return capMicros === null
    ? `${dollars(spentMicros)} (no ${period} budget set)`
    : `${dollars(spentMicros)} of the ${dollars(capMicros)} ${period} budget`;
}

/** The workspace's last days as charts, a sentence of totals and a table with the same figures. */
export function LastDays({ days, spend, timeZone }: LastDaysProps) {
  const totals = days.reduce(
    (sum, d) => ({
      delivered: sum.delivered + d.delivered,
      clicks: sum.clicks + d.clicks,
      optOuts: sum.optOuts + d.optOuts,
      spentMicros: sum.spentMicros + d.spentMicros,
    }),
    { delivered: 0, clicks: 0, optOuts: 0, spentMicros: 0 },
  );
  const labelled = days.map((d) => ({ ...d, label: formatDayMonth(d.date) }));
  return (
    <section aria-labelledby="days-heading">
      <h2 id="days-heading">The last {days.length} days</h2>
      <p>
        {formatCount(totals.delivered)} delivered, {formatQuantity(totals.clicks, 'click')} by people,{' '}
        {formatCount(totals.optOuts)} opted out (
        {formatPercent(totals.delivered > 0 ? totals.optOuts / totals.delivered : null)} of delivered) and{' '}
        {dollars(totals.spentMicros)} spent.
      </p>
      <div className="chart-grid">
        <DeliveredClicksChart points={labelled} />
        <OptOutRateChart points={labelled.map((d) => ({ label: d.label, rate: d.optOutRate, optOuts: d.optOuts }))} />
        <DailySpendChart points={labelled} dailyBudgetMicros={spend.dailyBudgetMicros} />
        <div className="panel" aria-label="Spend against budgets">
          <h3>Spend against budgets</h3>
          <p>Today: {spendOf(spend.spentTodayMicros, spend.dailyBudgetMicros, 'daily')}.</p>
          {spend.dailyBudgetMicros !== null && (
            <ProgressBar
              label="Daily budget used"
              value={spend.dailyBudgetMicros > 0 ? spend.spentTodayMicros / spend.dailyBudgetMicros : 1}
            />
          )}
          <p>This month: {spendOf(spend.spentThisMonthMicros, spend.monthlyBudgetMicros, 'monthly')}.</p>
          {spend.monthlyBudgetMicros !== null && (
            <ProgressBar
              label="Monthly budget used"
              value={spend.monthlyBudgetMicros > 0 ? spend.spentThisMonthMicros / spend.monthlyBudgetMicros : 1}
            />
          )}
          <p className="muted">
            Messages wait, held, once a budget is spent and go on the next local day or month.{' '}
            <Link href="/settings">Budgets are set in Settings.</Link>
          </p>
        </div>
      </div>
      <details>
        <summary>The last {days.length} days as a table</summary>
        <div className="table-scroll">
          <table aria-label="Day by day">
            <thead>
              <tr>
                <th>Day</th>
                <th>Delivered</th>
                <th>Clicks by people</th>
                <th>Opted out</th>
                <th>Opt-out rate</th>
                <th>Spent</th>
              </tr>
            </thead>
            <tbody>
              {labelled.map((d) => (
                <tr key={d.date}>
                  <td>{d.label}</td>
                  <td>{formatCount(d.delivered)}</td>
                  <td>{formatCount(d.clicks)}</td>
                  <td>{formatCount(d.optOuts)}</td>
                  <td>{formatPercent(d.optOutRate)}</td>
                  <td>{dollars(d.spentMicros)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p className="muted">
        Days are the workspace’s ({timeZone}). Opted out counts people whose STOP reply or web unsubscribe came within 7
        days of a campaign’s message, the latest they had; opt-out rate is that ÷ delivered on the same day. Spent is
        what the budget counts: every message handed to the carrier and every reply from the inbox.
      </p>
    </section>
  );
}

'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { dollars } from '../campaigns/format';

export interface DailySpendPoint {
  label: string;
  spentMicros: number;
}

/** Spend per local day as bars, with the daily budget as a dashed line across them when there is one. */
export function DailySpendChart({
  points,
  dailyBudgetMicros,
}: {
  points: DailySpendPoint[];
  dailyBudgetMicros: number | null;
}) {
  // An axis up to $1 before anything is spent; after that Recharts' round steps, stretched to the budget line.
  const highest = Math.max(dailyBudgetMicros ?? 0, ...points.map((p) => p.spentMicros));
  return (
    <figure className="chart" aria-label="Spend per day against the daily budget">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 560, height: 240 }}>
        <BarChart data={points} margin={{ top: 20, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} padding={{ left: 8, right: 8 }} />
          <YAxis
            tick={{ fontSize: 12 }}
            width={60}
            domain={[0, highest > 0 ? 'auto' : 1_000_000]}
            tickFormatter={(v: number) => dollars(v)}
          />
          <Tooltip formatter={(value) => dollars(Number(value))} />
          <Bar dataKey="spentMicros" name="Spent" fill="#1f4e9c" isAnimationActive={false} />
          {dailyBudgetMicros !== null && (
            <ReferenceLine
              y={dailyBudgetMicros}
              stroke="#b3261e"
              strokeWidth={2}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: `Daily budget ${dollars(dailyBudgetMicros)}`, position: 'insideTopRight', fontSize: 12 }}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="muted">
        Bars: what each day’s messages and replies cost (AUD), as the budget counts it.{' '}
        {dailyBudgetMicros === null
          ? 'No daily budget is set.'
          : `Dashed line: the daily budget of ${dollars(dailyBudgetMicros)}.`}
      </figcaption>
    </figure>
  );
}

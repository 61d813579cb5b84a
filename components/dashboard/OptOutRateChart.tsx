'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '@/lib/format/number';

export interface OptOutRatePoint {
  label: string;
  /** Opt-outs ÷ delivered that day; null on a day nothing was delivered (no point is drawn). */
  rate: number | null;
  optOuts: number;
}

// Steps a reader takes in at a glance; four of them reach past the highest day.
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2.5];

function axisTicks(highest: number): number[] {
  const step = STEPS.find((s) => s * 4 >= highest) ?? Math.ceil(highest / 4);
  return [0, 1, 2, 3, 4].map((n) => n * step);
}

/** The share of delivered messages whose recipient opted out, per local day. */
export function OptOutRateChart({ points }: { points: OptOutRatePoint[] }) {
  const ticks = axisTicks(Math.max(0, ...points.map((p) => p.rate ?? 0)));
  return (
    <figure className="chart" aria-label="Opt-out rate per day">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 560, height: 240 }}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} padding={{ left: 8, right: 8 }} />
          <YAxis
            tick={{ fontSize: 12 }}
            width={52}
            domain={[0, ticks[4]]}
            ticks={ticks}
            tickFormatter={formatPercent}
          />
          <Tooltip
            formatter={(value, _name, item) =>
              `${formatPercent(Number(value))} (${(item.payload as OptOutRatePoint).optOuts} opted out)`
            }
          />
          <Line
            type="monotone"
            dataKey="rate"
            name="Opt-out rate"
            stroke="#b3261e"
            strokeWidth={2}
            strokeDasharray="12 3 3 3"
            // Markers drawn whole: a line's dash pattern would otherwise break its circles.
            dot={{ stroke: '#b3261e', r: 4, strokeWidth: 2, fill: '#fff', strokeDasharray: 'none' }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted">
        Opt-out rate (dash-dot line, open circles): people who opted out that day within 7 days of a campaign’s message
        ÷ messages delivered that day. No point on a day nothing was delivered.
      </figcaption>
    </figure>
  );
}

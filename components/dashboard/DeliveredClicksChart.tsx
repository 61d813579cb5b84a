'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface DeliveredClicksPoint {
  /** The local day as the axis shows it (25 Nov). */
  label: string;
  delivered: number;
  clicks: number;
}

// Solid line with open circles against short dashes with filled dots, so the two read
// apart without colour; the legend and caption name them.
const SERIES = [
  {
    key: 'delivered',
    name: 'Delivered',
    color: '#1a7f4b',
    dash: undefined,
    dot: { r: 3, strokeWidth: 2, fill: '#fff' },
  },
  { key: 'clicks', name: 'Clicks by people', color: '#b35c00', dash: '4 3', dot: { r: 3, fill: '#b35c00' } },
] as const;

/** Messages delivered and people's clicks per local day; the table below the charts has the same figures. */
export function DeliveredClicksChart({ points }: { points: DeliveredClicksPoint[] }) {
  return (
    <figure className="chart" aria-label="Delivered and clicks per day">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 560, height: 240 }}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} padding={{ left: 8, right: 8 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={44} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
              // Markers drawn whole: a line's dash pattern would otherwise break its circles.
              dot={{ stroke: s.color, strokeDasharray: 'none', ...s.dot }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted">
        Delivered (solid line, open circles): messages the carrier confirmed delivered that day. Clicks by people (short
        dashes, dots): clicks on campaign links that day, link scanners and previews left out.
      </figcaption>
    </figure>
  );
}

'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TimelineChartPoint {
  /** The bucket as the axis shows it (25 Nov 10:00, or 25 Nov per day). */
  label: string;
  sends: number;
  deliveries: number;
  clicks: number;
  optOuts: number;
}

// Each series differs by dash pattern and marker shape as well as colour, so the
// chart reads in greyscale and for colour-blind readers; the legend names each.
const SERIES = [
  { key: 'sends', name: 'Sends', color: '#1f4e9c', dash: undefined, dot: { r: 3 } },
  { key: 'deliveries', name: 'Deliveries', color: '#1a7f4b', dash: '8 4', dot: { r: 4, strokeWidth: 2, fill: '#fff' } },
  { key: 'clicks', name: 'Clicks (people)', color: '#b35c00', dash: '2 3', dot: { r: 3, fill: '#b35c00' } },
  { key: 'optOuts', name: 'Opt-outs', color: '#b3261e', dash: '12 3 3 3', dot: { r: 5, strokeWidth: 2, fill: '#fff' } },
] as const;

/** The campaign's sends, deliveries, clicks and opt-outs over time; a table beside it has the same figures. */
export function CampaignTimelineChart({ points, unit }: { points: TimelineChartPoint[]; unit: 'hour' | 'day' }) {
  return (
    <figure className="chart" aria-label={`Sends, deliveries, clicks and opt-outs per ${unit}`}>
      <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 800, height: 300 }}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d9dde3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
              dot={{ stroke: s.color, ...s.dot }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted">
        Per {unit}: sends (solid line), deliveries (long dashes, open circles), people’s clicks (dots), opt-outs the
        campaign caused (dash-dot, large open circles). The table below has the same figures.
      </figcaption>
    </figure>
  );
}

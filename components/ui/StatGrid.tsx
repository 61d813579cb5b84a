import { formatCount } from '@/lib/format/number';

interface Stat {
  label: string;
  /** A count is written the Australian way (1,234); text, such as a price or a rate, is shown as given. */
  value: number | string;
}

interface StatGridProps {
  stats: readonly Stat[];
  /** Names the grid for screen readers where the heading above it does not say what the figures are. */
  label?: string;
}

/** Labelled figures as a grid of cards, the figure above its label, wrapping as the screen narrows. */
export function StatGrid({ stats, label }: StatGridProps) {
  return (
    <div className="stats" aria-label={label}>
      {stats.map((stat) => (
        <div className="stat" key={stat.label}>
          <div className="value">{typeof stat.value === 'number' ? formatCount(stat.value) : stat.value}</div>
          <div className="label">{stat.label}</div>
        </div>
      ))}
    </div>
  );
}

import { formatCount } from '@/lib/format/number';
import { exclusionLabel } from './format';

export interface SkippedReasonsProps {
  /** The table's accessible name. */
  label: string;
  /** What the counts are of: "Contacts" before a launch, "Messages" after. */
  unit: string;
  skipped: readonly { reason: string; count: number }[];
}

/** Why contacts or messages were left out, one row per reason. */
export function SkippedReasons({ label, unit, skipped }: SkippedReasonsProps) {
  if (!skipped.length) return null;
  return (
    <div className="table-scroll">
      <table aria-label={label}>
        <thead>
          <tr>
            <th>Why skipped</th>
            <th>{unit}</th>
          </tr>
        </thead>
        <tbody>
          {skipped.map((s, i) => (
            <tr key={i}>
              <td>{exclusionLabel(s.reason)}</td>
              <td>{formatCount(s.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

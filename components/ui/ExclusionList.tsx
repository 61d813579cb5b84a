import { EXCLUSION_LABELS, type ExclusionReason } from '@/lib/audiences/audience';
import { formatCount } from '@/lib/format/number';

interface ExclusionListProps {
  excluded: Partial<Record<ExclusionReason, number>>;
  label: string;
}

/** Why some of an audience cannot be messaged, a line per reason that leaves anyone out. */
export function ExclusionList({ excluded, label }: ExclusionListProps) {
  const reasons = (Object.entries(excluded) as [ExclusionReason, number][]).filter(([, n]) => n > 0);
  if (!reasons.length) return null;
  return (
    <ul className="excluded" aria-label={label}>
      {reasons.map(([reason, n]) => (
        <li key={reason}>
          {formatCount(n)} {EXCLUSION_LABELS[reason]}
        </li>
      ))}
    </ul>
  );
}

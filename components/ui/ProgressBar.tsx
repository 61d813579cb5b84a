interface ProgressBarProps {
  label: string;
  /** The share done, 0 to 1; values outside are clamped. */
  value: number;
}

export function ProgressBar({ label, value }: ProgressBarProps) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress">
      <div role="progressbar" aria-label={label} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="muted">
        {label} {percent}%
      </span>
    </div>
  );
}

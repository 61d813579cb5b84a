import { count } from './format';
import type { ImportBatch } from './import-batch';

interface ImportSummaryProps {
  batch: ImportBatch;
}

/** What the dry run decided for the file's rows, in four figures. */
export function ImportSummary({ batch }: ImportSummaryProps) {
  const items: [string, number][] = [
    ['Would be created', batch.createCount],
    ['Would be updated', batch.updateCount],
    ['Unchanged', batch.unchangedCount],
    ['Rejected', batch.rejectCount],
  ];
  return (
    <div className="stats" aria-label="Dry run summary">
      {items.map(([label, value]) => (
        <div className="stat" key={label}>
          <div className="value">{count(value)}</div>
          <div className="label">{label}</div>
        </div>
      ))}
    </div>
  );
}

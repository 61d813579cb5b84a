import { StatGrid } from '../ui/StatGrid';
import type { ImportBatch } from './import-batch';

interface ImportSummaryProps {
  batch: ImportBatch;
}

/** What the dry run decided for the file's rows, in four figures. */
export function ImportSummary({ batch }: ImportSummaryProps) {
  return (
    <StatGrid
      label="Dry run summary"
      stats={[
        { label: 'Would be created', value: batch.createCount },
        { label: 'Would be updated', value: batch.updateCount },
        { label: 'Unchanged', value: batch.unchangedCount },
        { label: 'Rejected', value: batch.rejectCount },
      ]}
    />
  );
}

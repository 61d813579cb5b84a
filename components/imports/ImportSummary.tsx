import { StatGrid } from '../ui/StatGrid';
import type { ImportBatch } from './import-batch';

interface ImportSummaryProps {
  batch: ImportBatch;
}

// The commit applies exactly the dry run's decisions, so the same four figures first say
// what would happen, then what is happening, then what was done.
const WORDING = {
  ANALYSED: { label: 'Dry run summary', created: 'Would be created', updated: 'Would be updated' },
  COMMITTING: { label: 'Commit summary', created: 'Being created', updated: 'Being updated' },
  COMMITTED: { label: 'Import summary', created: 'Created', updated: 'Updated' },
} as const;

/** What the import decided for the file's rows, in four figures, worded for where the import stands. */
export function ImportSummary({ batch }: ImportSummaryProps) {
  const wording = WORDING[batch.status === 'COMMITTED' || batch.status === 'COMMITTING' ? batch.status : 'ANALYSED'];
  return (
    <StatGrid
      label={wording.label}
      stats={[
        { label: wording.created, value: batch.createCount },
        { label: wording.updated, value: batch.updateCount },
        { label: 'Unchanged', value: batch.unchangedCount },
        { label: 'Rejected', value: batch.rejectCount },
      ]}
    />
  );
}

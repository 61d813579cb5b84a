import type { ImportBatchView } from '@/lib/imports/get-import-batch';

/** An import batch as the page hands it to the browser: its dates arrive as ISO strings. */
export type ImportBatch = Omit<ImportBatchView, 'createdAt' | 'analysedAt' | 'committedAt'> & {
  createdAt: string;
  analysedAt: string | null;
  committedAt: string | null;
};

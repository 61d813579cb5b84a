-- DropIndex
DROP INDEX "import_rows_batchId_decision_rowNumber_idx";

-- CreateIndex
CREATE INDEX "import_rows_batchId_rowNumber_idx" ON "import_rows"("batchId", "rowNumber") WHERE (decision = 'REJECT');

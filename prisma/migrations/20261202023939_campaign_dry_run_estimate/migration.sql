-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "lastDryRunAt" TIMESTAMP(3),
ADD COLUMN     "lastDryRunCostMicros" BIGINT,
ADD COLUMN     "lastDryRunMessages" INTEGER;

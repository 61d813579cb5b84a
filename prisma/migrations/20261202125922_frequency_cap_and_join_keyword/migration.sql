-- AlterEnum
ALTER TYPE "InboundKeyword" ADD VALUE 'JOIN';

-- AlterTable
ALTER TABLE "tenant_settings" ADD COLUMN     "frequencyCapHours" INTEGER,
ADD COLUMN     "frequencyCapMessages" INTEGER,
ADD COLUMN     "joinKeyword" TEXT,
ADD COLUMN     "joinReply" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "send_jobs_tenantId_toE164_claimedAt_idx" ON "send_jobs"("tenantId", "toE164", "claimedAt") WHERE ("claimedAt" IS NOT NULL);

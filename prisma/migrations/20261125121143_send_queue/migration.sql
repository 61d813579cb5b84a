-- DropForeignKey
ALTER TABLE "send_jobs" DROP CONSTRAINT "send_jobs_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "send_jobs" DROP CONSTRAINT "send_jobs_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "send_jobs" DROP CONSTRAINT "send_jobs_contactId_fkey";

-- DropForeignKey
ALTER TABLE "send_jobs" DROP CONSTRAINT "send_jobs_templateId_fkey";

-- DropForeignKey
ALTER TABLE "send_jobs" DROP CONSTRAINT "send_jobs_sendingNumberId_fkey";

-- DropIndex
DROP INDEX "send_jobs_providerMessageId_key";

-- DropIndex
DROP INDEX "send_jobs_state_nextAttemptAt_idx";

-- DropIndex
DROP INDEX "send_jobs_tenantId_contactId_idx";

-- DropIndex
DROP INDEX "send_jobs_tenantId_campaignId_contactId_key";

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "launchSummary" JSONB,
ADD COLUMN     "pausedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "send_jobs" ADD COLUMN     "gate" TEXT;

-- CreateTable
CREATE TABLE "usage_counters" (
    "tenantId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "used" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "usage_counters_pkey" PRIMARY KEY ("tenantId","scope","periodStart")
);

-- CreateTable
CREATE TABLE "simulated_messages" (
    "sid" TEXT NOT NULL,
    "sendJobId" BIGINT NOT NULL,
    "toE164" TEXT NOT NULL,
    "fromValue" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "pending" TEXT[],
    "errorCode" TEXT,
    "nextCallbackAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "simulated_messages_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE INDEX "simulated_messages_nextCallbackAt_idx" ON "simulated_messages"("nextCallbackAt") WHERE ("nextCallbackAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "simulated_messages_sendJobId_idx" ON "simulated_messages"("sendJobId");

-- CreateIndex
CREATE INDEX "send_jobs_nextAttemptAt_id_idx" ON "send_jobs"("nextAttemptAt", "id") WHERE (state = 'QUEUED');

-- CreateIndex
CREATE INDEX "send_jobs_claimedAt_idx" ON "send_jobs"("claimedAt") WHERE (state = 'SENDING' AND "providerMessageId" IS NULL);

-- CreateIndex
CREATE INDEX "send_jobs_campaignId_finishedAt_idx" ON "send_jobs"("campaignId", "finishedAt") WHERE (state IN ('DELIVERED', 'FAILED', 'UNDELIVERED'));

-- CreateIndex
CREATE UNIQUE INDEX "send_jobs_tenantId_contactId_campaignId_key" ON "send_jobs"("tenantId", "contactId", "campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "send_jobs_providerMessageId_key" ON "send_jobs"("providerMessageId") WHERE ("providerMessageId" IS NOT NULL);

-- AddForeignKey
ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

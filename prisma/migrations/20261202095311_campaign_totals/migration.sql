-- CreateTable
CREATE TABLE "campaign_totals" (
    "campaignId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "total" INTEGER NOT NULL,
    "sent" INTEGER NOT NULL,
    "delivered" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "humanClicks" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "uniqueHumans" INTEGER NOT NULL,
    "botClicks" INTEGER NOT NULL,
    "prunedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_totals_pkey" PRIMARY KEY ("campaignId")
);

-- CreateIndex
CREATE INDEX "campaign_totals_tenantId_idx" ON "campaign_totals"("tenantId");

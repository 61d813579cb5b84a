-- CreateTable
CREATE TABLE "operational_alerts" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tenantId" UUID,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "runbook" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "clearedAt" TIMESTAMPTZ(3),
    "notifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "operational_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "operational_alerts_raisedAt_idx" ON "operational_alerts"("raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "operational_alerts_key_key" ON "operational_alerts"("key") WHERE ("clearedAt" IS NULL);

-- CreateIndex
CREATE INDEX "campaign_timeline_stats_tenantId_at_idx" ON "campaign_timeline_stats"("tenantId", "at");

-- CreateIndex
CREATE INDEX "campaign_attributions_tenantId_firstAt_idx" ON "campaign_attributions"("tenantId", "firstAt");

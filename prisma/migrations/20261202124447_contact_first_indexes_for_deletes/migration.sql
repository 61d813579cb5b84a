-- DropIndex
DROP INDEX "consent_events_tenantId_contactId_occurredAt_idx";

-- DropIndex
DROP INDEX "inbound_messages_tenantId_contactId_receivedAt_idx";

-- CreateIndex
CREATE INDEX "consent_events_contactId_occurredAt_idx" ON "consent_events"("contactId", "occurredAt");

-- CreateIndex
CREATE INDEX "inbound_messages_contactId_receivedAt_idx" ON "inbound_messages"("contactId", "receivedAt");

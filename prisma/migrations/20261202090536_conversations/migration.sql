-- AlterTable
ALTER TABLE "inbound_messages" ADD COLUMN     "conversationId" UUID;

-- AlterTable
ALTER TABLE "simulated_messages" ADD COLUMN     "conversationReplyId" BIGINT;

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenantId" UUID NOT NULL,
    "numberValue" TEXT NOT NULL,
    "remoteE164" TEXT NOT NULL,
    "campaignId" UUID,
    "lastInboundId" BIGINT NOT NULL,
    "lastInboundAt" TIMESTAMP(3) NOT NULL,
    "lastInboundBody" TEXT NOT NULL,
    "lastInboundKeyword" "InboundKeyword" NOT NULL,
    "lastReplyAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL,
    "possibleOptOutAt" TIMESTAMP(3),
    "possibleOptOutResolvedAt" TIMESTAMP(3),
    "lastReadAt" TIMESTAMP(3),
    "assignedToId" UUID,
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_replies" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "sentById" UUID,
    "body" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "parts" INTEGER NOT NULL,
    "costMicros" INTEGER NOT NULL,
    "state" "SendJobState" NOT NULL DEFAULT 'SENDING',
    "providerMessageId" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_replies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenantId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "conversations_tenantId_lastActivityAt_idx" ON "conversations"("tenantId", "lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_tenantId_numberValue_remoteE164_key" ON "conversations"("tenantId", "numberValue", "remoteE164");

-- CreateIndex
CREATE INDEX "conversation_replies_conversationId_createdAt_idx" ON "conversation_replies"("conversationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_replies_providerMessageId_key" ON "conversation_replies"("providerMessageId") WHERE ("providerMessageId" IS NOT NULL);

-- CreateIndex
CREATE UNIQUE INDEX "saved_replies_tenantId_title_key" ON "saved_replies"("tenantId", "title");

-- CreateIndex
CREATE INDEX "inbound_messages_conversationId_receivedAt_idx" ON "inbound_messages"("conversationId", "receivedAt") WHERE ("conversationId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "inbound_messages_tenantId_id_idx" ON "inbound_messages"("tenantId", "id") WHERE ("conversationId" IS NULL);

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_replies" ADD CONSTRAINT "conversation_replies_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_replies" ADD CONSTRAINT "conversation_replies_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_replies" ADD CONSTRAINT "saved_replies_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Replies stored before the inbox existed become conversations now, so the first
-- read of an inbox does not fold a workspace's whole history. Those older than a
-- week count as read: the unread badge starts with what is still worth answering.
INSERT INTO "conversations" ("tenantId", "numberValue", "remoteE164", "campaignId", "lastInboundId", "lastInboundAt",
  "lastInboundBody", "lastInboundKeyword", "lastActivityAt", "possibleOptOutAt", "lastReadAt")
SELECT l."tenantId", l."toNumber", l."fromE164", attributed."campaignId", l.id, l."receivedAt", l.body, l.keyword,
  l."receivedAt", f.at, CASE WHEN l."receivedAt" < now() - interval '7 days' THEN l."receivedAt" END
FROM (
  SELECT DISTINCT ON ("tenantId", "toNumber", "fromE164") *
  FROM "inbound_messages" ORDER BY "tenantId", "toNumber", "fromE164", "receivedAt" DESC, id DESC
) l
JOIN (
  SELECT "tenantId", "toNumber", "fromE164", max("receivedAt") FILTER (WHERE "possibleOptOut") AS at
  FROM "inbound_messages" GROUP BY "tenantId", "toNumber", "fromE164"
) f ON f."tenantId" = l."tenantId" AND f."toNumber" = l."toNumber" AND f."fromE164" = l."fromE164"
LEFT JOIN "contacts" contact ON contact."tenantId" = l."tenantId" AND contact."phoneE164" = l."fromE164"
LEFT JOIN LATERAL (
  SELECT j."campaignId" FROM "send_jobs" j
  WHERE j."tenantId" = l."tenantId" AND j."contactId" = contact.id AND j."sentAt" <= l."receivedAt"
  ORDER BY j."sentAt" DESC LIMIT 1
) attributed ON true;

UPDATE "inbound_messages" m SET "conversationId" = c.id
FROM "conversations" c
WHERE c."tenantId" = m."tenantId" AND c."numberValue" = m."toNumber" AND c."remoteE164" = m."fromE164";

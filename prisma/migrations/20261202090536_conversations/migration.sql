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

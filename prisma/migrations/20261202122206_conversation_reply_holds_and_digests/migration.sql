-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "inboxDigest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inboxDigestSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "conversation_replies" ADD COLUMN     "heldReason" TEXT,
ADD COLUMN     "sendAfter" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "conversation_replies_sendAfter_idx" ON "conversation_replies"("sendAfter") WHERE (state = 'QUEUED');

-- CreateEnum
CREATE TYPE "BulkActionKind" AS ENUM ('ADD_TAGS', 'REMOVE_TAGS', 'OPT_OUT', 'DELETE');

-- CreateEnum
CREATE TYPE "BulkActionState" AS ENUM ('RUNNING', 'DONE');

-- CreateTable
CREATE TABLE "bulk_actions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenantId" UUID NOT NULL,
    "kind" "BulkActionKind" NOT NULL,
    "filter" JSONB NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reason" TEXT,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "state" "BulkActionState" NOT NULL DEFAULT 'RUNNING',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "bulk_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulk_action_contacts" (
    "bulkActionId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "contactId" UUID NOT NULL,

    CONSTRAINT "bulk_action_contacts_pkey" PRIMARY KEY ("bulkActionId","seq")
);

-- CreateIndex
CREATE INDEX "bulk_actions_tenantId_createdAt_idx" ON "bulk_actions"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "bulk_actions_updatedAt_idx" ON "bulk_actions"("updatedAt") WHERE (state = 'RUNNING');

-- CreateIndex
CREATE INDEX "bulk_action_contacts_contactId_idx" ON "bulk_action_contacts"("contactId");

-- AddForeignKey
ALTER TABLE "bulk_actions" ADD CONSTRAINT "bulk_actions_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_action_contacts" ADD CONSTRAINT "bulk_action_contacts_bulkActionId_fkey" FOREIGN KEY ("bulkActionId") REFERENCES "bulk_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

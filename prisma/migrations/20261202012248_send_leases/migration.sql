-- AlterTable
ALTER TABLE "send_jobs" ADD COLUMN     "leaseId" BIGINT;

-- CreateTable
CREATE TABLE "send_leases" (
    "id" BIGSERIAL NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "send_leases_pkey" PRIMARY KEY ("id")
);

-- Each status callback appends two rows to the log. Without a sequence, a primary key and the
-- (tenantId, campaignId) index, that is two nextval calls and four index insertions fewer. Nothing
-- looks a row up by id, the fold takes every row at once, and readers scan what is left since the
-- last fold: a minute's changes at most while the background cron runs.
-- DropIndex
DROP INDEX "send_job_count_log_tenantId_campaignId_idx";

-- AlterTable
ALTER TABLE "send_job_count_log" DROP CONSTRAINT "send_job_count_log_pkey",
DROP COLUMN "id";

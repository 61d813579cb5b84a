-- The log's rows are counted into counter rows before its columns change, as the fold
-- would count them; the lock keeps writers out until the new trigger is in place.
LOCK TABLE "send_job_count_log" IN ACCESS EXCLUSIVE MODE;
DO $$
DECLARE
  logged send_job_change[];
BEGIN
  WITH moved AS (DELETE FROM send_job_count_log l RETURNING logged_change(l) AS change)
  SELECT array_agg(change) INTO logged FROM moved;
  IF logged IS NOT NULL THEN
    PERFORM count_send_job_changes(logged);
  END IF;
END
$$;

-- AlterTable
ALTER TABLE "send_job_count_log" DROP COLUMN "foreign",
DROP COLUMN "handed",
DROP COLUMN "held",
DROP COLUMN "jobs",
DROP COLUMN "retried",
ADD COLUMN     "attempts" INTEGER NOT NULL,
ADD COLUMN     "gate" TEXT,
ADD COLUMN     "providerMessageId" TEXT,
ADD COLUMN     "sign" INTEGER NOT NULL,
ADD COLUMN     "toE164" TEXT NOT NULL,
ALTER COLUMN "errorCode" DROP NOT NULL,
ALTER COLUMN "parts" DROP NOT NULL,
ALTER COLUMN "parts" SET DATA TYPE INTEGER,
ALTER COLUMN "costMicros" DROP NOT NULL,
ALTER COLUMN "costMicros" SET DATA TYPE INTEGER;


-- ───────────── the log holds the jobs' columns as they were ─────────────
-- Mapping a job to what it counts for inside the trigger cost each status callback 296k
-- instructions, most of them executor start-up (the mapping's projection compiled for the
-- old and the new rows on every call); copying the columns costs 182k. The
-- mapping is one function of the columns, used by the trigger's bulk path through
-- send_job_change_of and by the log's readers and fold through logged_change.
CREATE FUNCTION job_change_of("campaignId" uuid, "tenantId" uuid, "templateId" uuid, "sendingNumberId" uuid, state "SendJobState",
                              "providerMessageId" text, gate text, "errorCode" text, attempts int, "sentAt" timestamp,
                              "deliveredAt" timestamp, "regionKey" text, "toE164" text, parts int, "costMicros" int, sign int)
  RETURNS send_job_change
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT ROW("campaignId", "tenantId", "templateId", "sendingNumberId", state, "providerMessageId" IS NOT NULL,
             state = 'QUEUED' AND gate IS NOT NULL AND gate <> 'retry', coalesce("errorCode", ''), attempts > 1,
             "sentAt", "deliveredAt", CASE WHEN "providerMessageId" IS NOT NULL THEN coalesce("regionKey", '||') END,
             NOT "toE164" LIKE '+61%', sign, sign * coalesce(parts, 0), sign * coalesce("costMicros", 0))::send_job_change
$$;

CREATE OR REPLACE FUNCTION send_job_change_of(r send_jobs, sign int) RETURNS send_job_change
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT job_change_of(r."campaignId", r."tenantId", r."templateId", r."sendingNumberId", r.state, r."providerMessageId", r.gate,
                       r."errorCode", r.attempts, r."sentAt", r."deliveredAt", r."regionKey", r."toE164", r.parts, r."costMicros", sign)
$$;

CREATE OR REPLACE FUNCTION logged_change(l send_job_count_log) RETURNS send_job_change
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT job_change_of(l."campaignId", l."tenantId", l."templateId", l."sendingNumberId", l.state, l."providerMessageId", l.gate,
                       l."errorCode", l.attempts, l."sentAt", l."deliveredAt", l."regionKey", l."toE164", l.parts, l."costMicros", l.sign)
$$;

CREATE OR REPLACE FUNCTION send_jobs_count_updates() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  -- A few rows (a status callback, an opt-out): their columns go to the log as they are. A
  -- separate check costs less than one statement that both checks and inserts, whose
  -- plan (joins and filters over the check) took longer to start than the insert itself.
  IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 5) f) < 5 THEN
    INSERT INTO send_job_count_log ("campaignId", "tenantId", "templateId", "sendingNumberId", state, "providerMessageId", gate,
                                    "errorCode", attempts, "sentAt", "deliveredAt", "regionKey", "toE164", parts, "costMicros", sign)
    SELECT o."campaignId", o."tenantId", o."templateId", o."sendingNumberId", o.state, o."providerMessageId", o.gate,
           o."errorCode", o.attempts, o."sentAt", o."deliveredAt", o."regionKey", o."toE164", o.parts, o."costMicros", -1
      FROM old_rows o
    UNION ALL
    SELECT n."campaignId", n."tenantId", n."templateId", n."sendingNumberId", n.state, n."providerMessageId", n.gate,
           n."errorCode", n.attempts, n."sentAt", n."deliveredAt", n."regionKey", n."toE164", n.parts, n."costMicros", 1
      FROM new_rows n;
    RETURN NULL;
  END IF;
  PERFORM count_send_job_changes(ARRAY(
    SELECT g::send_job_change
      FROM (SELECT r."campaignId", r."tenantId", r."templateId", r."sendingNumberId", r.state, r.handed, r.held, r."errorCode", r.retried,
                   r."sentAt", r."deliveredAt", r."regionKey", r."foreign", sum(r.jobs), sum(r.parts), sum(r."costMicros")
              FROM (SELECT (send_job_change_of(n, 1)).* FROM new_rows n
                    UNION ALL
                    SELECT (send_job_change_of(o, -1)).* FROM old_rows o) r
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
            HAVING sum(r.jobs) <> 0 OR sum(r.parts) <> 0 OR sum(r."costMicros") <> 0) g));
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION campaign_job_counts()
  RETURNS TABLE ("campaignId" uuid, "tenantId" uuid, "templateId" uuid, "sendingNumberId" uuid, state "SendJobState", handed boolean,
                 held boolean, "errorCode" text, retried boolean, jobs bigint, parts bigint, "costMicros" bigint)
  LANGUAGE sql STABLE
  AS $$
  SELECT "campaignId", "tenantId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, jobs::bigint, parts, "costMicros"
    FROM campaign_job_stats
  UNION ALL
  SELECT l."campaignId", l."tenantId", coalesce(l."templateId", '00000000-0000-0000-0000-000000000000'),
         coalesce(l."sendingNumberId", '00000000-0000-0000-0000-000000000000'), l.state, (logged_change(l)).handed, (logged_change(l)).held,
         (logged_change(l))."errorCode", (logged_change(l)).retried, l.sign::bigint, (logged_change(l)).parts, (logged_change(l))."costMicros"
    FROM send_job_count_log l
$$;

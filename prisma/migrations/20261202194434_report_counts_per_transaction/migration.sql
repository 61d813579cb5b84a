-- DropForeignKey
ALTER TABLE "campaign_job_stats" DROP CONSTRAINT "campaign_job_stats_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "campaign_timeline_stats" DROP CONSTRAINT "campaign_timeline_stats_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "campaign_region_stats" DROP CONSTRAINT "campaign_region_stats_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "campaign_click_stats" DROP CONSTRAINT "campaign_click_stats_campaignId_fkey";

-- CreateTable
CREATE TABLE "send_job_count_log" (
    "id" BIGSERIAL NOT NULL,
    "campaignId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "templateId" UUID,
    "sendingNumberId" UUID,
    "state" "SendJobState" NOT NULL,
    "handed" BOOLEAN NOT NULL,
    "held" BOOLEAN NOT NULL,
    "errorCode" TEXT NOT NULL,
    "retried" BOOLEAN NOT NULL,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "regionKey" TEXT,
    "foreign" BOOLEAN NOT NULL,
    "jobs" INTEGER NOT NULL,
    "parts" BIGINT NOT NULL,
    "costMicros" BIGINT NOT NULL,

    CONSTRAINT "send_job_count_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "send_job_count_log_tenantId_campaignId_idx" ON "send_job_count_log"("tenantId", "campaignId");


-- ───────────── counter rows per transaction ─────────────
-- Counter rows were sharded by backend, so two transactions on one backend shard (a pool
-- of ten on eight shards) queued on each other's rows until commit. Each writing
-- transaction now adds to rows of its own, which no other transaction touches, and
-- fold_report_shards() folds committed ones into shard 0, which only it writes. The
-- counter tables lose their foreign key to the campaign for the same reason: each new
-- row's key check would lock the campaign's row in every writing transaction.
CREATE OR REPLACE FUNCTION report_shard() RETURNS smallint
  LANGUAGE sql VOLATILE
  AS $$ SELECT (1 + txid_current() % 32766)::smallint $$;

-- What one job change adds to the timeline and to its region: shared by the counting
-- below and by the readers, which add the changes not yet folded.
CREATE FUNCTION timeline_entries_of(c send_job_change) RETURNS TABLE (at timestamp, sends bigint, deliveries bigint)
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT report_bucket(c."sentAt"), c.jobs, 0::bigint WHERE c."sentAt" IS NOT NULL
  UNION ALL
  SELECT report_bucket(c."deliveredAt"), 0::bigint, c.jobs WHERE c.state = 'DELIVERED' AND c."deliveredAt" IS NOT NULL
$$;

CREATE FUNCTION region_entries_of(c send_job_change)
  RETURNS TABLE ("timeZone" text, state text, postcode text, "foreign" boolean, sent bigint, delivered bigint, failed bigint)
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT split_part(c."regionKey", '|', 1), split_part(c."regionKey", '|', 2), split_part(c."regionKey", '|', 3), c."foreign", c.jobs,
         CASE WHEN c.state = 'DELIVERED' THEN c.jobs ELSE 0 END, CASE WHEN c.state IN ('FAILED', 'UNDELIVERED') THEN c.jobs ELSE 0 END
   WHERE c."regionKey" IS NOT NULL
$$;

CREATE FUNCTION logged_change(l send_job_count_log) RETURNS send_job_change
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT ROW(l."campaignId", l."tenantId", l."templateId", l."sendingNumberId", l.state, l.handed, l.held, l."errorCode", l.retried,
             l."sentAt", l."deliveredAt", l."regionKey", l."foreign", l.jobs, l.parts, l."costMicros")::send_job_change
$$;

CREATE OR REPLACE FUNCTION count_send_job_changes(changes send_job_change[]) RETURNS void
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  WITH c AS MATERIALIZED (SELECT x FROM unnest(changes) x),
  job_counts AS (
    INSERT INTO campaign_job_stats AS s ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard,
                                         "tenantId", jobs, parts, "costMicros")
    SELECT (c.x)."campaignId", coalesce((c.x)."templateId", '00000000-0000-0000-0000-000000000000'),
           coalesce((c.x)."sendingNumberId", '00000000-0000-0000-0000-000000000000'), (c.x).state, (c.x).handed, (c.x).held,
           (c.x)."errorCode", (c.x).retried, report_shard(), (c.x)."tenantId", sum((c.x).jobs), sum((c.x).parts), sum((c.x)."costMicros")
      FROM c GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 10
    HAVING sum((c.x).jobs) <> 0 OR sum((c.x).parts) <> 0 OR sum((c.x)."costMicros") <> 0
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard)
    DO UPDATE SET jobs = s.jobs + excluded.jobs, parts = s.parts + excluded.parts, "costMicros" = s."costMicros" + excluded."costMicros"
    RETURNING 1),
  timeline AS (
    INSERT INTO campaign_timeline_stats AS s ("campaignId", at, shard, "tenantId", sends, deliveries, clicks)
    SELECT (c.x)."campaignId", t.at, report_shard(), (c.x)."tenantId", sum(t.sends), sum(t.deliveries), 0
      FROM c, LATERAL timeline_entries_of(c.x) t
     GROUP BY 1, 2, 4 HAVING sum(t.sends) <> 0 OR sum(t.deliveries) <> 0
     ORDER BY 1, 2
    ON CONFLICT ("campaignId", at, shard) DO UPDATE SET sends = s.sends + excluded.sends, deliveries = s.deliveries + excluded.deliveries
    RETURNING 1)
  INSERT INTO campaign_region_stats AS s ("campaignId", "timeZone", state, postcode, "foreign", shard, "tenantId",
                                          sent, delivered, "failedAfterSending", clicked)
  SELECT (c.x)."campaignId", r."timeZone", r.state, r.postcode, r."foreign", report_shard(), (c.x)."tenantId",
         sum(r.sent), sum(r.delivered), sum(r.failed), 0
    FROM c, LATERAL region_entries_of(c.x) r
   GROUP BY 1, 2, 3, 4, 5, 7 HAVING sum(r.sent) <> 0 OR sum(r.delivered) <> 0 OR sum(r.failed) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("campaignId", "timeZone", state, postcode, "foreign", shard)
  DO UPDATE SET sent = s.sent + excluded.sent, delivered = s.delivered + excluded.delivered,
                "failedAfterSending" = s."failedAfterSending" + excluded."failedAfterSending";
END
$fn$;

-- A drain's batch is folded as a set straight into its counter rows. A status callback or
-- an opt-out changes a job or a few: their old and new standings are appended to the log,
-- which costs a callback a fraction of updating counter rows, and folded later.
CREATE OR REPLACE FUNCTION send_jobs_count_updates() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  -- One statement for the few-row case: each statement a trigger runs costs tens of microseconds.
  WITH few AS (SELECT count(*) < 5 AS yes FROM (SELECT 1 FROM new_rows LIMIT 5) f)
  INSERT INTO send_job_count_log ("campaignId", "tenantId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried,
                                  "sentAt", "deliveredAt", "regionKey", "foreign", jobs, parts, "costMicros")
  SELECT (send_job_change_of(o, -1)).* FROM old_rows o, few WHERE few.yes
  UNION ALL
  SELECT (send_job_change_of(n, 1)).* FROM new_rows n, few WHERE few.yes;
  IF FOUND OR (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 5) f) < 5 THEN
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

DROP FUNCTION add_to_job_stats(send_job_change);
DROP FUNCTION add_to_timeline_stats(uuid, uuid, timestamp, int, int);
DROP FUNCTION add_to_region_stats(uuid, uuid, text, boolean, int, int, int);

-- What the readers sum: the counter rows and the changes not yet folded into them.
CREATE FUNCTION campaign_job_counts()
  RETURNS TABLE ("campaignId" uuid, "tenantId" uuid, "templateId" uuid, "sendingNumberId" uuid, state "SendJobState", handed boolean,
                 held boolean, "errorCode" text, retried boolean, jobs bigint, parts bigint, "costMicros" bigint)
  LANGUAGE sql STABLE
  AS $$
  SELECT "campaignId", "tenantId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, jobs::bigint, parts, "costMicros"
    FROM campaign_job_stats
  UNION ALL
  SELECT "campaignId", "tenantId", coalesce("templateId", '00000000-0000-0000-0000-000000000000'),
         coalesce("sendingNumberId", '00000000-0000-0000-0000-000000000000'), state, handed, held, "errorCode", retried, jobs::bigint, parts, "costMicros"
    FROM send_job_count_log
$$;

CREATE FUNCTION campaign_timeline_counts()
  RETURNS TABLE ("campaignId" uuid, "tenantId" uuid, at timestamp, sends bigint, deliveries bigint, clicks bigint)
  LANGUAGE sql STABLE
  AS $$
  SELECT "campaignId", "tenantId", at::timestamp, sends::bigint, deliveries::bigint, clicks::bigint FROM campaign_timeline_stats
  UNION ALL
  SELECT l."campaignId", l."tenantId", t.at, t.sends, t.deliveries, 0::bigint FROM send_job_count_log l, LATERAL timeline_entries_of(logged_change(l)) t
$$;

CREATE FUNCTION campaign_region_counts()
  RETURNS TABLE ("campaignId" uuid, "tenantId" uuid, "timeZone" text, state text, postcode text, "foreign" boolean, sent bigint,
                 delivered bigint, "failedAfterSending" bigint, clicked bigint)
  LANGUAGE sql STABLE
  AS $$
  SELECT "campaignId", "tenantId", "timeZone", state, postcode, "foreign", sent::bigint, delivered::bigint, "failedAfterSending"::bigint,
         clicked::bigint
    FROM campaign_region_stats
  UNION ALL
  SELECT l."campaignId", l."tenantId", r."timeZone", r.state, r.postcode, r."foreign", r.sent, r.delivered, r.failed, 0::bigint
    FROM send_job_count_log l, LATERAL region_entries_of(logged_change(l)) r
$$;

-- Folds the logged job changes into counter rows, then every committed transaction's
-- counter rows into shard 0, and drops job rows that net to nothing. Rows of
-- transactions still open are not visible, so not taken: they are folded next time.
CREATE FUNCTION fold_report_shards() RETURNS void
  LANGUAGE plpgsql
  AS $fn$
DECLARE
  logged send_job_change[];
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('fold_report_shards')) THEN
    RETURN;
  END IF;

  WITH moved AS (DELETE FROM send_job_count_log l RETURNING logged_change(l) AS change)
  SELECT array_agg(change) INTO logged FROM moved;
  IF logged IS NOT NULL THEN
    PERFORM count_send_job_changes(logged);
  END IF;

  WITH moved AS (DELETE FROM campaign_job_stats WHERE shard <> 0 RETURNING *)
  INSERT INTO campaign_job_stats AS s ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard,
                                       "tenantId", jobs, parts, "costMicros")
  SELECT "campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, 0,
         "tenantId", sum(jobs), sum(parts), sum("costMicros")
    FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 10 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard)
  DO UPDATE SET jobs = s.jobs + excluded.jobs, parts = s.parts + excluded.parts, "costMicros" = s."costMicros" + excluded."costMicros";
  DELETE FROM campaign_job_stats WHERE shard = 0 AND jobs = 0 AND parts = 0 AND "costMicros" = 0;

  WITH moved AS (DELETE FROM campaign_timeline_stats WHERE shard <> 0 RETURNING *)
  INSERT INTO campaign_timeline_stats AS s ("campaignId", at, shard, "tenantId", sends, deliveries, clicks)
  SELECT "campaignId", at, 0, "tenantId", sum(sends), sum(deliveries), sum(clicks)
    FROM moved GROUP BY 1, 2, 4 ORDER BY 1, 2
  ON CONFLICT ("campaignId", at, shard)
  DO UPDATE SET sends = s.sends + excluded.sends, deliveries = s.deliveries + excluded.deliveries, clicks = s.clicks + excluded.clicks;

  WITH moved AS (DELETE FROM campaign_region_stats WHERE shard <> 0 RETURNING *)
  INSERT INTO campaign_region_stats AS s ("campaignId", "timeZone", state, postcode, "foreign", shard, "tenantId",
                                          sent, delivered, "failedAfterSending", clicked)
  SELECT "campaignId", "timeZone", state, postcode, "foreign", 0, "tenantId",
         sum(sent), sum(delivered), sum("failedAfterSending"), sum(clicked)
    FROM moved GROUP BY 1, 2, 3, 4, 5, 7 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("campaignId", "timeZone", state, postcode, "foreign", shard)
  DO UPDATE SET sent = s.sent + excluded.sent, delivered = s.delivered + excluded.delivered,
                "failedAfterSending" = s."failedAfterSending" + excluded."failedAfterSending", clicked = s.clicked + excluded.clicked;

  WITH moved AS (DELETE FROM campaign_click_stats WHERE shard <> 0 RETURNING *)
  INSERT INTO campaign_click_stats AS s ("campaignId", "templateId", shard, "tenantId", "humanClicks", "botClicks", people, visitors)
  SELECT "campaignId", "templateId", 0, "tenantId", sum("humanClicks"), sum("botClicks"), sum(people), sum(visitors)
    FROM moved GROUP BY 1, 2, 4 ORDER BY 1, 2
  ON CONFLICT ("campaignId", "templateId", shard)
  DO UPDATE SET "humanClicks" = s."humanClicks" + excluded."humanClicks", "botClicks" = s."botClicks" + excluded."botClicks",
                people = s.people + excluded.people, visitors = s.visitors + excluded.visitors;
END
$fn$;

SELECT fold_report_shards();

-- AlterTable
ALTER TABLE "send_jobs" ADD COLUMN     "regionKey" TEXT;

-- AlterTable
ALTER TABLE "short_links" ADD COLUMN     "firstHumanClickAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "campaign_job_stats" (
    "campaignId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "sendingNumberId" UUID NOT NULL,
    "state" "SendJobState" NOT NULL,
    "handed" BOOLEAN NOT NULL,
    "held" BOOLEAN NOT NULL,
    "errorCode" TEXT NOT NULL,
    "retried" BOOLEAN NOT NULL,
    "shard" SMALLINT NOT NULL,
    "tenantId" UUID NOT NULL,
    "jobs" INTEGER NOT NULL,
    "parts" BIGINT NOT NULL,
    "costMicros" BIGINT NOT NULL,

    CONSTRAINT "campaign_job_stats_pkey" PRIMARY KEY ("campaignId","templateId","sendingNumberId","state","handed","held","errorCode","retried","shard")
);

-- CreateTable
CREATE TABLE "campaign_timeline_stats" (
    "campaignId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "shard" SMALLINT NOT NULL,
    "tenantId" UUID NOT NULL,
    "sends" INTEGER NOT NULL,
    "deliveries" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,

    CONSTRAINT "campaign_timeline_stats_pkey" PRIMARY KEY ("campaignId","at","shard")
);

-- CreateTable
CREATE TABLE "campaign_region_stats" (
    "campaignId" UUID NOT NULL,
    "timeZone" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "foreign" BOOLEAN NOT NULL,
    "shard" SMALLINT NOT NULL,
    "tenantId" UUID NOT NULL,
    "sent" INTEGER NOT NULL,
    "delivered" INTEGER NOT NULL,
    "failedAfterSending" INTEGER NOT NULL,
    "clicked" INTEGER NOT NULL,

    CONSTRAINT "campaign_region_stats_pkey" PRIMARY KEY ("campaignId","timeZone","state","postcode","foreign","shard")
);

-- CreateTable
CREATE TABLE "campaign_click_stats" (
    "campaignId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "shard" SMALLINT NOT NULL,
    "tenantId" UUID NOT NULL,
    "humanClicks" INTEGER NOT NULL,
    "botClicks" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "visitors" INTEGER NOT NULL,

    CONSTRAINT "campaign_click_stats_pkey" PRIMARY KEY ("campaignId","templateId","shard")
);

-- CreateTable
CREATE TABLE "campaign_visitors" (
    "campaignId" UUID NOT NULL,
    "visitorHash" TEXT NOT NULL,

    CONSTRAINT "campaign_visitors_pkey" PRIMARY KEY ("campaignId","visitorHash")
);

-- CreateTable
CREATE TABLE "campaign_attributions" (
    "campaignId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "contactId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "templateId" UUID,
    "sendJobId" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "campaign_attributions_pkey" PRIMARY KEY ("campaignId","kind","contactId")
);

-- CreateIndex
CREATE INDEX "campaign_timeline_stats_tenantId_at_idx" ON "campaign_timeline_stats"("tenantId", "at");

-- CreateIndex
CREATE INDEX "campaign_attributions_tenantId_firstAt_idx" ON "campaign_attributions"("tenantId", "firstAt");

-- AddForeignKey
ALTER TABLE "campaign_job_stats" ADD CONSTRAINT "campaign_job_stats_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_timeline_stats" ADD CONSTRAINT "campaign_timeline_stats_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_region_stats" ADD CONSTRAINT "campaign_region_stats_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_click_stats" ADD CONSTRAINT "campaign_click_stats_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_visitors" ADD CONSTRAINT "campaign_visitors_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_attributions" ADD CONSTRAINT "campaign_attributions_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- What a recipient's state and zone are worked out from, kept on each job as it is queued.
CREATE FUNCTION contact_region_key(time_zone text, state text, postcode text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT concat(time_zone, '|', upper(trim(state)), '|', postcode) $$;

UPDATE send_jobs j SET "regionKey" = contact_region_key(k."timeZone", k.state, k.postcode)
  FROM contacts k WHERE k.id = j."contactId";

-- ───────────── the triggers that keep the report aggregates ─────────────
-- Every writer of jobs, clicks, opt-outs and replies keeps the aggregates in its own
-- transaction without knowing about them. A statement's rows are counted together
-- (one upsert per statement, not per row), into the shard of the writing backend, so
-- concurrent drains and webhooks never wait on each other's counter rows.

CREATE FUNCTION report_shard() RETURNS smallint
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (pg_backend_pid() % 8)::smallint $$;

-- Quarter hours, so that every time zone's hours and days (+9:30, +8:45) fold from them exactly.
CREATE FUNCTION report_bucket(at timestamp) RETURNS timestamp
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_bin('15 minutes', at, timestamp '2000-01-01') $$;

-- A statement's changed jobs, folded into what the aggregates count them by: a job
-- that changed adds its new standing and takes back its old one (jobs = +n or -n).
CREATE TYPE send_job_change AS (
  "campaignId" uuid, "tenantId" uuid, "templateId" uuid, "sendingNumberId" uuid, state "SendJobState",
  handed boolean, held boolean, "errorCode" text, retried boolean, "sentAt" timestamp, "deliveredAt" timestamp,
  -- Only for jobs the provider took: the ones counted by region.
  "regionKey" text, "foreign" boolean,
  jobs bigint, parts bigint, "costMicros" bigint
);

-- Adds a statement's job changes to the aggregates. Static SQL, so its plans are kept
-- across calls: a webhook's one-row update pays for the upserts, not for planning them.
-- Any writer (enqueue, drain, webhooks, recovery, cancel, opt-out) and any repeated or
-- late callback leaves the figures equal to a recount; a deleted job (retention) stays
-- counted, as the report is of what was sent.
CREATE FUNCTION count_send_job_changes(changes send_job_change[]) RETURNS void
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  WITH c AS MATERIALIZED (SELECT * FROM unnest(changes)),
  job_counts AS (
    INSERT INTO campaign_job_stats AS s ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard,
                                         "tenantId", jobs, parts, "costMicros")
    SELECT c."campaignId", coalesce(c."templateId", '00000000-0000-0000-0000-000000000000'),
           coalesce(c."sendingNumberId", '00000000-0000-0000-0000-000000000000'), c.state, c.handed, c.held, c."errorCode", c.retried,
           report_shard(), c."tenantId", sum(c.jobs), sum(c.parts), sum(c."costMicros")
      FROM c GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 10
    HAVING sum(c.jobs) <> 0 OR sum(c.parts) <> 0 OR sum(c."costMicros") <> 0
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard)
    DO UPDATE SET jobs = s.jobs + excluded.jobs, parts = s.parts + excluded.parts, "costMicros" = s."costMicros" + excluded."costMicros"
    RETURNING 1),
  timeline AS (
    INSERT INTO campaign_timeline_stats AS s ("campaignId", at, shard, "tenantId", sends, deliveries, clicks)
    SELECT "campaignId", at, report_shard(), "tenantId", sum(sends), sum(deliveries), 0
      FROM (SELECT c."campaignId", c."tenantId", report_bucket(c."sentAt") AS at, c.jobs AS sends, 0 AS deliveries
              FROM c WHERE c."sentAt" IS NOT NULL
            UNION ALL
            SELECT c."campaignId", c."tenantId", report_bucket(c."deliveredAt"), 0, c.jobs
              FROM c WHERE c.state = 'DELIVERED' AND c."deliveredAt" IS NOT NULL) t
     GROUP BY 1, 2, 4 HAVING sum(sends) <> 0 OR sum(deliveries) <> 0
     ORDER BY 1, 2
    ON CONFLICT ("campaignId", at, shard) DO UPDATE SET sends = s.sends + excluded.sends, deliveries = s.deliveries + excluded.deliveries
    RETURNING 1)
  INSERT INTO campaign_region_stats AS s ("campaignId", "timeZone", state, postcode, "foreign", shard, "tenantId",
                                          sent, delivered, "failedAfterSending", clicked)
  SELECT g."campaignId", split_part(g."regionKey", '|', 1), split_part(g."regionKey", '|', 2), split_part(g."regionKey", '|', 3),
         g."foreign", report_shard(), g."tenantId", sum(g.sent), sum(g.delivered), sum(g.failed), 0
    FROM (SELECT c."campaignId", c."tenantId", c."regionKey", c."foreign", sum(c.jobs)::int AS sent,
                 coalesce(sum(c.jobs) FILTER (WHERE c.state = 'DELIVERED'), 0)::int AS delivered,
                 coalesce(sum(c.jobs) FILTER (WHERE c.state IN ('FAILED', 'UNDELIVERED')), 0)::int AS failed
            FROM c WHERE c."regionKey" IS NOT NULL GROUP BY 1, 2, 3, 4) g
   WHERE g.sent <> 0 OR g.delivered <> 0 OR g.failed <> 0
   GROUP BY 1, 2, 3, 4, 5, 7 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("campaignId", "timeZone", state, postcode, "foreign", shard)
  DO UPDATE SET sent = s.sent + excluded.sent, delivered = s.delivered + excluded.delivered,
                "failedAfterSending" = s."failedAfterSending" + excluded."failedAfterSending";
END
$fn$;

CREATE FUNCTION send_jobs_count_inserts() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  PERFORM count_send_job_changes(ARRAY(
    SELECT g::send_job_change
      FROM (SELECT r."campaignId", r."tenantId", r."templateId", r."sendingNumberId", r.state, r."providerMessageId" IS NOT NULL,
                   r.state = 'QUEUED' AND r.gate IS NOT NULL AND r.gate <> 'retry', coalesce(r."errorCode", ''), r.attempts > 1,
                   r."sentAt", r."deliveredAt", CASE WHEN r."providerMessageId" IS NOT NULL THEN coalesce(r."regionKey", '||') END,
                   NOT r."toE164" LIKE '+61%', count(*), sum(coalesce(r.parts, 0)), sum(coalesce(r."costMicros", 0))
              FROM new_rows r GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13) g));
  RETURN NULL;
END
$fn$;

-- One counter row's change, for the few-row path below; PL/pgSQL, so its plan is kept for the session.
CREATE FUNCTION add_to_job_stats(c send_job_change) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO campaign_job_stats AS s ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard,
                                       "tenantId", jobs, parts, "costMicros")
  VALUES (c."campaignId", coalesce(c."templateId", '00000000-0000-0000-0000-000000000000'),
          coalesce(c."sendingNumberId", '00000000-0000-0000-0000-000000000000'), c.state, c.handed, c.held, c."errorCode", c.retried,
          report_shard(), c."tenantId", c.jobs, c.parts, c."costMicros")
  ON CONFLICT ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard)
  DO UPDATE SET jobs = s.jobs + excluded.jobs, parts = s.parts + excluded.parts, "costMicros" = s."costMicros" + excluded."costMicros";
END
$$;

CREATE FUNCTION add_to_timeline_stats(campaign uuid, tenant uuid, happened timestamp, sends_delta int, deliveries_delta int) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO campaign_timeline_stats AS s ("campaignId", at, shard, "tenantId", sends, deliveries, clicks)
  VALUES (campaign, report_bucket(happened), report_shard(), tenant, sends_delta, deliveries_delta, 0)
  ON CONFLICT ("campaignId", at, shard) DO UPDATE SET sends = s.sends + excluded.sends, deliveries = s.deliveries + excluded.deliveries;
END
$$;

CREATE FUNCTION add_to_region_stats(campaign uuid, tenant uuid, region text, is_foreign boolean, sent_delta int, delivered_delta int,
                                    failed_delta int)
  RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO campaign_region_stats AS s ("campaignId", "timeZone", state, postcode, "foreign", shard, "tenantId",
                                          sent, delivered, "failedAfterSending", clicked)
  VALUES (campaign, split_part(region, '|', 1), split_part(region, '|', 2), split_part(region, '|', 3), is_foreign,
          report_shard(), tenant, sent_delta, delivered_delta, failed_delta, 0)
  ON CONFLICT ("campaignId", "timeZone", state, postcode, "foreign", shard)
  DO UPDATE SET sent = s.sent + excluded.sent, delivered = s.delivered + excluded.delivered,
                "failedAfterSending" = s."failedAfterSending" + excluded."failedAfterSending";
END
$$;

-- What one job row counts as, with jobs = sign.
CREATE FUNCTION send_job_change_of(r send_jobs, sign int) RETURNS send_job_change
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT ROW(r."campaignId", r."tenantId", r."templateId", r."sendingNumberId", r.state, r."providerMessageId" IS NOT NULL,
             r.state = 'QUEUED' AND r.gate IS NOT NULL AND r.gate <> 'retry', coalesce(r."errorCode", ''), r.attempts > 1,
             r."sentAt", r."deliveredAt", CASE WHEN r."providerMessageId" IS NOT NULL THEN coalesce(r."regionKey", '||') END,
             NOT r."toE164" LIKE '+61%', sign, sign * coalesce(r.parts, 0), sign * coalesce(r."costMicros", 0))::send_job_change
$$;

-- A status callback or an opt-out changes a job or a few: counting them one by one costs a
-- fraction of folding them as a set, which is kept for the drain's batches.
CREATE FUNCTION send_jobs_count_updates() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
DECLARE
  pair record;
  old_change send_job_change;
  new_change send_job_change;
  sent_delta int;
  delivered_delta int;
  failed_delta int;
BEGIN
  IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 5) f) = 5 THEN
    PERFORM count_send_job_changes(ARRAY(
      SELECT g::send_job_change
        FROM (SELECT r."campaignId", r."tenantId", r."templateId", r."sendingNumberId", r.state, r.handed, r.held, r."errorCode", r.retried,
                     r."sentAt", r."deliveredAt", r."regionKey", r."foreign", sum(r.sign), sum(r.sign * r.parts), sum(r.sign * r."costMicros")
                FROM (SELECT n."campaignId", n."tenantId", n."templateId", n."sendingNumberId", n.state, n."providerMessageId" IS NOT NULL AS handed,
                             n.state = 'QUEUED' AND n.gate IS NOT NULL AND n.gate <> 'retry' AS held, coalesce(n."errorCode", '') AS "errorCode",
                             n.attempts > 1 AS retried, n."sentAt", n."deliveredAt",
                             CASE WHEN n."providerMessageId" IS NOT NULL THEN coalesce(n."regionKey", '||') END AS "regionKey",
                             NOT n."toE164" LIKE '+61%' AS "foreign", 1 AS sign, coalesce(n.parts, 0) AS parts, coalesce(n."costMicros", 0) AS "costMicros"
                        FROM new_rows n
                      UNION ALL
                      SELECT o."campaignId", o."tenantId", o."templateId", o."sendingNumberId", o.state, o."providerMessageId" IS NOT NULL,
                             o.state = 'QUEUED' AND o.gate IS NOT NULL AND o.gate <> 'retry', coalesce(o."errorCode", ''),
                             o.attempts > 1, o."sentAt", o."deliveredAt",
                             CASE WHEN o."providerMessageId" IS NOT NULL THEN coalesce(o."regionKey", '||') END, NOT o."toE164" LIKE '+61%',
                             -1, coalesce(o.parts, 0), coalesce(o."costMicros", 0)
                        FROM old_rows o) r
               GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
              HAVING sum(r.sign) <> 0 OR sum(r.sign * r.parts) <> 0 OR sum(r.sign * r."costMicros") <> 0) g));
    RETURN NULL;
  END IF;
  FOR pair IN SELECT send_job_change_of(old_job, -1) AS old_change, send_job_change_of(new_job, 1) AS new_change
                FROM old_rows old_job JOIN new_rows new_job ON new_job.id = old_job.id LOOP
    old_change := pair.old_change;
    new_change := pair.new_change;
    IF (old_change."campaignId", old_change."templateId", old_change."sendingNumberId", old_change.state, old_change.handed, old_change.held, old_change."errorCode", old_change.retried, -old_change.parts, -old_change."costMicros")
       IS DISTINCT FROM (new_change."campaignId", new_change."templateId", new_change."sendingNumberId", new_change.state, new_change.handed, new_change.held, new_change."errorCode", new_change.retried, new_change.parts, new_change."costMicros") THEN
      PERFORM add_to_job_stats(old_change);
      PERFORM add_to_job_stats(new_change);
    END IF;
    IF report_bucket(old_change."sentAt") IS DISTINCT FROM report_bucket(new_change."sentAt") OR old_change."campaignId" <> new_change."campaignId" THEN
      IF old_change."sentAt" IS NOT NULL THEN PERFORM add_to_timeline_stats(old_change."campaignId", old_change."tenantId", old_change."sentAt", -1, 0); END IF;
      IF new_change."sentAt" IS NOT NULL THEN PERFORM add_to_timeline_stats(new_change."campaignId", new_change."tenantId", new_change."sentAt", 1, 0); END IF;
    END IF;
    IF (old_change.state = 'DELIVERED' AND old_change."deliveredAt" IS NOT NULL) IS DISTINCT FROM (new_change.state = 'DELIVERED' AND new_change."deliveredAt" IS NOT NULL)
       OR report_bucket(old_change."deliveredAt") IS DISTINCT FROM report_bucket(new_change."deliveredAt") OR old_change."campaignId" <> new_change."campaignId" THEN
      IF old_change.state = 'DELIVERED' AND old_change."deliveredAt" IS NOT NULL THEN
        PERFORM add_to_timeline_stats(old_change."campaignId", old_change."tenantId", old_change."deliveredAt", 0, -1);
      END IF;
      IF new_change.state = 'DELIVERED' AND new_change."deliveredAt" IS NOT NULL THEN
        PERFORM add_to_timeline_stats(new_change."campaignId", new_change."tenantId", new_change."deliveredAt", 0, 1);
      END IF;
    END IF;
    -- Counted by region once the provider has it, as one net change.
    sent_delta := new_change.handed::int - old_change.handed::int;
    delivered_delta := (new_change.handed AND new_change.state = 'DELIVERED')::int - (old_change.handed AND old_change.state = 'DELIVERED')::int;
    failed_delta := (new_change.handed AND new_change.state IN ('FAILED', 'UNDELIVERED'))::int
                    - (old_change.handed AND old_change.state IN ('FAILED', 'UNDELIVERED'))::int;
    IF old_change."campaignId" <> new_change."campaignId" THEN
      IF old_change.handed THEN
        PERFORM add_to_region_stats(old_change."campaignId", old_change."tenantId", old_change."regionKey", old_change."foreign", -1,
                                    -(old_change.state = 'DELIVERED')::int, -(old_change.state IN ('FAILED', 'UNDELIVERED'))::int);
      END IF;
      IF new_change.handed THEN
        PERFORM add_to_region_stats(new_change."campaignId", new_change."tenantId", new_change."regionKey", new_change."foreign", 1,
                                    (new_change.state = 'DELIVERED')::int, (new_change.state IN ('FAILED', 'UNDELIVERED'))::int);
      END IF;
    ELSIF sent_delta <> 0 OR delivered_delta <> 0 OR failed_delta <> 0 THEN
      PERFORM add_to_region_stats(new_change."campaignId", new_change."tenantId", coalesce(new_change."regionKey", old_change."regionKey"),
                                  new_change."foreign", sent_delta, delivered_delta, failed_delta);
    END IF;
  END LOOP;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER send_jobs_count_inserts AFTER INSERT ON send_jobs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION send_jobs_count_inserts();
CREATE TRIGGER send_jobs_count_updates AFTER UPDATE ON send_jobs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION send_jobs_count_updates();

-- Counts a statement's clicks: all of them, people (a link's first click by a person,
-- marked on the link so two at once count once), unique visitors, and people by region.
CREATE FUNCTION clicks_count() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  WITH n AS MATERIALIZED (
    SELECT c."tenantId", c."campaignId", c."shortLinkId", c."isBot", c."visitorHash", c."occurredAt",
           coalesce(j."templateId", '00000000-0000-0000-0000-000000000000') AS "templateId", j.id AS "jobId",
           coalesce(j."regionKey", '||') AS "regionKey", j."toE164"
      FROM new_clicks c
      JOIN LATERAL (SELECT x."sendJobId" FROM short_links x WHERE x.id = c."shortLinkId") l ON true
      LEFT JOIN LATERAL (SELECT y.id, y."templateId", y."regionKey", y."toE164" FROM send_jobs y WHERE y.id = l."sendJobId") j ON true
     WHERE c."campaignId" IS NOT NULL),
  first_clicks AS (
    UPDATE short_links l SET "firstHumanClickAt" = f.at
      FROM (SELECT "shortLinkId", min("occurredAt") AS at FROM n WHERE NOT "isBot" GROUP BY 1) f
     WHERE l.id = f."shortLinkId" AND l."firstHumanClickAt" IS NULL
    RETURNING l.id),
  people AS (
    SELECT DISTINCT ON (n."shortLinkId") n.* FROM n JOIN first_clicks f ON f.id = n."shortLinkId" WHERE NOT n."isBot"),
  new_visitors AS (
    INSERT INTO campaign_visitors ("campaignId", "visitorHash")
    SELECT DISTINCT "campaignId", "visitorHash" FROM n WHERE NOT "isBot" ORDER BY 1, 2
    ON CONFLICT DO NOTHING RETURNING "campaignId", "visitorHash"),
  visitors AS (
    SELECT DISTINCT ON (v."campaignId", v."visitorHash") n."campaignId", n."templateId", n."tenantId"
      FROM new_visitors v JOIN n ON n."campaignId" = v."campaignId" AND n."visitorHash" = v."visitorHash" AND NOT n."isBot"),
  click_counts AS (
    INSERT INTO campaign_click_stats AS s ("campaignId", "templateId", shard, "tenantId", "humanClicks", "botClicks", people, visitors)
    SELECT "campaignId", "templateId", report_shard(), "tenantId", sum(human), sum(bot), sum(person), sum(visitor)
      FROM (SELECT "campaignId", "templateId", "tenantId", (NOT "isBot")::int AS human, "isBot"::int AS bot, 0 AS person, 0 AS visitor FROM n
            UNION ALL SELECT "campaignId", "templateId", "tenantId", 0, 0, 1, 0 FROM people
            UNION ALL SELECT "campaignId", "templateId", "tenantId", 0, 0, 0, 1 FROM visitors) x
     GROUP BY 1, 2, 4 ORDER BY 1, 2
    ON CONFLICT ("campaignId", "templateId", shard)
    DO UPDATE SET "humanClicks" = s."humanClicks" + excluded."humanClicks", "botClicks" = s."botClicks" + excluded."botClicks",
                  people = s.people + excluded.people, visitors = s.visitors + excluded.visitors
    RETURNING 1),
  timeline AS (
    INSERT INTO campaign_timeline_stats AS s ("campaignId", at, shard, "tenantId", sends, deliveries, clicks)
    SELECT "campaignId", report_bucket("occurredAt"), report_shard(), "tenantId", 0, 0, count(*)
      FROM n WHERE NOT "isBot" GROUP BY 1, 2, 4 ORDER BY 1, 2
    ON CONFLICT ("campaignId", at, shard) DO UPDATE SET clicks = s.clicks + excluded.clicks
    RETURNING 1)
  INSERT INTO campaign_region_stats AS s ("campaignId", "timeZone", state, postcode, "foreign", shard, "tenantId",
                                          sent, delivered, "failedAfterSending", clicked)
  SELECT p."campaignId", split_part(p."regionKey", '|', 1), split_part(p."regionKey", '|', 2), split_part(p."regionKey", '|', 3),
         NOT p."toE164" LIKE '+61%', report_shard(), p."tenantId", 0, 0, 0, count(*)
    FROM people p
   WHERE p."jobId" IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 7 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("campaignId", "timeZone", state, postcode, "foreign", shard) DO UPDATE SET clicked = s.clicked + excluded.clicked;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER clicks_count AFTER INSERT ON clicks
  REFERENCING NEW TABLE AS new_clicks FOR EACH STATEMENT EXECUTE FUNCTION clicks_count();

-- Credits an opt-out or an ordinary reply to the campaign whose message was the latest
-- the person had been sent, when it came within seven days of it; a person counts once
-- per campaign, at their first such event.
CREATE FUNCTION attribute_to_campaign(tenant uuid, contact uuid, what text, source text, at timestamp) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO campaign_attributions AS a ("campaignId", kind, "contactId", "tenantId", "templateId", "sendJobId", source, "firstAt", events)
  SELECT j."campaignId", what, contact, tenant, j."templateId", j.id, source, at, 1
    FROM send_jobs j
   WHERE j."tenantId" = tenant AND j."contactId" = contact AND j."sentAt" <= at AND at < j."sentAt" + interval '7 days'
   ORDER BY j."sentAt" DESC, j.id DESC LIMIT 1
  ON CONFLICT ("campaignId", kind, "contactId")
  DO UPDATE SET events = a.events + 1,
                source = CASE WHEN excluded."firstAt" < a."firstAt" THEN excluded.source ELSE a.source END,
                "firstAt" = least(a."firstAt", excluded."firstAt")
$$;

CREATE FUNCTION consent_events_attribute() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM attribute_to_campaign(NEW."tenantId", NEW."contactId", 'opt_out', NEW.source, NEW."occurredAt");
  RETURN NULL;
END
$$;

CREATE TRIGGER consent_events_attribute AFTER INSERT ON consent_events FOR EACH ROW
  WHEN (NEW.action = 'OPTED_OUT' AND NEW.source IN ('stop_reply', 'advanced_opt_out', 'web_unsubscribe'))
  EXECUTE FUNCTION consent_events_attribute();

CREATE FUNCTION inbound_messages_attribute() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM attribute_to_campaign(NEW."tenantId", NEW."contactId", 'reply', 'reply', NEW."receivedAt");
  RETURN NULL;
END
$$;

CREATE TRIGGER inbound_messages_attribute AFTER INSERT ON inbound_messages FOR EACH ROW
  WHEN (NEW.keyword = 'NONE' AND NEW."contactId" IS NOT NULL)
  EXECUTE FUNCTION inbound_messages_attribute();

-- ───────────── what was there before the triggers ─────────────
-- Existing rows are counted once into shard 0, as a recount would count them.

INSERT INTO campaign_job_stats ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard,
                                "tenantId", jobs, parts, "costMicros")
SELECT "campaignId", coalesce("templateId", '00000000-0000-0000-0000-000000000000'), coalesce("sendingNumberId", '00000000-0000-0000-0000-000000000000'),
       state, "providerMessageId" IS NOT NULL, (state = 'QUEUED' AND gate IS NOT NULL AND gate <> 'retry'), coalesce("errorCode", ''),
       attempts > 1, 0, "tenantId", count(*), sum(coalesce(parts, 0)), sum(coalesce("costMicros", 0))
  FROM send_jobs GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 10;

INSERT INTO campaign_timeline_stats ("campaignId", at, shard, "tenantId", sends, deliveries, clicks)
SELECT "campaignId", at, 0, "tenantId", sum(sends), sum(deliveries), sum(clicks)
  FROM (SELECT "campaignId", "tenantId", report_bucket("sentAt") AS at, 1 AS sends, 0 AS deliveries, 0 AS clicks FROM send_jobs WHERE "sentAt" IS NOT NULL
        UNION ALL
        SELECT "campaignId", "tenantId", report_bucket("deliveredAt"), 0, 1, 0 FROM send_jobs WHERE state = 'DELIVERED' AND "deliveredAt" IS NOT NULL
        UNION ALL
        SELECT "campaignId", "tenantId", report_bucket("occurredAt"), 0, 0, 1 FROM clicks WHERE "campaignId" IS NOT NULL AND NOT "isBot") t
 GROUP BY 1, 2, 4;

UPDATE short_links l SET "firstHumanClickAt" = f.at
  FROM (SELECT "shortLinkId", min("occurredAt") AS at FROM clicks WHERE NOT "isBot" GROUP BY 1) f
 WHERE l.id = f."shortLinkId";

INSERT INTO campaign_visitors ("campaignId", "visitorHash")
SELECT DISTINCT "campaignId", "visitorHash" FROM clicks WHERE "campaignId" IS NOT NULL AND NOT "isBot";

INSERT INTO campaign_click_stats ("campaignId", "templateId", shard, "tenantId", "humanClicks", "botClicks", people, visitors)
SELECT c."campaignId", coalesce(j."templateId", '00000000-0000-0000-0000-000000000000'), 0, c."tenantId",
       count(*) FILTER (WHERE NOT c."isBot"), count(*) FILTER (WHERE c."isBot"),
       count(DISTINCT c."shortLinkId") FILTER (WHERE NOT c."isBot"), 0
  FROM clicks c JOIN short_links l ON l.id = c."shortLinkId" LEFT JOIN send_jobs j ON j.id = l."sendJobId"
 WHERE c."campaignId" IS NOT NULL GROUP BY 1, 2, 4;

-- Visitors are a campaign's, not a message's: they go on the campaign's first row.
UPDATE campaign_click_stats s SET visitors = v.n
  FROM (SELECT "campaignId", count(*)::int AS n FROM campaign_visitors GROUP BY 1) v,
       LATERAL (SELECT min("templateId"::text)::uuid AS "templateId" FROM campaign_click_stats WHERE "campaignId" = v."campaignId") t
 WHERE s."campaignId" = v."campaignId" AND s."templateId" = t."templateId";

INSERT INTO campaign_region_stats ("campaignId", "timeZone", state, postcode, "foreign", shard, "tenantId", sent, delivered, "failedAfterSending", clicked)
SELECT "campaignId", "timeZone", state, postcode, "foreign", 0, "tenantId", sum(sent), sum(delivered), sum(failed), sum(clicked)
  FROM (SELECT j."campaignId", j."tenantId", split_part(coalesce(j."regionKey", '||'), '|', 1) AS "timeZone",
               split_part(coalesce(j."regionKey", '||'), '|', 2) AS state, split_part(coalesce(j."regionKey", '||'), '|', 3) AS postcode,
               NOT j."toE164" LIKE '+61%' AS "foreign", 1 AS sent,
               (j.state = 'DELIVERED')::int AS delivered, (j.state IN ('FAILED', 'UNDELIVERED'))::int AS failed, 0 AS clicked
          FROM send_jobs j WHERE j."providerMessageId" IS NOT NULL
        UNION ALL
        SELECT j."campaignId", j."tenantId", split_part(coalesce(j."regionKey", '||'), '|', 1), split_part(coalesce(j."regionKey", '||'), '|', 2),
               split_part(coalesce(j."regionKey", '||'), '|', 3), NOT j."toE164" LIKE '+61%', 0, 0, 0, 1
          FROM short_links l JOIN send_jobs j ON j.id = l."sendJobId"
         WHERE l."firstHumanClickAt" IS NOT NULL) r
 GROUP BY 1, 2, 3, 4, 5, 7;

-- A campaign pruned before the aggregates existed keeps only its totals: they become its counts.
INSERT INTO campaign_job_stats ("campaignId", "templateId", "sendingNumberId", state, handed, held, "errorCode", retried, shard,
                                "tenantId", jobs, parts, "costMicros")
SELECT t."campaignId", '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000', x.state, x.handed, false, '', false, 0,
       t."tenantId", x.jobs, 0, 0
  FROM campaign_totals t JOIN campaigns c ON c.id = t."campaignId",
       LATERAL (VALUES ('DELIVERED'::"SendJobState", true, t.delivered),
                       ('SENT'::"SendJobState", true, greatest(t.sent - t.delivered - least(t.failed, t.sent - t.delivered), 0)),
                       ('FAILED'::"SendJobState", true, least(t.failed, t.sent - t.delivered)),
                       ('FAILED'::"SendJobState", false, t.failed - least(t.failed, t.sent - t.delivered)),
                       ('SKIPPED'::"SendJobState", false, t.skipped)) AS x(state, handed, jobs)
 WHERE x.jobs > 0
ON CONFLICT DO NOTHING;

INSERT INTO campaign_click_stats ("campaignId", "templateId", shard, "tenantId", "humanClicks", "botClicks", people, visitors)
SELECT t."campaignId", '00000000-0000-0000-0000-000000000000', 0, t."tenantId", t."humanClicks", t."botClicks", t.people, t."uniqueHumans"
  FROM campaign_totals t JOIN campaigns c ON c.id = t."campaignId"
ON CONFLICT DO NOTHING;

INSERT INTO campaign_attributions ("campaignId", kind, "contactId", "tenantId", "templateId", "sendJobId", source, "firstAt", events)
SELECT j."campaignId", e.kind, e."contactId", e."tenantId", min(j."templateId"::text)::uuid, min(j.id),
       (array_agg(e.source ORDER BY e.at))[1], min(e.at), count(*)
  FROM (SELECT "tenantId", "contactId", 'opt_out' AS kind, source, "occurredAt" AS at FROM consent_events
         WHERE action = 'OPTED_OUT' AND source IN ('stop_reply', 'advanced_opt_out', 'web_unsubscribe')
        UNION ALL
        SELECT "tenantId", "contactId", 'reply', 'reply', "receivedAt" FROM inbound_messages WHERE keyword = 'NONE' AND "contactId" IS NOT NULL) e
  JOIN LATERAL (SELECT s.id, s."campaignId", s."templateId" FROM send_jobs s
                 WHERE s."tenantId" = e."tenantId" AND s."contactId" = e."contactId" AND s."sentAt" <= e.at AND e.at < s."sentAt" + interval '7 days'
                 ORDER BY s."sentAt" DESC, s.id DESC LIMIT 1) j ON true
 GROUP BY 1, 2, 3, 4;

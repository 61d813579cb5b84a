-- CreateTable
CREATE TABLE "tenant_counts" (
    "tenantId" UUID NOT NULL,
    "shard" SMALLINT NOT NULL,
    "contacts" BIGINT NOT NULL,
    "dncEntries" BIGINT NOT NULL,

    CONSTRAINT "tenant_counts_pkey" PRIMARY KEY ("tenantId","shard")
);

-- Kept as contacts and DNC entries are added and removed, by one statement-level
-- trigger per table and operation: an import's or a bulk delete's statement adds one
-- change per workspace. Each transaction writes a shard of its own (report_shard()),
-- so two imports never wait on one counter row.
CREATE FUNCTION count_tenant_rows() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
DECLARE
  sign int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  INSERT INTO tenant_counts AS t ("tenantId", shard, contacts, "dncEntries")
  SELECT "tenantId", report_shard(), CASE WHEN TG_TABLE_NAME = 'contacts' THEN sign * count(*) ELSE 0 END,
         CASE WHEN TG_TABLE_NAME = 'dnc_entries' THEN sign * count(*) ELSE 0 END
    FROM changed_rows GROUP BY 1 ORDER BY 1
  ON CONFLICT ("tenantId", shard)
  DO UPDATE SET contacts = t.contacts + excluded.contacts, "dncEntries" = t."dncEntries" + excluded."dncEntries";
  RETURN NULL;
END
$fn$;

CREATE TRIGGER contacts_count_inserts AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_rows();
CREATE TRIGGER contacts_count_deletes AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_rows();
CREATE TRIGGER dnc_entries_count_inserts AFTER INSERT ON dnc_entries
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_rows();
CREATE TRIGGER dnc_entries_count_deletes AFTER DELETE ON dnc_entries
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION count_tenant_rows();

-- Folds every committed transaction's rows into shard 0, as fold_report_shards() does for the report counters.
CREATE FUNCTION fold_tenant_counts() RETURNS void
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('fold_tenant_counts')) THEN
    RETURN;
  END IF;
  WITH moved AS (DELETE FROM tenant_counts WHERE shard <> 0 RETURNING *)
  INSERT INTO tenant_counts AS t ("tenantId", shard, contacts, "dncEntries")
  SELECT "tenantId", 0, sum(contacts), sum("dncEntries") FROM moved GROUP BY 1 ORDER BY 1
  ON CONFLICT ("tenantId", shard)
  DO UPDATE SET contacts = t.contacts + excluded.contacts, "dncEntries" = t."dncEntries" + excluded."dncEntries";
END
$fn$;

LOCK TABLE contacts, dnc_entries IN SHARE MODE;
INSERT INTO tenant_counts ("tenantId", shard, contacts, "dncEntries")
SELECT t.id, 0, (SELECT count(*) FROM contacts c WHERE c."tenantId" = t.id), (SELECT count(*) FROM dnc_entries d WHERE d."tenantId" = t.id)
  FROM tenants t;

-- Contact search that finds "Zoë" from "zoe", "García" from "garcia" and "O’Brien"
-- from "O'Brien" or "obrien", and a number however it is typed, served by a trigram
-- index. Both extensions ship with PostgreSQL's contrib and are allowed on managed
-- servers (RDS, Neon, Supabase); Prisma no longer declares extensions in the schema.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Text as the search compares it: accents folded (unaccent also turns ’ ‘ ʼ into '),
-- apostrophes dropped, lower case, single spaces. The query goes through the same
-- function, so both sides always agree. unaccent() is only STABLE (its rules file
-- could change), which is why the folded text is kept in a column by a trigger
-- rather than indexed as an expression.
CREATE FUNCTION contact_search_key(value text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT btrim(regexp_replace(translate(lower(unaccent(value)), '''`', ''), '\s+', ' ', 'g')) $$;

-- A contact's searchable text: names and e-mail folded, then the number's digits as
-- +61 412 345 678 and as 0412 345 678 are typed.
CREATE FUNCTION contact_search_text(first_name text, last_name text, email text, phone_e164 text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT concat_ws(' ', contact_search_key(concat_ws(' ', first_name, last_name, email)), ltrim(phone_e164, '+'),
                         CASE WHEN phone_e164 LIKE '+61%' THEN '0' || substr(phone_e164, 4) END) $$;

-- AlterTable
ALTER TABLE "contacts" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

UPDATE "contacts" SET "searchText" = contact_search_text("firstName", "lastName", email, "phoneE164");

-- Every writer (imports, the API, Prisma, seeds) gets the column kept without knowing it;
-- naming "searchText" in the column list means a direct write is recomputed too.
CREATE FUNCTION contacts_keep_search_text() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW."searchText" := contact_search_text(NEW."firstName", NEW."lastName", NEW.email, NEW."phoneE164");
  RETURN NEW;
END
$$;

CREATE TRIGGER contacts_search_text
  BEFORE INSERT OR UPDATE OF "firstName", "lastName", email, "phoneE164", "searchText" ON "contacts"
  FOR EACH ROW EXECUTE FUNCTION contacts_keep_search_text();

-- CreateIndex
CREATE INDEX "contacts_searchText_idx" ON "contacts" USING GIN ("searchText" gin_trgm_ops);

-- Hand-written (issue 10, identifiers at rest). Ad text and stored facts move from plaintext
-- columns to encrypted ones, which SQL cannot write (the keys live in the application). So this
-- migration sets the plaintext of existing rows aside in "at_rest_upgrade", and the next one drops
-- the plaintext columns. At start (and in `ariadne keys rotate`) the application encrypts what is
-- set aside into the new *_enc columns, deletes it, drops this table and rewrites the two tables
-- (VACUUM FULL) so no old tuple keeps the text. Nothing is lost in between: until then the text is
-- here, as it was before, in the clear. This table is not in schema.ts on purpose.
CREATE TABLE IF NOT EXISTS "at_rest_upgrade" (
	"source" text NOT NULL,
	"row_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	PRIMARY KEY ("source", "row_id")
);
--> statement-breakpoint
INSERT INTO "at_rest_upgrade" ("source", "row_id", "payload")
SELECT 'ad_versions', v."id", jsonb_build_object(
	'title', v."title",
	'body', v."body",
	'postedRaw', v."posted_raw",
	'city', v."city",
	'displayName', v."display_name",
	'phoneRaw', v."phone_raw",
	'ageRaw', v."age_raw",
	'priceRaw', v."price_raw",
	'imageUrls', coalesce(
		(SELECT jsonb_agg(i.value->>'url' ORDER BY i.ord)
		 FROM jsonb_array_elements(v."images") WITH ORDINALITY AS i(value, ord)
		 WHERE i.value ? 'url'),
		'[]'::jsonb))
FROM "ad_versions" v;
--> statement-breakpoint
-- Picture addresses join the encrypted text; the hashes stay where linking reads them.
UPDATE "ad_versions" v SET "images" = coalesce(
	(SELECT jsonb_agg(i.value - 'url' ORDER BY i.ord)
	 FROM jsonb_array_elements(v."images") WITH ORDINALITY AS i(value, ord)),
	'[]'::jsonb)
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(v."images") AS i(value) WHERE i.value ? 'url');
--> statement-breakpoint
INSERT INTO "at_rest_upgrade" ("source", "row_id", "payload")
SELECT 'ad_extractions', e."ad_version_id",
	jsonb_build_object('facts', e."facts", 'suppressed', e."suppressed")
FROM "ad_extractions" e;

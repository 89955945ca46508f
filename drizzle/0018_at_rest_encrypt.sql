CREATE TABLE "ad_search_terms" (
	"ad_id" uuid PRIMARY KEY NOT NULL,
	"terms" bigint[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ad_versions" ADD COLUMN "content_enc" text;--> statement-breakpoint
ALTER TABLE "ad_versions" ADD COLUMN "display_name_key" text;--> statement-breakpoint
ALTER TABLE "captures" ADD COLUMN "data_key_enc" text;--> statement-breakpoint
ALTER TABLE "ad_extractions" ADD COLUMN "facts_enc" text;--> statement-breakpoint
ALTER TABLE "ad_search_terms" ADD CONSTRAINT "ad_search_terms_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_search_terms_terms_idx" ON "ad_search_terms" USING gin ("terms");--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "body";--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "posted_raw";--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "city";--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "display_name";--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "phone_raw";--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "age_raw";--> statement-breakpoint
ALTER TABLE "ad_versions" DROP COLUMN "price_raw";--> statement-breakpoint
ALTER TABLE "ad_extractions" DROP COLUMN "facts";--> statement-breakpoint
ALTER TABLE "ad_extractions" DROP COLUMN "suppressed";
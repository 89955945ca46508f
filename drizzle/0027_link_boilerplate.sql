CREATE TABLE "link_ad_lines" (
	"ad_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"line_hash" text NOT NULL,
	CONSTRAINT "link_ad_lines_ad_id_line_hash_pk" PRIMARY KEY("ad_id","line_hash")
);
--> statement-breakpoint
CREATE TABLE "link_boilerplate" (
	"source_id" uuid NOT NULL,
	"line_hash" text NOT NULL,
	"ads" integer NOT NULL,
	"numbers" integer NOT NULL,
	CONSTRAINT "link_boilerplate_source_id_line_hash_pk" PRIMARY KEY("source_id","line_hash")
);
--> statement-breakpoint
ALTER TABLE "link_ad_lines" ADD CONSTRAINT "link_ad_lines_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_ad_lines_source_idx" ON "link_ad_lines" USING btree ("source_id","line_hash");
CREATE TABLE "link_template_lsh" (
	"band" smallint NOT NULL,
	"bucket" bigint NOT NULL,
	"template_id" uuid NOT NULL,
	CONSTRAINT "link_template_lsh_band_bucket_template_id_pk" PRIMARY KEY("band","bucket","template_id")
);
--> statement-breakpoint
ALTER TABLE "link_templates" ADD COLUMN "minhash" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "link_template_lsh" ADD CONSTRAINT "link_template_lsh_template_id_link_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."link_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_template_lsh_template_idx" ON "link_template_lsh" USING btree ("template_id");--> statement-breakpoint
-- Templates were chained from ad to ad before; they are rebuilt around representatives by
-- `ariadne link --all` (or as ads are linked again).
UPDATE "link_ads" SET "template_id" = NULL;--> statement-breakpoint
DELETE FROM "link_templates";

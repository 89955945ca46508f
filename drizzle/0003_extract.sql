CREATE TABLE "ad_extractions" (
	"ad_version_id" uuid PRIMARY KEY NOT NULL,
	"ad_id" uuid NOT NULL,
	"rule_set_version" text NOT NULL,
	"extracted_at" timestamp with time zone NOT NULL,
	"language" text,
	"truncated" boolean DEFAULT false NOT NULL,
	"facts" jsonb NOT NULL,
	"suppressed" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ad_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ad_id" uuid NOT NULL,
	"ad_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value_hash" text NOT NULL,
	"value_enc" text NOT NULL,
	"raw_enc" text NOT NULL,
	"masked" text NOT NULL,
	"field" text NOT NULL,
	"span_start" integer NOT NULL,
	"span_end" integer NOT NULL,
	"obfuscated" boolean DEFAULT false NOT NULL,
	"obfuscation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"platform" text,
	"rule_set_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extract_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"body" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ad_extractions" ADD CONSTRAINT "ad_extractions_ad_version_id_ad_versions_id_fk" FOREIGN KEY ("ad_version_id") REFERENCES "public"."ad_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_extractions" ADD CONSTRAINT "ad_extractions_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_identifiers" ADD CONSTRAINT "ad_identifiers_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_identifiers" ADD CONSTRAINT "ad_identifiers_ad_version_id_ad_versions_id_fk" FOREIGN KEY ("ad_version_id") REFERENCES "public"."ad_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_extractions_ad_idx" ON "ad_extractions" USING btree ("ad_id");--> statement-breakpoint
CREATE INDEX "ad_extractions_rules_idx" ON "ad_extractions" USING btree ("rule_set_version");--> statement-breakpoint
CREATE INDEX "ad_identifiers_hash_idx" ON "ad_identifiers" USING btree ("value_hash");--> statement-breakpoint
CREATE INDEX "ad_identifiers_ad_idx" ON "ad_identifiers" USING btree ("ad_id");--> statement-breakpoint
CREATE INDEX "ad_identifiers_version_idx" ON "ad_identifiers" USING btree ("ad_version_id");--> statement-breakpoint
CREATE INDEX "extract_rules_active_idx" ON "extract_rules" USING btree ("active");
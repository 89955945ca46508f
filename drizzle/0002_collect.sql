CREATE TABLE "ad_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ad_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"posted_at" timestamp with time zone,
	"posted_raw" text,
	"city" text,
	"display_name" text,
	"phone_raw" text,
	"age_raw" text,
	"price_raw" text,
	"images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text,
	"capture_id" uuid,
	"parse_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fill_ratio" real
);
--> statement-breakpoint
CREATE TABLE "ads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"url" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"gone_at" timestamp with time zone,
	"last_checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid,
	"run_id" uuid,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"status" integer NOT NULL,
	"content_type" text,
	"payload_sha256" text NOT NULL,
	"record_key" text NOT NULL,
	"record_sha256" text NOT NULL,
	"record_size" bigint NOT NULL,
	"warc_record_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crawl_errors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"url" text NOT NULL,
	"kind" text NOT NULL,
	"status" integer,
	"message" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crawl_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"pages_fetched" integer DEFAULT 0 NOT NULL,
	"ads_found" integer DEFAULT 0 NOT NULL,
	"ads_new" integer DEFAULT 0 NOT NULL,
	"ads_changed" integer DEFAULT 0 NOT NULL,
	"ads_unchanged" integer DEFAULT 0 NOT NULL,
	"ads_gone" integer DEFAULT 0 NOT NULL,
	"parse_errors" integer DEFAULT 0 NOT NULL,
	"errors_by_kind" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"field_fill" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"field_misses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"robots_override_reason" text,
	"robots_override_by" uuid,
	"health" text DEFAULT 'unknown' NOT NULL,
	"health_detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "ad_versions" ADD CONSTRAINT "ad_versions_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_versions" ADD CONSTRAINT "ad_versions_capture_id_captures_id_fk" FOREIGN KEY ("capture_id") REFERENCES "public"."captures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ads" ADD CONSTRAINT "ads_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_errors" ADD CONSTRAINT "crawl_errors_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD CONSTRAINT "crawl_runs_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ad_versions_ad_version_idx" ON "ad_versions" USING btree ("ad_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "ads_source_external_idx" ON "ads" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "ads_last_seen_idx" ON "ads" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "ads_status_idx" ON "ads" USING btree ("status");--> statement-breakpoint
CREATE INDEX "captures_url_idx" ON "captures" USING btree ("url");--> statement-breakpoint
CREATE INDEX "captures_run_idx" ON "captures" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "crawl_errors_run_idx" ON "crawl_errors" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "crawl_runs_source_idx" ON "crawl_runs" USING btree ("source_id","created_at");
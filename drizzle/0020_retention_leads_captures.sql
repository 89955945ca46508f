CREATE TABLE "ad_tombstones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"language" text,
	"erased_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_tombstones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"place_id" text,
	"language" text,
	"erased_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE INDEX "ad_tombstones_first_seen_idx" ON "ad_tombstones" USING btree ("first_seen_at");--> statement-breakpoint
CREATE INDEX "lead_tombstones_created_idx" ON "lead_tombstones" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_alerts_entity_kind_idx" ON "lead_alerts" USING btree ("entity_id","kind");--> statement-breakpoint
CREATE INDEX "lead_alerts_open_idx" ON "lead_alerts" USING btree ("raised_at") WHERE "lead_alerts"."acknowledged_at" IS NULL;
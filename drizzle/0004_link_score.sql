CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ad_count" integer DEFAULT 0 NOT NULL,
	"features" jsonb,
	"movement" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place_ids" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"evidence_at" timestamp with time zone DEFAULT now() NOT NULL,
	"features_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "entity_merges" (
	"from_id" uuid PRIMARY KEY NOT NULL,
	"into_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_ads" (
	"ad_id" uuid PRIMARY KEY NOT NULL,
	"ad_version_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"template_id" uuid,
	"minhash" integer[] NOT NULL,
	"linked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_keys" (
	"ad_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key_hash" text NOT NULL,
	"strong" boolean NOT NULL,
	CONSTRAINT "link_keys_ad_id_kind_key_hash_pk" PRIMARY KEY("ad_id","kind","key_hash")
);
--> statement-breakpoint
CREATE TABLE "link_lsh" (
	"band" smallint NOT NULL,
	"bucket" bigint NOT NULL,
	"ad_id" uuid NOT NULL,
	CONSTRAINT "link_lsh_band_bucket_ad_id_pk" PRIMARY KEY("band","bucket","ad_id")
);
--> statement-breakpoint
CREATE TABLE "link_strong_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ad_count" integer DEFAULT 0 NOT NULL,
	"entity_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ad_scores" (
	"ad_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"urgent" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"model_version" integer NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_scores" (
	"entity_id" uuid PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"urgent" boolean NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"reasons" jsonb NOT NULL,
	"model_version" integer NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"entity_id" uuid PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"snoozed_until" timestamp with time zone,
	"no_action_reason" text,
	"urgent" boolean NOT NULL,
	"score" integer NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"place_ids" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"evidence_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_search_hits" (
	"search_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen" boolean DEFAULT false NOT NULL,
	CONSTRAINT "saved_search_hits_search_id_item_id_pk" PRIMARY KEY("search_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"target" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"new_matches" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_models" (
	"version" integer PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"note" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ad_identifiers" ADD COLUMN "link_hash" text;--> statement-breakpoint
UPDATE "ad_identifiers" SET "link_hash" = "value_hash";--> statement-breakpoint
ALTER TABLE "ad_identifiers" ALTER COLUMN "link_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "link_ads" ADD CONSTRAINT "link_ads_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_ads" ADD CONSTRAINT "link_ads_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_keys" ADD CONSTRAINT "link_keys_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_lsh" ADD CONSTRAINT "link_lsh_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_strong_keys" ADD CONSTRAINT "link_strong_keys_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_scores" ADD CONSTRAINT "ad_scores_ad_id_ads_id_fk" FOREIGN KEY ("ad_id") REFERENCES "public"."ads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_scores" ADD CONSTRAINT "entity_scores_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_hits" ADD CONSTRAINT "saved_search_hits_search_id_saved_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."saved_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entities_evidence_idx" ON "entities" USING btree ("evidence_at");--> statement-breakpoint
CREATE INDEX "entity_merges_into_idx" ON "entity_merges" USING btree ("into_id");--> statement-breakpoint
CREATE INDEX "link_ads_entity_idx" ON "link_ads" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "link_ads_template_idx" ON "link_ads" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "link_keys_hash_idx" ON "link_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "link_lsh_ad_idx" ON "link_lsh" USING btree ("ad_id");--> statement-breakpoint
CREATE INDEX "link_strong_keys_entity_idx" ON "link_strong_keys" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "entity_scores_rank_idx" ON "entity_scores" USING btree ("urgent","score");--> statement-breakpoint
CREATE INDEX "lead_events_entity_idx" ON "lead_events" USING btree ("entity_id","at");--> statement-breakpoint
CREATE INDEX "leads_queue_idx" ON "leads" USING btree ("urgent","score","evidence_at","entity_id");--> statement-breakpoint
CREATE INDEX "leads_state_idx" ON "leads" USING btree ("state");--> statement-breakpoint
CREATE INDEX "leads_assignee_idx" ON "leads" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "leads_places_idx" ON "leads" USING gin ("place_ids");--> statement-breakpoint
CREATE INDEX "leads_languages_idx" ON "leads" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "saved_searches_owner_idx" ON "saved_searches" USING btree ("owner_id");
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
CREATE TABLE "chat_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"operator_id" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "chat_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid NOT NULL,
	"blocked_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"author" text NOT NULL,
	"author_id" uuid,
	"body_enc" text NOT NULL,
	"client_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_presence" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"resume_code_hash" text,
	"language" text NOT NULL,
	"triage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"urgency" integer NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"operator_id" uuid,
	"operator_name" text,
	"queued_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"visitor_read_seq" integer DEFAULT 0 NOT NULL,
	"operator_read_seq" integer DEFAULT 0 NOT NULL,
	"first_unanswered_at" timestamp with time zone,
	"returned_count" integer DEFAULT 0 NOT NULL,
	"visitor_meta_enc" text,
	"blocked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_alerts" ADD CONSTRAINT "chat_alerts_chat_id_chat_sessions_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_blocks" ADD CONSTRAINT "chat_blocks_chat_id_chat_sessions_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_chat_id_chat_sessions_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_notes" ADD CONSTRAINT "chat_notes_chat_id_chat_sessions_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_tombstones_first_seen_idx" ON "ad_tombstones" USING btree ("first_seen_at");--> statement-breakpoint
CREATE INDEX "lead_tombstones_created_idx" ON "lead_tombstones" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_alerts_entity_kind_idx" ON "lead_alerts" USING btree ("entity_id","kind");--> statement-breakpoint
CREATE INDEX "lead_alerts_open_idx" ON "lead_alerts" USING btree ("raised_at") WHERE "lead_alerts"."acknowledged_at" IS NULL;--> statement-breakpoint
CREATE INDEX "chat_alerts_open_idx" ON "chat_alerts" USING btree ("raised_at") WHERE "chat_alerts"."acknowledged_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_blocks_chat_idx" ON "chat_blocks" USING btree ("chat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_seq_idx" ON "chat_messages" USING btree ("chat_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_client_idx" ON "chat_messages" USING btree ("chat_id","client_id") WHERE "chat_messages"."client_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "chat_notes_chat_idx" ON "chat_notes" USING btree ("chat_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_sessions_token_idx" ON "chat_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_sessions_resume_idx" ON "chat_sessions" USING btree ("resume_code_hash") WHERE "chat_sessions"."resume_code_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "chat_sessions_queue_idx" ON "chat_sessions" USING btree ("urgency","queued_at","id") WHERE "chat_sessions"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "chat_sessions_operator_idx" ON "chat_sessions" USING btree ("operator_id") WHERE "chat_sessions"."state" = 'active';--> statement-breakpoint
CREATE INDEX "chat_sessions_taken_idx" ON "chat_sessions" USING btree ("taken_at");--> statement-breakpoint
CREATE INDEX "chat_sessions_ended_idx" ON "chat_sessions" USING btree ("ended_at");
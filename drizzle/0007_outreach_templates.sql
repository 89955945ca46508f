ALTER TABLE "contacts" ADD COLUMN "opt_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "opt_out_channel_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "opt_out_language" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "opt_out_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "purpose" text DEFAULT 'message' NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_templates" ADD COLUMN "fallbacks" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_templates" ADD COLUMN "retired_by" uuid;--> statement-breakpoint
ALTER TABLE "outreach_templates" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;
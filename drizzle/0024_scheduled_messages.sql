CREATE TABLE "outreach_name_allowances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"allowed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "scheduled_zone" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "safety_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "outreach_name_allowances" ADD CONSTRAINT "outreach_name_allowances_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_name_allowances_idx" ON "outreach_name_allowances" USING btree ("entity_id","contact_id");
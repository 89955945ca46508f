CREATE TABLE "partner_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"services" text[] NOT NULL,
	"municipalities" text[] DEFAULT '{}' NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"place_id" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"interpretation" boolean DEFAULT false NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"genders" text[] NOT NULL,
	"accepts_minors" boolean DEFAULT false NOT NULL,
	"accepts_pregnant" boolean DEFAULT true NOT NULL,
	"residence_statuses" text[] NOT NULL,
	"capacity" text,
	"capacity_confirmed_at" timestamp with time zone,
	"intake_hours" text,
	"referral_channel" text NOT NULL,
	"secure_link_contact" text,
	"account_org_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_organisations" ADD CONSTRAINT "partner_organisations_account_org_id_partner_orgs_id_fk" FOREIGN KEY ("account_org_id") REFERENCES "public"."partner_orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_organisations_name_idx" ON "partner_organisations" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "partner_organisations_account_idx" ON "partner_organisations" USING btree ("account_org_id") WHERE "partner_organisations"."account_org_id" IS NOT NULL;
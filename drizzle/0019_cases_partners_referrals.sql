CREATE TABLE "case_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_conversations" (
	"case_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_conversations_case_id_conversation_id_pk" PRIMARY KEY("case_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "case_entities" (
	"case_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_entities_case_id_entity_id_pk" PRIMARY KEY("case_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"body_enc" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"title_enc" text NOT NULL,
	"due_at" timestamp with time zone,
	"assignee_id" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid,
	"user_label" text NOT NULL,
	"part" text NOT NULL,
	"viewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pseudonym" text NOT NULL,
	"alias" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"origin" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"assignee_ids" uuid[] DEFAULT '{}' NOT NULL,
	"minor" boolean DEFAULT false NOT NULL,
	"gender" text,
	"age" integer,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"place_id" text,
	"place_name" text,
	"needs" text[] DEFAULT '{}' NOT NULL,
	"nationality" text,
	"exploitation_types" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"organisation_id" uuid,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"source" text NOT NULL,
	"evidence_message_id" uuid,
	"evidence_note_enc" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_source" text,
	"withdrawal_message_id" uuid,
	"withdrawal_note_enc" text
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"level" text NOT NULL,
	"answers" jsonb NOT NULL,
	"note_enc" text,
	"assessed_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"account_org_id" uuid,
	"legal_basis" text NOT NULL,
	"duty_decided_by" uuid,
	"duty_reason_enc" text,
	"consent_ids" uuid[] DEFAULT '{}' NOT NULL,
	"fields" text[] NOT NULL,
	"snapshot_enc" text NOT NULL,
	"handoff_note_enc" text,
	"state" text DEFAULT 'sent' NOT NULL,
	"answer_note_enc" text,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_cause" text,
	"last_reminder_at" timestamp with time zone,
	"reminder_notified_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secure_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_contact" text,
	"code_delivered_at" timestamp with time zone,
	"code_delivered_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "secure_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
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
CREATE TABLE "case_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reason_enc" text NOT NULL,
	"held_by" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_tombstones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"minor" boolean NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"erased_at" timestamp with time zone NOT NULL,
	"cause" text NOT NULL,
	"referrals" integer NOT NULL,
	"conversations" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_alerts" ADD CONSTRAINT "case_alerts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conversations" ADD CONSTRAINT "case_conversations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_entities" ADD CONSTRAINT "case_entities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_views" ADD CONSTRAINT "case_views_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organisation_id_partner_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_account_org_id_partner_orgs_id_fk" FOREIGN KEY ("account_org_id") REFERENCES "public"."partner_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_links" ADD CONSTRAINT "secure_links_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_organisations" ADD CONSTRAINT "partner_organisations_account_org_id_partner_orgs_id_fk" FOREIGN KEY ("account_org_id") REFERENCES "public"."partner_orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_alerts_open_idx" ON "case_alerts" USING btree ("raised_at") WHERE "case_alerts"."acknowledged_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_alerts_case_idx" ON "case_alerts" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_conversations_conversation_idx" ON "case_conversations" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "case_entities_entity_idx" ON "case_entities" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_due_idx" ON "case_tasks" USING btree ("assignee_id","due_at") WHERE "case_tasks"."done_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_views_case_idx" ON "case_views" USING btree ("case_id","viewed_at" DESC);--> statement-breakpoint
CREATE UNIQUE INDEX "cases_pseudonym_idx" ON "cases" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","updated_at" DESC);--> statement-breakpoint
CREATE INDEX "cases_assignees_idx" ON "cases" USING gin ("assignee_ids");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("case_id","scope");--> statement-breakpoint
CREATE INDEX "consents_organisation_idx" ON "consents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_case_idx" ON "risk_assessments" USING btree ("case_id","assessed_at" DESC);--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","seq");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_account_org_idx" ON "referrals" USING btree ("account_org_id","sent_at" DESC);--> statement-breakpoint
CREATE INDEX "referrals_open_idx" ON "referrals" USING btree ("state","sent_at") WHERE "referrals"."state" IN ('sent', 'accepted', 'intake_done', 'in_care');--> statement-breakpoint
CREATE INDEX "secure_links_referral_idx" ON "secure_links" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_organisations_name_idx" ON "partner_organisations" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "partner_organisations_account_idx" ON "partner_organisations" USING btree ("account_org_id") WHERE "partner_organisations"."account_org_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "case_holds_active_idx" ON "case_holds" USING btree ("case_id") WHERE "case_holds"."lifted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_tombstones_erased_idx" ON "case_tombstones" USING btree ("erased_at");
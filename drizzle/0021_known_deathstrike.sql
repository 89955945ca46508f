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
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_holds_active_idx" ON "case_holds" USING btree ("case_id") WHERE "case_holds"."lifted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "case_tombstones_erased_idx" ON "case_tombstones" USING btree ("erased_at");
CREATE TABLE "audit_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"anchored_at" timestamp with time zone NOT NULL,
	"gen_time" timestamp with time zone NOT NULL,
	"tsa_url" text NOT NULL,
	"policy" text NOT NULL,
	"serial" text NOT NULL,
	"token" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "key_id" text;--> statement-breakpoint
CREATE INDEX "audit_anchors_seq_idx" ON "audit_anchors" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
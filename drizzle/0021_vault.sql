CREATE TABLE "vault_address_failures" (
	"address_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vault_address_failures_address_hash_window_start_pk" PRIMARY KEY("address_hash","window_start")
);
--> statement-breakpoint
CREATE TABLE "vault_chain" (
	"vault_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" text NOT NULL,
	"canonical" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "vault_chain_vault_id_seq_pk" PRIMARY KEY("vault_id","seq")
);
--> statement-breakpoint
CREATE TABLE "vault_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vault_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"blob_key" text NOT NULL,
	"manifest_key" text NOT NULL,
	"manifest_size" integer NOT NULL,
	"manifest_sha256" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_recipient_keys" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"age_public_key" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_recipients" (
	"vault_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vault_recipients_vault_id_user_id_pk" PRIMARY KEY("vault_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "vault_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"vault_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_share_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_share_opens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"share_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_share_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vault_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"message_enc" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vault_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"blob_key" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "vault_timestamps" (
	"vault_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"head_hash" text NOT NULL,
	"token" text NOT NULL,
	"gen_time" timestamp with time zone NOT NULL,
	"tsa_url" text NOT NULL,
	CONSTRAINT "vault_timestamps_vault_id_seq_pk" PRIMARY KEY("vault_id","seq")
);
--> statement-breakpoint
CREATE TABLE "vault_unknown_attempts" (
	"lookup_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_upload_chunks" (
	"upload_id" uuid NOT NULL,
	"offset" bigint NOT NULL,
	"length" integer NOT NULL,
	"blob_key" text NOT NULL,
	CONSTRAINT "vault_upload_chunks_upload_id_offset_pk" PRIMARY KEY("upload_id","offset")
);
--> statement-breakpoint
CREATE TABLE "vault_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vault_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"item_id" uuid,
	"recipient_id" uuid,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"received" bigint DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'receiving' NOT NULL,
	"fail_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vaults" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lookup_hash" text NOT NULL,
	"auth_salt" text NOT NULL,
	"auth_hash" text NOT NULL,
	"recovery_salt" text NOT NULL,
	"recovery_hash" text NOT NULL,
	"passphrase_wrapped" text NOT NULL,
	"recovery_wrapped" text NOT NULL,
	"wipe_after" integer,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"head_seq" integer DEFAULT 0 NOT NULL,
	"head_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_unlocked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "vault_chain" ADD CONSTRAINT "vault_chain_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_items" ADD CONSTRAINT "vault_items_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_recipient_keys" ADD CONSTRAINT "vault_recipient_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_recipients" ADD CONSTRAINT "vault_recipients_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_recipients" ADD CONSTRAINT "vault_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_sessions" ADD CONSTRAINT "vault_sessions_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_share_codes" ADD CONSTRAINT "vault_share_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_share_opens" ADD CONSTRAINT "vault_share_opens_share_id_vault_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."vault_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_share_requests" ADD CONSTRAINT "vault_share_requests_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_share_requests" ADD CONSTRAINT "vault_share_requests_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_shares" ADD CONSTRAINT "vault_shares_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_shares" ADD CONSTRAINT "vault_shares_item_id_vault_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."vault_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_shares" ADD CONSTRAINT "vault_shares_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_timestamps" ADD CONSTRAINT "vault_timestamps_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_upload_chunks" ADD CONSTRAINT "vault_upload_chunks_upload_id_vault_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."vault_uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vault_uploads" ADD CONSTRAINT "vault_uploads_vault_id_vaults_id_fk" FOREIGN KEY ("vault_id") REFERENCES "public"."vaults"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vault_items_vault_idx" ON "vault_items" USING btree ("vault_id");--> statement-breakpoint
CREATE INDEX "vault_recipients_user_idx" ON "vault_recipients" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "vault_sessions_vault_idx" ON "vault_sessions" USING btree ("vault_id");--> statement-breakpoint
CREATE INDEX "vault_sessions_seen_idx" ON "vault_sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "vault_share_codes_expiry_idx" ON "vault_share_codes" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "vault_share_opens_share_idx" ON "vault_share_opens" USING btree ("share_id");--> statement-breakpoint
CREATE INDEX "vault_share_requests_vault_idx" ON "vault_share_requests" USING btree ("vault_id");--> statement-breakpoint
CREATE INDEX "vault_shares_vault_idx" ON "vault_shares" USING btree ("vault_id");--> statement-breakpoint
CREATE INDEX "vault_shares_recipient_idx" ON "vault_shares" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "vault_uploads_vault_idx" ON "vault_uploads" USING btree ("vault_id");--> statement-breakpoint
CREATE INDEX "vault_uploads_expiry_idx" ON "vault_uploads" USING btree ("expires_at") WHERE "vault_uploads"."state" = 'receiving';--> statement-breakpoint
CREATE UNIQUE INDEX "vaults_lookup_idx" ON "vaults" USING btree ("lookup_hash");
ALTER TABLE "chat_sessions" ADD COLUMN "last_message_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "conversation_id" uuid;--> statement-breakpoint
CREATE INDEX "chat_sessions_activity_idx" ON "chat_sessions" USING btree (coalesce("last_message_at", "created_at") DESC,"id" DESC);--> statement-breakpoint
CREATE UNIQUE INDEX "chat_sessions_conversation_idx" ON "chat_sessions" USING btree ("conversation_id") WHERE "chat_sessions"."conversation_id" IS NOT NULL;--> statement-breakpoint
-- Chats written before this column: their last message's time, so the inbox orders them too.
UPDATE "chat_sessions" s SET "last_message_at" = (SELECT max(m."created_at") FROM "chat_messages" m WHERE m."chat_id" = s."id");

DROP INDEX "conversations_inbox_idx";--> statement-breakpoint
DROP INDEX "conversations_assignee_idx";--> statement-breakpoint
CREATE INDEX "conversations_activity_idx" ON "conversations" USING btree ((coalesce("last_message_at", "created_at")) DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "conversations_unread_idx" ON "conversations" USING btree ("assignee_id") WHERE "conversations"."unread" > 0 AND "conversations"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "conversations_inbox_idx" ON "conversations" USING btree ("status",(coalesce("last_message_at", "created_at")) DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "conversations_assignee_idx" ON "conversations" USING btree ("assignee_id",(coalesce("last_message_at", "created_at")) DESC,"id" DESC);
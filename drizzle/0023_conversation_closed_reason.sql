ALTER TABLE "conversations" ADD COLUMN "closed_reason" text;--> statement-breakpoint
-- Threads of people who opted out before this column existed close as they would now; one the
-- person opened again after their opt-out stays open (it may be a call for help).
UPDATE "conversations" AS c SET "status" = 'closed', "closed_at" = k."opt_out_at", "closed_reason" = 'opt_out'
FROM "contacts" AS k
WHERE k."id" = c."contact_id" AND k."opt_out_at" IS NOT NULL AND c."status" <> 'closed'
  AND (c."last_inbound_at" IS NULL OR c."last_inbound_at" <= k."opt_out_at" + interval '1 minute');

ALTER TABLE "captures" ADD COLUMN "fetch_id" uuid;--> statement-breakpoint
ALTER TABLE "captures" ADD COLUMN "fetch_hop" smallint;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD COLUMN "worker_name" text;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD COLUMN "worker_instance" text;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD COLUMN "job_id" text;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD COLUMN "failure" text;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD COLUMN "resumed_from" uuid;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD CONSTRAINT "crawl_runs_resumed_from_crawl_runs_id_fk" FOREIGN KEY ("resumed_from") REFERENCES "public"."crawl_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "captures_fetch_idx" ON "captures" USING btree ("fetch_id");--> statement-breakpoint
CREATE INDEX "crawl_runs_running_idx" ON "crawl_runs" USING btree ("heartbeat_at") WHERE "crawl_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "crawl_runs_resumed_from_idx" ON "crawl_runs" USING btree ("resumed_from");
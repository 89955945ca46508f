ALTER TABLE "cases" ADD COLUMN "nationality" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "exploitation_types" text[] DEFAULT '{}' NOT NULL;
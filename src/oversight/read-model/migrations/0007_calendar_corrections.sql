ALTER TABLE "rm_follow_up_versions" ADD COLUMN "due_at_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "due_at_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rm_timeline" ADD COLUMN "withdrawn_at" timestamp with time zone;
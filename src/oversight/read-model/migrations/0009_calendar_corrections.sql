-- Provisional due times and withdrawn overdue records: replay the log so every row has them.
TRUNCATE "rm_cases", "rm_follow_ups", "rm_timeline", "rm_case_states", "rm_case_versions", "rm_follow_up_versions", "rm_checkpoints";
--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "due_at_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "due_at_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rm_timeline" ADD COLUMN "withdrawn_at" timestamp with time zone;

-- Tracks now carry their version, the study note and decree corrections: replay the log so every row has them.
TRUNCATE "rm_cases", "rm_follow_ups", "rm_timeline", "rm_case_states", "rm_case_versions", "rm_follow_up_versions", "rm_checkpoints";
--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "study_note" text;--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "decree_correction_reason" text;--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "decree_corrected_by" text;--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "replaced_decree_number" text;--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "decree_corrections" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "track_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "study_note" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "decree_correction_reason" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "decree_corrected_by" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "replaced_decree_number" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "decree_corrections" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "track_version" integer DEFAULT 0 NOT NULL;
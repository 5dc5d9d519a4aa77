-- Versions now record the log position that made them: replay the log so every row has one.
TRUNCATE "rm_cases", "rm_follow_ups", "rm_timeline", "rm_case_states", "rm_case_versions", "rm_follow_up_versions", "rm_checkpoints";
--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "log_position" bigint NOT NULL;
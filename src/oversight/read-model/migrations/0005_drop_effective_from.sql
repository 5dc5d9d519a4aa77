ALTER TABLE "rm_case_states" DROP COLUMN "effective_from";--> statement-breakpoint
-- Tracks now count from their own dates (src/case/case-effective-time.ts): replay the log so every
-- version row is written under the new rule.
TRUNCATE "rm_cases", "rm_follow_ups", "rm_timeline", "rm_case_states", "rm_case_versions", "rm_follow_up_versions", "rm_checkpoints";

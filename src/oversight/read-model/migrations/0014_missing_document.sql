-- A track's missing document (a decree without its SK) comes from the documents attached to it: replay the log so every row has it.
-- Only the case projection's checkpoint is reset: other readers of the log keep theirs.
TRUNCATE "rm_cases", "rm_follow_ups", "rm_timeline", "rm_case_states", "rm_case_versions", "rm_follow_up_versions";
--> statement-breakpoint
DELETE FROM "rm_checkpoints" WHERE "name" = 'cases';
--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ADD COLUMN "missing_document" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "missing_document" text;

-- ANALYZE copies sample values (most common values, histogram bounds) into pg_statistic, where an
-- erasure cannot reach them: personal columns get no statistics. Rows written before sealing are
-- replayed so that their names and texts are opened (or erased) as the projection now does.
ALTER TABLE "rm_cases" ALTER COLUMN "place" SET STATISTICS 0, ALTER COLUMN "summary" SET STATISTICS 0, ALTER COLUMN "evidence" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "rm_case_versions" ALTER COLUMN "place" SET STATISTICS 0, ALTER COLUMN "summary" SET STATISTICS 0, ALTER COLUMN "evidence" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ALTER COLUMN "name" SET STATISTICS 0, ALTER COLUMN "nip" SET STATISTICS 0, ALTER COLUMN "position" SET STATISTICS 0, ALTER COLUMN "study_note" SET STATISTICS 0, ALTER COLUMN "decree_correction_reason" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "rm_follow_up_versions" ALTER COLUMN "name" SET STATISTICS 0, ALTER COLUMN "position" SET STATISTICS 0, ALTER COLUMN "study_note" SET STATISTICS 0, ALTER COLUMN "decree_correction_reason" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "rm_case_states" ALTER COLUMN "state" SET STATISTICS 0;
--> statement-breakpoint
TRUNCATE "rm_cases", "rm_follow_ups", "rm_timeline", "rm_case_states", "rm_case_versions", "rm_follow_up_versions", "rm_checkpoints";

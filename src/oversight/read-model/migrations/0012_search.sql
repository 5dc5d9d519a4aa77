-- Search (README "Search"): trigram matching for names and numbers (pg_trgm, in schema public so that a
-- rebuild, which renames and drops the read model's own schema, never takes it along), full text for
-- the summary, and the NRP and NIK beside the NIP. Indexes over the columns the read model already
-- keeps, not a copy of them: an erasure rewrites these tables (VACUUM FULL), and with them their indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;--> statement-breakpoint
CREATE INDEX "rm_cases_summary_words_idx" ON "rm_cases" USING gin (to_tsvector('simple', summary));--> statement-breakpoint
CREATE INDEX "rm_cases_register_trgm_idx" ON "rm_cases" USING gin ((regexp_replace(lower(register_number), '[^a-z0-9]+', '', 'g')) public.gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rm_follow_ups_nrp_idx" ON "rm_follow_ups" USING btree ("nrp");--> statement-breakpoint
CREATE INDEX "rm_follow_ups_nik_idx" ON "rm_follow_ups" USING btree ("nik");--> statement-breakpoint
CREATE INDEX "rm_follow_ups_name_trgm_idx" ON "rm_follow_ups" USING gin (name public.gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "rm_follow_ups_letters_trgm_idx" ON "rm_follow_ups" USING gin ((coalesce(regexp_replace(lower(recommendation_letter), '[^a-z0-9]+', '', 'g'), '') || ' ' || coalesce(regexp_replace(lower(decision_letter), '[^a-z0-9]+', '', 'g'), '') || ' ' || coalesce(regexp_replace(lower(decree_number), '[^a-z0-9]+', '', 'g'), '') || ' ' || coalesce(regexp_replace(lower(replaced_decree_number), '[^a-z0-9]+', '', 'g'), '') || ' ' || coalesce(regexp_replace(lower(escalation_letter), '[^a-z0-9]+', '', 'g'), '')) public.gin_trgm_ops);--> statement-breakpoint
-- ANALYZE samples an index expression into pg_statistic, out of an erasure's reach: the summary's words get none (see 0010).
ALTER INDEX "rm_cases_summary_words_idx" ALTER COLUMN 1 SET STATISTICS 0;

-- NRP (TNI/Polri) and NIK (village) beside the NIP: current rows only; no event before them carries either.
ALTER TABLE "rm_follow_ups" ADD COLUMN "nrp" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "nik" text;--> statement-breakpoint
-- Personal identifiers like the NIP: ANALYZE keeps no sample values of them (see 0010).
ALTER TABLE "rm_follow_ups" ALTER COLUMN "nrp" SET STATISTICS 0, ALTER COLUMN "nik" SET STATISTICS 0;

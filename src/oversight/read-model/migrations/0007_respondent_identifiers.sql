-- NRP (TNI/Polri) and NIK (village) beside the NIP: current rows only; no event before them carries either.
ALTER TABLE "rm_follow_ups" ADD COLUMN "nrp" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "nik" text;
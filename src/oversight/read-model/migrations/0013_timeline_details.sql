-- The timeline line as data (projection/timeline-details.ts); rows projected before it stay null until the read model is rebuilt.
ALTER TABLE "rm_timeline" ADD COLUMN "details" jsonb;

ALTER TABLE "rm_follow_ups" ADD COLUMN "overdue_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "overdue_step" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "escalation_kind" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "escalation_letter" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "escalated_by" text;--> statement-breakpoint
ALTER TABLE "rm_follow_ups" ADD COLUMN "siasn_blocked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "rm_follow_ups_due_idx" ON "rm_follow_ups" USING btree ("due_at");
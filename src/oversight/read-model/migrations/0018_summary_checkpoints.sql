CREATE TABLE "rm_summary_checkpoint_counts" (
	"at" timestamp with time zone NOT NULL,
	"bucket" text NOT NULL,
	"dims" smallint NOT NULL,
	"election_kind" text NOT NULL,
	"election_year" integer NOT NULL,
	"region" text NOT NULL,
	"province" text NOT NULL,
	"ppk" text NOT NULL,
	"violation" text NOT NULL,
	"waiting_on" text NOT NULL,
	"kind" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"stage_REPORTED" integer DEFAULT 0 NOT NULL,
	"stage_REPORTED_cases" integer DEFAULT 0 NOT NULL,
	"stage_STUDIED" integer DEFAULT 0 NOT NULL,
	"stage_STUDIED_cases" integer DEFAULT 0 NOT NULL,
	"stage_RECOMMENDED" integer DEFAULT 0 NOT NULL,
	"stage_RECOMMENDED_cases" integer DEFAULT 0 NOT NULL,
	"stage_SANCTION_DECIDED" integer DEFAULT 0 NOT NULL,
	"stage_SANCTION_DECIDED_cases" integer DEFAULT 0 NOT NULL,
	"stage_SANCTION_EXECUTED" integer DEFAULT 0 NOT NULL,
	"stage_SANCTION_EXECUTED_cases" integer DEFAULT 0 NOT NULL,
	"stage_NO_VIOLATION" integer DEFAULT 0 NOT NULL,
	"stage_NO_VIOLATION_cases" integer DEFAULT 0 NOT NULL,
	"stage_FORWARDED" integer DEFAULT 0 NOT NULL,
	"stage_FORWARDED_cases" integer DEFAULT 0 NOT NULL,
	"stage_CLEARED" integer DEFAULT 0 NOT NULL,
	"stage_CLEARED_cases" integer DEFAULT 0 NOT NULL,
	"stage_FOLLOW_UP_IMPOSSIBLE" integer DEFAULT 0 NOT NULL,
	"stage_FOLLOW_UP_IMPOSSIBLE_cases" integer DEFAULT 0 NOT NULL,
	"status_PENDING" integer DEFAULT 0 NOT NULL,
	"status_PENDING_cases" integer DEFAULT 0 NOT NULL,
	"status_AS_RECOMMENDED" integer DEFAULT 0 NOT NULL,
	"status_AS_RECOMMENDED_cases" integer DEFAULT 0 NOT NULL,
	"status_NOT_AS_RECOMMENDED" integer DEFAULT 0 NOT NULL,
	"status_NOT_AS_RECOMMENDED_cases" integer DEFAULT 0 NOT NULL,
	"status_CANNOT_BE_ACTED_ON" integer DEFAULT 0 NOT NULL,
	"status_CANNOT_BE_ACTED_ON_cases" integer DEFAULT 0 NOT NULL,
	"recommended" integer DEFAULT 0 NOT NULL,
	"recommended_cases" integer DEFAULT 0 NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"decided_cases" integer DEFAULT 0 NOT NULL,
	"acted_on" integer DEFAULT 0 NOT NULL,
	"acted_on_cases" integer DEFAULT 0 NOT NULL,
	"waiting" integer DEFAULT 0 NOT NULL,
	"waiting_cases" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rm_summary_checkpoint_counts_at_bucket_pk" PRIMARY KEY("at","bucket")
);
--> statement-breakpoint
CREATE TABLE "rm_summary_checkpoint_values" (
	"at" timestamp with time zone NOT NULL,
	"bucket" text NOT NULL,
	"dims" smallint NOT NULL,
	"election_kind" text NOT NULL,
	"election_year" integer NOT NULL,
	"region" text NOT NULL,
	"province" text NOT NULL,
	"ppk" text NOT NULL,
	"violation" text NOT NULL,
	"waiting_on" text NOT NULL,
	"kind" text NOT NULL,
	"measure" smallint NOT NULL,
	"grain" integer NOT NULL,
	"n" integer NOT NULL,
	"vals" bigint[] NOT NULL,
	"removed" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	CONSTRAINT "rm_summary_checkpoint_values_at_bucket_measure_grain_pk" PRIMARY KEY("at","bucket","measure","grain")
);
--> statement-breakpoint
CREATE TABLE "rm_summary_checkpoints" (
	"at" timestamp with time zone PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rm_summary_checkpoint_counts_grouping_idx" ON "rm_summary_checkpoint_counts" USING btree ("at","dims","kind");--> statement-breakpoint
CREATE INDEX "rm_summary_checkpoint_values_grouping_idx" ON "rm_summary_checkpoint_values" USING btree ("at","dims","measure","grain","region","province","ppk","violation","waiting_on","kind");--> statement-breakpoint
CREATE INDEX "rm_follow_up_versions_from_idx" ON "rm_follow_up_versions" USING btree ("valid_from","case_id");--> statement-breakpoint
CREATE INDEX "rm_follow_up_versions_position_idx" ON "rm_follow_up_versions" USING btree ("log_position","case_id");
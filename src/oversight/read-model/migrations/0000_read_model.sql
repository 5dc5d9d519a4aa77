CREATE TABLE "rm_case_states" (
	"case_id" text PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"register_number" text NOT NULL,
	"source" text NOT NULL,
	"election_kind" text NOT NULL,
	"election_year" integer NOT NULL,
	"election_region" text NOT NULL,
	"handling_unit" text NOT NULL,
	"stage" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone,
	"place" text,
	"summary" text NOT NULL,
	"violations" text[] NOT NULL,
	"evidence" text[] NOT NULL,
	"scope_codes" text[] NOT NULL,
	"version" integer NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_checkpoints" (
	"name" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_follow_ups" (
	"case_id" text NOT NULL,
	"respondent_id" text NOT NULL,
	"name" text NOT NULL,
	"nip" text,
	"employment" text NOT NULL,
	"position" text,
	"institution" text NOT NULL,
	"institution_region" text,
	"stage" text NOT NULL,
	"waiting_on" text,
	"since" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"follow_up_status" text,
	"outcome" text,
	"violations" text[] NOT NULL,
	"recommendation_recipient" text,
	"recommendation_letter" text,
	"recommended_at" timestamp with time zone,
	"decided_by" text,
	"decision_letter" text,
	"decided_at" timestamp with time zone,
	"recommended_sanction" text,
	"ppk_title" text,
	"ppk_region" text,
	"executed_sanction" text,
	"decree_number" text,
	"executed_at" timestamp with time zone,
	"impossible_reason" text,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"regency_code" text,
	"election_kind" text NOT NULL,
	"election_year" integer NOT NULL,
	"handling_unit" text NOT NULL,
	"case_received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rm_follow_ups_case_id_respondent_id_pk" PRIMARY KEY("case_id","respondent_id")
);
--> statement-breakpoint
CREATE TABLE "rm_timeline" (
	"case_id" text NOT NULL,
	"version" integer NOT NULL,
	"position" bigint NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"agency" text NOT NULL,
	"unit" text,
	"user_id" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "rm_timeline_case_id_version_pk" PRIMARY KEY("case_id","version")
);
--> statement-breakpoint
CREATE INDEX "rm_cases_received_idx" ON "rm_cases" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "rm_follow_ups_order_idx" ON "rm_follow_ups" USING btree ("case_received_at","case_id","respondent_id");--> statement-breakpoint
CREATE INDEX "rm_follow_ups_nip_idx" ON "rm_follow_ups" USING btree ("nip");
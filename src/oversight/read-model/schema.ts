import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { LETTERS_COMPACT, REGISTER_COMPACT, SUMMARY_WORDS } from './search-expressions';
import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import { ODD_REGION_CODE, SCOPE_PREFIXES, SEVERAL_SCOPE_CODES } from './region-shape';

/**
 * The read model: what Bawaslu, BKN and oversight query. Every row is derived from the event log by
 * the projection and can be rebuilt from position 0 to exactly the same content.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The columns of a case row, shared by the current table and its versions. */
const caseColumns = () => ({
  id: text('id').notNull(),
  registerNumber: text('register_number').notNull(),
  source: text('source').notNull(),
  electionKind: text('election_kind').notNull(),
  electionYear: integer('election_year').notNull(),
  electionRegion: text('election_region').notNull(),
  handlingUnit: text('handling_unit').notNull(),
  stage: text('stage').notNull(),
  receivedAt: ts('received_at').notNull(),
  knownAt: ts('known_at').notNull(),
  occurredAt: ts('occurred_at'),
  place: text('place'),
  summary: text('summary').notNull(),
  violations: text('violations').array().notNull(),
  evidence: text('evidence').array().notNull(),
  /** Region codes that make a regional unit see the case: handling unit, PPK and institution regions. */
  scopeCodes: text('scope_codes').array().notNull(),
  /** Set once the case's personal data was crypto-shredded. */
  personalDataErasedAt: ts('personal_data_erased_at'),
  version: integer('version').notNull(),
  position: bigint('position', { mode: 'bigint' }).notNull(),
});

export const cases = pgTable(
  'rm_cases',
  { ...caseColumns(), id: text('id').primaryKey() },
  (t) => [
    index('rm_cases_received_idx').on(t.receivedAt, t.id),
    /** search: words of the summary (full text, `simple` configuration) and the register number without punctuation (trigrams). */
    index('rm_cases_summary_words_idx').using('gin', sql.raw(SUMMARY_WORDS)),
    index('rm_cases_register_trgm_idx').using('gin', sql.raw(`(${REGISTER_COMPACT}) public.gin_trgm_ops`)),
    /**
     * The cases with several scope codes, by every dot-prefix of them (rm_scope_prefixes, migration 0020):
     * a regional unit's followUps count adds the rows of those cases inside its scope whose counting
     * region lies outside it (queries/follow-up-count.ts). Empty when every case has one scope code.
     */
    index('rm_cases_scope_prefixes_idx').using('gin', sql.raw(SCOPE_PREFIXES)).where(sql.raw(SEVERAL_SCOPE_CODES)),
  ],
);

/** A respondent track's columns without its NIP: the NIP lives only in the current row (erasure clears it there). */
const followUpColumns = () => ({
  caseId: text('case_id').notNull(),
  respondentId: text('respondent_id').notNull(),
  name: text('name').notNull(),
  employment: text('employment').notNull(),
  position: text('position'),
  institution: text('institution').notNull(),
  institutionRegion: text('institution_region'),
  stage: text('stage').notNull(),
  waitingOn: text('waiting_on'),
  since: ts('since').notNull(),
  dueAt: ts('due_at'),
  /** due_at was counted through a year whose holiday decree Netra does not have yet. */
  dueAtProvisional: boolean('due_at_provisional').notNull().default(false),
  followUpStatus: text('follow_up_status'),
  outcome: text('outcome'),
  violations: text('violations').array().notNull(),
  recommendationRecipient: text('recommendation_recipient'),
  recommendationLetter: text('recommendation_letter'),
  recommendedAt: ts('recommended_at'),
  decidedBy: text('decided_by'),
  decisionLetter: text('decision_letter'),
  decidedAt: ts('decided_at'),
  recommendedSanction: text('recommended_sanction'),
  ppkTitle: text('ppk_title'),
  ppkRegion: text('ppk_region'),
  executedSanction: text('executed_sanction'),
  decreeNumber: text('decree_number'),
  executedAt: ts('executed_at'),
  impossibleReason: text('impossible_reason'),
  /** The due time Netra recorded as missed (FollowUpOverdue), and the step that is late. */
  overdueSince: ts('overdue_since'),
  overdueStep: text('overdue_step'),
  /** The latest escalation of the track. */
  escalationKind: text('escalation_kind'),
  escalationLetter: text('escalation_letter'),
  escalatedAt: ts('escalated_at'),
  escalatedBy: text('escalated_by'),
  siasnBlocked: boolean('siasn_blocked').notNull().default(false),
  /** The study's note on this respondent (kajian): identity-level data, shown like the name. */
  studyNote: text('study_note'),
  /** Set when the decree in force corrects an earlier one: why, by whom, which decree it replaced, how many corrections. */
  decreeCorrectionReason: text('decree_correction_reason'),
  decreeCorrectedBy: text('decree_corrected_by'),
  replacedDecreeNumber: text('replaced_decree_number'),
  decreeCorrections: integer('decree_corrections').notNull().default(0),
  /** The case version of the last event that touched this track: what a client sends as expectedVersion. */
  trackVersion: integer('track_version').notNull().default(0),
  /** The document the track's stage requires and lacks (a decree without its SK: DECREE); null when none is missing. */
  missingDocument: text('missing_document'),
  /** The respondent's region for figures: PPK region, else institution region, else handling unit. */
  regionCode: text('region_code').notNull(),
  provinceCode: text('province_code').notNull(),
  regencyCode: text('regency_code'),
  electionKind: text('election_kind').notNull(),
  electionYear: integer('election_year').notNull(),
  handlingUnit: text('handling_unit').notNull(),
  caseReceivedAt: ts('case_received_at').notNull(),
});

/** One row per respondent track: the unit in which KASN/BKN count (persons). */
export const followUps = pgTable(
  'rm_follow_ups',
  // NRP (TNI/Polri) and NIK (village) are personal data like the NIP: current row only, cleared on erasure.
  { ...followUpColumns(), nip: text('nip'), nrp: text('nrp'), nik: text('nik') },
  (t) => [
    primaryKey({ columns: [t.caseId, t.respondentId] }),
    index('rm_follow_ups_order_idx').on(t.caseReceivedAt, t.caseId, t.respondentId),
    index('rm_follow_ups_nip_idx').on(t.nip),
    /** search by identifier: NRP and NIK beside the NIP. */
    index('rm_follow_ups_nrp_idx').on(t.nrp),
    index('rm_follow_ups_nik_idx').on(t.nik),
    /** The deadline process's scan: waiting tracks by due time. */
    index('rm_follow_ups_due_idx').on(t.dueAt),
    /**
     * Due times counted with a provisional calendar: every /health probe counts them and a calendar
     * publication recounts their cases. Normally none, so the count reads an empty index instead of
     * scanning every follow-up (59 ms at 100,000 cases).
     */
    index('rm_follow_ups_provisional_idx').on(t.caseId).where(sql`waiting_on IS NOT NULL AND due_at_provisional`),
    /** search: names by trigram similarity (pg_trgm), letter and decree numbers without punctuation. */
    index('rm_follow_ups_name_trgm_idx').using('gin', sql.raw('name public.gin_trgm_ops')),
    index('rm_follow_ups_letters_trgm_idx').using('gin', sql.raw(`(${LETTERS_COMPACT}) public.gin_trgm_ops`)),
    /** followUps' count from the counters: the rows (normally none) whose region code is not a dotted Kemendagri code. */
    index('rm_follow_ups_odd_region_idx').on(t.provinceCode).where(sql.raw(ODD_REGION_CODE)),
    /**
     * A followUps page filtered by status, stage or respondent kind, in the page's order: a rare value
     * no longer walks the order index over every row (or sorts a sequential scan) to find 20.
     */
    index('rm_follow_ups_status_order_idx').on(t.followUpStatus, t.caseReceivedAt, t.caseId, t.respondentId),
    index('rm_follow_ups_stage_order_idx').on(t.stage, t.caseReceivedAt, t.caseId, t.respondentId),
    index('rm_follow_ups_employment_order_idx').on(t.employment, t.caseReceivedAt, t.caseId, t.respondentId),
  ],
);

export const timeline = pgTable(
  'rm_timeline',
  {
    caseId: text('case_id').notNull(),
    version: integer('version').notNull(),
    position: bigint('position', { mode: 'bigint' }).notNull(),
    type: text('type').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    agency: text('agency').notNull(),
    unit: text('unit'),
    userId: text('user_id').notNull(),
    description: text('description').notNull(),
    /** The line as data (projection/timeline-details.ts), for clients that word it in their own language; null on rows projected before it existed. */
    details: jsonb('details'),
    /** For a FollowUpOverdue: when an OverdueWithdrawn said it no longer stands (its own effective instant). */
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.version] })],
);

/**
 * Every version of every case row, valid from the instant its event took effect in the world
 * (src/case/case-effective-time.ts) until the next version's (valid_to, null while it is the
 * latest): "as of T" is the version whose interval holds T. Inserted once; only valid_to is set
 * later, in the transaction that inserts the next version. Instants never go back within a case
 * or a track, so the intervals of one row tile its history.
 */
export const caseVersions = pgTable(
  'rm_case_versions',
  { ...caseColumns(), validFrom: ts('valid_from').notNull(), validTo: ts('valid_to') },
  (t) => [primaryKey({ columns: [t.id, t.version] }), index('rm_case_versions_valid_idx').using('gist', sql.raw('tstzrange(valid_from, valid_to)'))],
);

/** Every version of every respondent track (when it changed), keyed by the case version that made it. */
export const followUpVersions = pgTable(
  'rm_follow_up_versions',
  {
    ...followUpColumns(),
    caseVersion: integer('case_version').notNull(),
    validFrom: ts('valid_from').notNull(),
    /** When the next version of the track took effect; null while this one is the latest. */
    validTo: ts('valid_to'),
    /** The log position of the event that made this version: an export pins what it reads to one position. */
    logPosition: bigint('log_position', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.respondentId, t.caseVersion] }),
    index('rm_follow_up_versions_valid_idx').using('gist', sql.raw('tstzrange(valid_from, valid_to)')),
    /** An as-of answer from a summary checkpoint reads the versions that took effect after it, or were made after it. */
    index('rm_follow_up_versions_from_idx').on(t.validFrom, t.caseId),
    index('rm_follow_up_versions_position_idx').on(t.logPosition, t.caseId),
  ],
);

/** The key of a summary bucket (projection/summary-counters.ts): '' (or 0) for what the grouping leaves out. */
const bucketColumns = () => ({
  bucket: text('bucket').notNull(),
  grouping: smallint('dims').notNull(),
  electionKind: text('election_kind').notNull(),
  electionYear: integer('election_year').notNull(),
  region: text('region').notNull(),
  province: text('province').notNull(),
  ppk: text('ppk').notNull(),
  violation: text('violation').notNull(),
  waitingOn: text('waiting_on').notNull(),
  kind: text('kind').notNull(),
});

const COUNTED = ['total', ...RESPONDENT_STAGES.map((s) => `stage_${s}`), ...FOLLOW_UP_STATUSES.map((s) => `status_${s}`), 'recommended', 'decided', 'acted_on', 'waiting'];
const countColumns = () =>
  Object.fromEntries(COUNTED.flatMap((f) => [f, f === 'total' ? 'cases' : `${f}_cases`]).map((name) => [name, integer(name).notNull().default(0)]));

/**
 * Persons and distinct cases per figure, per bucket of every grouping, kept by the projection in the
 * transaction that writes the follow-up rows: followUpSummary reads these instead of every row.
 */
export const summaryCounts = pgTable('rm_summary_counts', { ...bucketColumns(), ...countColumns() }, (t) => [
  primaryKey({ columns: [t.bucket] }),
  index('rm_summary_counts_grouping_idx').on(t.grouping, t.kind),
]);

/** Exact values per bucket, measure and grain (summary-counters.ts MEASURE): percentiles, overdue and lateness. */
export const summaryValues = pgTable(
  'rm_summary_values',
  {
    ...bucketColumns(),
    measure: smallint('measure').notNull(),
    grain: integer('grain').notNull(),
    n: integer('n').notNull(),
    vals: bigint('vals', { mode: 'number' }).array().notNull(),
    /** Always empty in a stored row: an upsert's values to take out, read back as excluded.removed. */
    removed: bigint('removed', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.measure, t.grain] }),
    /** A read finds one bucket's grain by its key: without the key columns here it scanned every bucket's grain per bucket. */
    index('rm_summary_values_grouping_idx').on(t.grouping, t.measure, t.grain, t.region, t.province, t.ppk, t.violation, t.waitingOn, t.kind),
  ],
);

/**
 * Summary checkpoints (queries/summary-checkpoints.ts): the counters of the follow-up versions valid at
 * `at` (a month's start), as the read model knew them at log position `position`. An as-of answer reads
 * the checkpoint at or before its instant and the cases whose versions changed since, in effective time
 * or in the log; nothing here is ever updated, only inserted whole or deleted.
 */
export const summaryCheckpoints = pgTable('rm_summary_checkpoints', {
  at: ts('at').primaryKey(),
  position: bigint('position', { mode: 'bigint' }).notNull(),
});

export const summaryCheckpointCounts = pgTable('rm_summary_checkpoint_counts', { at: ts('at').notNull(), ...bucketColumns(), ...countColumns() }, (t) => [
  primaryKey({ columns: [t.at, t.bucket] }),
  index('rm_summary_checkpoint_counts_grouping_idx').on(t.at, t.grouping, t.kind),
]);

export const summaryCheckpointValues = pgTable(
  'rm_summary_checkpoint_values',
  {
    at: ts('at').notNull(),
    ...bucketColumns(),
    measure: smallint('measure').notNull(),
    grain: integer('grain').notNull(),
    n: integer('n').notNull(),
    vals: bigint('vals', { mode: 'number' }).array().notNull(),
    removed: bigint('removed', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
  },
  (t) => [
    primaryKey({ columns: [t.at, t.bucket, t.measure, t.grain] }),
    index('rm_summary_checkpoint_values_grouping_idx').on(t.at, t.grouping, t.measure, t.grain, t.region, t.province, t.ppk, t.violation, t.waitingOn, t.kind),
  ],
);

/** The folded decider state per case, so the projection applies `evolve` without re-reading streams. */
export const caseStates = pgTable('rm_case_states', {
  caseId: text('case_id').primaryKey(),
  state: jsonb('state').notNull(),
  /** From when the case and each track count in as-of answers so far (src/case/case-effective-time.ts). */
  effective: jsonb('effective'),
});

/** How far each projection has read the log; written in the same transaction as its rows. */
export const checkpoints = pgTable('rm_checkpoints', {
  name: text('name').primaryKey(),
  position: bigint('position', { mode: 'bigint' }).notNull(),
  /** The hash-chain link of the event at `position` (null on EventStoreDB, which stores none): start-up checks the log still holds it. */
  hash: text('hash'),
});

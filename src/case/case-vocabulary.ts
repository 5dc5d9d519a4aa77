/** The words of the domain (shared/DOMAIN.md), as closed sets the API and the decider share. */

export const CASE_SOURCES = ['REPORT', 'FINDING'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const ELECTION_KINDS = ['PILKADA', 'PEMILU'] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];

/**
 * TNI and POLRI are the disciplinary bodies of respondents who are not ASN (src/case/respondent-kinds.ts):
 * a TNI unit (the Ankum, Puspom) and Polri's Propam decide and carry out their own members' punishment.
 */
export const AGENCIES = ['BAWASLU', 'KASN', 'BKN', 'PPK', 'KEMENDAGRI', 'KEMENPANRB', 'OVERSIGHT', 'NETRA', 'TNI', 'POLRI'] as const;
export type Agency = (typeof AGENCIES)[number];

/**
 * Netra itself, as the actor of what it records on its own (the deadline process's FollowUpOverdue).
 * No token may claim it: only the agencies in TOKEN_AGENCIES sign in.
 */
export const SYSTEM_AGENCY = 'NETRA' as const satisfies Agency;
export const TOKEN_AGENCIES: readonly Agency[] = AGENCIES.filter((a) => a !== SYSTEM_AGENCY);

/**
 * Who Bawaslu's recommendation goes to, by the respondent's kind (src/case/respondent-kinds.ts): KASN/BKN for
 * ASN; the TNI's and Polri's own disciplinary bodies; the bupati/walikota (REGIONAL_HEAD) for village heads
 * and officials under the Village Law.
 */
export const RECOMMENDATION_RECIPIENTS = ['KASN', 'BKN', 'TNI', 'POLRI', 'REGIONAL_HEAD'] as const;
export type RecommendationRecipient = (typeof RECOMMENDATION_RECIPIENTS)[number];

/** KASN stopped operating on this day (UU 20/2023); its neutrality duties went to BKN. */
export const KASN_DISSOLVED_AT = new Date('2024-08-24T00:00:00+07:00');

/**
 * The agency as it was at `at`: the neutrality role read as BKN is KASN's before 24 Aug 2024. A track
 * waiting since 2020 waits on BKN now, and waited on KASN as of 1 Feb 2024 (shared/DOMAIN.md §2).
 */
export function agencyInItsTime(agency: string | null, at: Date): string | null {
  return agency === 'BKN' && at < KASN_DISSOLVED_AT ? 'KASN' : agency;
}

/** PNS and PPPK are ASN; OTHER has always gone the civil-service way (KASN/BKN → PPK). The rest: src/case/respondent-kinds.ts. */
export const EMPLOYMENTS = ['PNS', 'PPPK', 'VILLAGE_HEAD', 'TNI', 'POLRI', 'OTHER', 'VILLAGE_OFFICIAL'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

/** SKB 5 agencies 2022, Lampiran II (shared/DOMAIN.md §5). */
export const VIOLATION_CODES = [
  'SOCIAL_MEDIA_ENGAGEMENT',
  'PHOTO_WITH_CANDIDATE',
  'ATTENDING_CAMPAIGN',
  'SPOUSE_CAMPAIGN',
  'CAMPAIGN_PROPS',
  'ONLINE_CAMPAIGN',
  'APPROACHING_PARTY',
  'ACTIVE_SUPPORT_AT_CAMPAIGN',
  'USING_STATE_FACILITIES',
  'MOBILISING_STAFF',
  'PARTISAN_DECISION',
  'PARTISAN_ACTIVITY',
  'SUPPORT_LETTER',
  'PARTY_MEMBERSHIP',
  'BECOMING_CANDIDATE',
  'VOTE_BUYING',
  'OTHER',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/**
 * Civil-service sanctions, ordered lightest first: PP 42/2004 Pasal 15 (ethics), then PP 94/2021 Pasal 8
 * (discipline). The sanctions of the other kinds of respondent follow them (SANCTIONS_BY_KIND in
 * src/case/respondent-kinds.ts says which belong to whom).
 */
export const ASN_SANCTION_KINDS = [
  'MORAL_CLOSED',
  'MORAL_OPEN',
  'VERBAL_REPRIMAND',
  'WRITTEN_REPRIMAND',
  'STATEMENT_OF_DISSATISFACTION',
  'ALLOWANCE_CUT_6M',
  'ALLOWANCE_CUT_9M',
  'ALLOWANCE_CUT_12M',
  'DEMOTION_12M',
  'RELEASE_FROM_POST_12M',
  'DISMISSAL',
] as const;

/** UU 25/2014 (Hukum Disiplin Militer) Pasal 9: teguran; penahanan disiplin ringan ≤ 14 days; berat ≤ 21 days. */
export const TNI_SANCTION_KINDS = ['TNI_REPRIMAND', 'TNI_LIGHT_DETENTION', 'TNI_HEAVY_DETENTION'] as const;

/**
 * PP 2/2003 (disciplinary regulations for Polri) Pasal 9: written reprimand; postponed education (≤ 1 year);
 * postponed periodic pay rise; postponed promotion (≤ 1 year); transfer by demotion; release from post;
 * placement in a special place (≤ 21 days). The law does not rank them; they are listed in its order.
 */
export const POLRI_SANCTION_KINDS = [
  'POLRI_WRITTEN_REPRIMAND',
  'POLRI_EDUCATION_POSTPONED',
  'POLRI_PAY_RISE_POSTPONED',
  'POLRI_PROMOTION_POSTPONED',
  'POLRI_DEMOTION_TRANSFER',
  'POLRI_RELEASE_FROM_POST',
  'POLRI_SPECIAL_PLACEMENT',
] as const;

/**
 * UU 6/2014 (Desa) Pasal 30 (village head, for the prohibitions of Pasal 29, e.g. huruf j: taking part in
 * a campaign) and Pasal 52 (village officials, for Pasal 51): verbal and/or written reprimand; if not
 * heeded, temporary dismissal, then dismissal.
 */
export const VILLAGE_SANCTION_KINDS = [
  'VILLAGE_VERBAL_REPRIMAND',
  'VILLAGE_WRITTEN_REPRIMAND',
  'VILLAGE_TEMPORARY_DISMISSAL',
  'VILLAGE_DISMISSAL',
] as const;

/** Every sanction Netra records; the civil-service ones first, as before. */
export const SANCTION_KINDS = [...ASN_SANCTION_KINDS, ...TNI_SANCTION_KINDS, ...POLRI_SANCTION_KINDS, ...VILLAGE_SANCTION_KINDS] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const STUDY_OUTCOMES = ['VIOLATION', 'NO_VIOLATION', 'FORWARDED'] as const;
export type StudyOutcome = (typeof STUDY_OUTCOMES)[number];

export const SANCTION_DECISIONS = ['SANCTION', 'CLEAR'] as const;
export type SanctionDecision = (typeof SANCTION_DECISIONS)[number];

export const IMPOSSIBILITY_REASONS = [
  'DECEASED',
  'RETIRED',
  'RESIGNED',
  'DISMISSED',
  'COURT_PROCESS',
  'FORCE_MAJEURE',
  'REGULATION_CHANGED',
] as const;
export type ImpossibilityReason = (typeof IMPOSSIBILITY_REASONS)[number];

/** Why an overdue record no longer holds (the correcting step's OverdueWithdrawn; the timeline's details). */
export type OverdueWithdrawalReason = 'DUE_TIME_RECOMPUTED' | 'DEADLINE_EXTENDED' | 'BACKDATED_STEP';

/** What a document attached to a case is (issue 18): bukti, the letters of each handoff, the PPK's SK, a statement that follow-up is impossible. */
export const DOCUMENT_KINDS = ['EVIDENCE', 'RECOMMENDATION_LETTER', 'DECISION_LETTER', 'DECREE', 'IMPOSSIBILITY_STATEMENT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Letters Netra generates from a case (issue 18): Bawaslu's surat rekomendasi to KASN/BKN, and KASN/BKN's letter to the PPK. */
export const LETTER_KINDS = ['RECOMMENDATION', 'SANCTION_DECISION'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The only content types a document may have, as sniffed from its bytes (never the client's word). */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'video/mp4',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** The file ending each content type is saved with when a document has no name to show (erased, or withheld). */
export const DOCUMENT_EXTENSIONS: Readonly<Record<DocumentContentType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export const CASE_STAGES = [
  'REPORTED',
  'STUDIED',
  'RECOMMENDED',
  'SANCTION_DECIDED',
  'SANCTION_EXECUTED',
  'CLOSED',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const RESPONDENT_STAGES = [
  'REPORTED',
  'STUDIED',
  'RECOMMENDED',
  'SANCTION_DECIDED',
  'SANCTION_EXECUTED',
  'NO_VIOLATION',
  'FORWARDED',
  'CLEARED',
  'FOLLOW_UP_IMPOSSIBLE',
] as const;
export type RespondentStage = (typeof RESPONDENT_STAGES)[number];

/** BPK's SIPTL vocabulary (Peraturan BPK 2/2017 Pasal 6), shared/DOMAIN.md §6. */
export const FOLLOW_UP_STATUSES = ['PENDING', 'AS_RECOMMENDED', 'NOT_AS_RECOMMENDED', 'CANNOT_BE_ACTED_ON'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** How a PPK that does not act is escalated (shared/DOMAIN.md §2, §3). */
export const ESCALATION_KINDS = [
  'KEMENDAGRI_REPRIMAND',
  'KEMENPANRB_REPRIMAND',
  'SIASN_BLOCKED',
  'SIASN_UNBLOCKED',
  'REFERRED_TO_PRESIDENT',
] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** The step whose clock runs: Bawaslu's study, its recommendation, BKN/KASN's decision, the PPK's execution. */
export const DEADLINE_STEPS = ['STUDY', 'RECOMMENDATION', 'SANCTION_DECISION', 'EXECUTION'] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

export function sanctionWeight(kind: SanctionKind): number {
  return SANCTION_KINDS.indexOf(kind);
}

import { registerEnumType } from '@nestjs/graphql';
import * as v from './case-vocabulary';
import { RESPONDENT_KINDS } from './respondent-kinds';

/** The domain's closed sets as GraphQL enums, each value spelled as in the domain. */
const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((x) => [x, x])) as { [K in T]: K };

export const CaseSourceEnum = asEnum(v.CASE_SOURCES);
export const ElectionKindEnum = asEnum(v.ELECTION_KINDS);
export const AgencyEnum = asEnum(v.AGENCIES);
export const RecipientEnum = asEnum(v.RECOMMENDATION_RECIPIENTS);
export const EmploymentEnum = asEnum(v.EMPLOYMENTS);
export const ViolationCodeEnum = asEnum(v.VIOLATION_CODES);
export const SanctionKindEnum = asEnum(v.SANCTION_KINDS);
export const StudyOutcomeEnum = asEnum(v.STUDY_OUTCOMES);
export const SanctionDecisionEnum = asEnum(v.SANCTION_DECISIONS);
export const ImpossibilityReasonEnum = asEnum(v.IMPOSSIBILITY_REASONS);
export const DocumentKindEnum = asEnum(v.DOCUMENT_KINDS);
export const LetterKindEnum = asEnum(v.LETTER_KINDS);
export const CaseStageEnum = asEnum(v.CASE_STAGES);
export const RespondentStageEnum = asEnum(v.RESPONDENT_STAGES);
export const FollowUpStatusEnum = asEnum(v.FOLLOW_UP_STATUSES);
export const EscalationKindEnum = asEnum(v.ESCALATION_KINDS);
export const DeadlineStepEnum = asEnum(v.DEADLINE_STEPS);
export const RespondentKindEnum = asEnum(RESPONDENT_KINDS);

registerEnumType(CaseSourceEnum, { name: 'CaseSource', description: 'REPORT = laporan (from an outside reporter), FINDING = temuan (Bawaslu’s own)' });
registerEnumType(ElectionKindEnum, { name: 'ElectionKind', description: 'PILKADA = regional head election, PEMILU = general election' });
registerEnumType(AgencyEnum, { name: 'Agency', description: 'NETRA is Netra itself (its deadline process); no token carries it' });
registerEnumType(RecipientEnum, {
  name: 'RecommendationRecipient',
  description: 'For ASN: KASN until 24 Aug 2024, BKN after; TNI and POLRI for their members; REGIONAL_HEAD (bupati/walikota) for village heads and officials',
});
registerEnumType(EmploymentEnum, {
  name: 'Employment',
  description: 'PNS and PPPK are ASN (OTHER goes their way too); TNI, POLRI, VILLAGE_HEAD and VILLAGE_OFFICIAL are handled by their own bodies',
});
registerEnumType(RespondentKindEnum, {
  name: 'RespondentKind',
  description: 'Who handles a respondent: CIVIL_SERVICE (PNS, PPPK, OTHER: KASN/BKN then the PPK), TNI, POLRI, VILLAGE (VILLAGE_HEAD, VILLAGE_OFFICIAL: the bupati/walikota)',
});
registerEnumType(ViolationCodeEnum, { name: 'ViolationCode', description: 'SKB 5 agencies 2022, Lampiran II' });
registerEnumType(SanctionKindEnum, {
  name: 'SanctionKind',
  description: 'ASN: ordered lightest first (PP 42/2004 Pasal 15, PP 94/2021 Pasal 8); TNI_*: UU 25/2014 Pasal 9; POLRI_*: PP 2/2003 Pasal 9; VILLAGE_*: UU 6/2014 Pasal 30 and 52',
});
registerEnumType(StudyOutcomeEnum, { name: 'StudyOutcome' });
registerEnumType(SanctionDecisionEnum, { name: 'SanctionDecision' });
registerEnumType(ImpossibilityReasonEnum, { name: 'ImpossibilityReason' });
registerEnumType(LetterKindEnum, { name: 'LetterKind', description: 'RECOMMENDATION (surat rekomendasi, Bawaslu → KASN/BKN), SANCTION_DECISION (the letter to the PPK, KASN/BKN → PPK)' });
registerEnumType(DocumentKindEnum, { name: 'DocumentKind', description: 'EVIDENCE (bukti), RECOMMENDATION_LETTER (Bawaslu), DECISION_LETTER (KASN/BKN), DECREE (the PPK’s SK), IMPOSSIBILITY_STATEMENT' });
registerEnumType(CaseStageEnum, { name: 'CaseStage' });
registerEnumType(RespondentStageEnum, { name: 'RespondentStage' });
registerEnumType(FollowUpStatusEnum, { name: 'FollowUpStatus', description: 'BPK SIPTL vocabulary (Peraturan BPK 2/2017 Pasal 6)' });
registerEnumType(EscalationKindEnum, {
  name: 'EscalationKind',
  description: 'KEMENDAGRI/KEMENPANRB reprimand of the PPK, BKN blocking or unblocking SIASN personnel data, KASN referral to the President',
});
registerEnumType(DeadlineStepEnum, { name: 'DeadlineStep', description: 'The step whose clock runs: STUDY, RECOMMENDATION, SANCTION_DECISION, EXECUTION' });

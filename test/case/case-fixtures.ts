import type { RespondentRecord } from '../../src/case/case-events';
import type { CaseReported } from '../../src/case/reporting/report-case';
import type { CaseStudied, StudyFinding } from '../../src/case/studying/record-study';
import type { DeadlineExtended } from '../../src/case/extending-deadline/extend-deadline';
import type { EscalationRecorded } from '../../src/case/escalating/record-escalation';
import type { FollowUpOverdue } from '../../src/case/overdue/mark-overdue';
import type { OverdueWithdrawn } from '../../src/case/correcting/overdue-withdrawn';
import type { FollowUpDeclaredImpossible } from '../../src/case/declaring-impossible/declare-follow-up-impossible';
import type { RecommendationIssued } from '../../src/case/recommending/issue-recommendation';
import type { RespondentCleared, SanctionDecided } from '../../src/case/sanctioning/decide-sanction';
import type { SanctionExecuted } from '../../src/case/executing-sanction/record-sanction-execution';
import type { SanctionExecutionCorrected } from '../../src/case/correcting-sanction-execution/correct-sanction-execution';
import type { CaseEvent } from '../../src/case/case';
import type { SanctionKind, StudyOutcome } from '../../src/case/case-vocabulary';
import type { Actor } from '../../src/case/decide-context';
import { applied, stubRegisterNumber, wib } from './given';

/**
 * One invented Pilkada 2024 case in Kota Lubuk Linggau (16.73, Sumatera Selatan; shared/DOMAIN.md §9):
 * a camat (R1, Hendra) actively supported a candidate at a declaration, a school supervisor (R2, Rina)
 * posted for the candidate. Events are written by hand, independent of `decide`.
 */

export const bawaslu = (region: string | null): Actor => ({ agency: 'BAWASLU', region, userId: `bawaslu-${region ?? 'ri'}` });
export const bkn = (): Actor => ({ agency: 'BKN', region: null, userId: 'bkn-netralitas' });
export const kasn = (): Actor => ({ agency: 'KASN', region: null, userId: 'kasn-pengawasan' });
export const ppk = (region: string | null): Actor => ({ agency: 'PPK', region, userId: `ppk-${region ?? 'minister'}` });
export const oversight = (): Actor => ({ agency: 'OVERSIGHT', region: null, userId: 'satgas-netralitas' });
export const kemendagri = (): Actor => ({ agency: 'KEMENDAGRI', region: null, userId: 'kemendagri-otda' });
export const kemenpanrb = (): Actor => ({ agency: 'KEMENPANRB', region: null, userId: 'kemenpanrb-sdm' });

export const CASE_ID = '3f6c2a10-1673-4b8e-9d2a-5a1c00000001';

export const HENDRA = {
  name: 'Hendra Saputra',
  nip: '198503302010121002',
  employment: 'PNS',
  position: 'Camat Lubuk Linggau Barat I',
  institution: 'Kecamatan Lubuk Linggau Barat I',
  institutionRegionCode: '16.73.02',
} as const;

export const RINA = {
  name: 'Rina Marlina',
  nip: '199007152015032001',
  employment: 'PNS',
  position: 'Pengawas Sekolah',
  institution: 'Dinas Pendidikan Kota Lubuk Linggau',
  institutionRegionCode: '16.73',
} as const;

export const REPORTER = {
  name: 'Dedi Kurniawan',
  address: 'Jl. Yos Sudarso No. 12, Lubuk Linggau',
  phone: '+62 812 7300 1122',
  email: 'dedi.kurniawan@example.id',
};

export const PILKADA_LUBUK_LINGGAU = { kind: 'PILKADA', year: 2024, regionCode: '16.73' } as const;
export const PPK_LUBUK_LINGGAU = { title: 'Walikota Lubuk Linggau', regionCode: '16.73' };

/** What each respondent was proven to have done, and what BKN recommends for it. */
const PROVEN_VIOLATION = { R1: 'ACTIVE_SUPPORT_AT_CAMPAIGN', R2: 'SOCIAL_MEDIA_ENGAGEMENT' } as const;
export const RECOMMENDED_SANCTION: Record<'R1' | 'R2', SanctionKind> = { R1: 'DEMOTION_12M', R2: 'MORAL_OPEN' };
const DECISION_LETTER = { R1: 'B-2817/JP.01/10/2024', R2: 'B-2818/JP.01/10/2024' } as const;

type RespondentId = 'R1' | 'R2';
type Outcomes = Record<RespondentId, StudyOutcome>;
const BOTH_PROVEN: Outcomes = { R1: 'VIOLATION', R2: 'VIOLATION' };

const record = (respondentId: RespondentId, r: typeof HENDRA | typeof RINA): RespondentRecord => ({ respondentId, ...r });

export function caseReported(data: Partial<CaseReported['data']> = {}): CaseReported {
  const receivedAt = wib('2024-09-27 10:00');
  return {
    type: 'CaseReported',
    data: {
      caseId: CASE_ID,
      registerNumber: stubRegisterNumber('REPORT', '16.73', receivedAt),
      source: 'REPORT',
      election: PILKADA_LUBUK_LINGGAU,
      handlingUnit: '16.73',
      receivedAt,
      knownAt: wib('2024-09-26 08:00'),
      occurredAt: wib('2024-09-25 09:00'),
      place: 'Gedung Kesenian Kota Lubuk Linggau',
      summary: 'Camat dan pengawas sekolah hadir dan mendukung deklarasi pasangan calon walikota.',
      violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN', 'SOCIAL_MEDIA_ENGAGEMENT'],
      respondents: [record('R1', HENDRA), record('R2', RINA)],
      reporter: REPORTER,
      evidence: ['Foto deklarasi 25 September 2024', 'Tangkapan layar unggahan Facebook'],
      studyDueAt: wib('2024-09-30 10:00'),
      studyDeadline: applied('PILKADA', 'STUDY'),
      ...data,
    },
  };
}

export function finding(respondentId: RespondentId, outcome: StudyOutcome): StudyFinding {
  return { respondentId, outcome, violations: outcome === 'VIOLATION' ? [PROVEN_VIOLATION[respondentId]] : [], note: null };
}

export function caseStudied(outcomes: Outcomes = BOTH_PROVEN, data: Partial<CaseStudied['data']> = {}): CaseStudied {
  const proven = Object.values(outcomes).includes('VIOLATION');
  return {
    type: 'CaseStudied',
    data: {
      caseId: CASE_ID,
      studiedAt: wib('2024-09-30 14:00'),
      findings: [finding('R1', outcomes.R1), finding('R2', outcomes.R2)],
      recommendationDueAt: proven ? wib('2024-10-07 14:00') : null,
      recommendationDeadline: proven ? applied('PILKADA', 'RECOMMENDATION') : null,
      ...data,
    },
  };
}

export function recommendationIssued(data: Partial<RecommendationIssued['data']> = {}): RecommendationIssued {
  return {
    type: 'RecommendationIssued',
    data: {
      caseId: CASE_ID,
      respondentIds: ['R1', 'R2'],
      recipient: 'BKN',
      letterNumber: '045/PP.01.02/K.SS-09/10/2024',
      issuedAt: wib('2024-10-02 09:00'),
      decisionDueAt: wib('2024-10-16 09:00'),
      decisionDeadline: applied('PILKADA', 'SANCTION_DECISION'),
      ...data,
    },
  };
}

export function sanctionDecided(data: Partial<SanctionDecided['data']> & { respondentId?: RespondentId } = {}): SanctionDecided {
  const respondentId = data.respondentId ?? 'R1';
  return {
    type: 'SanctionDecided',
    data: {
      caseId: CASE_ID,
      respondentId,
      decidedBy: 'BKN',
      letterNumber: DECISION_LETTER[respondentId],
      decidedAt: wib('2024-10-14 10:00'),
      sanction: RECOMMENDED_SANCTION[respondentId],
      ppk: PPK_LUBUK_LINGGAU,
      dueAt: wib('2024-11-13 10:00'),
      deadline: applied('PILKADA', 'EXECUTION'),
      ...data,
    },
  };
}

export function respondentCleared(data: Partial<RespondentCleared['data']> = {}): RespondentCleared {
  return {
    type: 'RespondentCleared',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      decidedBy: 'BKN',
      letterNumber: 'B-2819/JP.01/10/2024',
      decidedAt: wib('2024-10-14 10:00'),
      ...data,
    },
  };
}

export function sanctionExecuted(data: Partial<SanctionExecuted['data']> = {}): SanctionExecuted {
  return {
    type: 'SanctionExecuted',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      decreeNumber: '800.1.6.4/117/BKPSDM/2024',
      executedAt: wib('2024-11-11 09:00'),
      sanction: 'DEMOTION_12M',
      followUpStatus: 'AS_RECOMMENDED',
      ...data,
    },
  };
}

/** Hendra's PPK issued only a written reprimand for a recommended demotion. */
export const aLighterExecution = (): SanctionExecuted =>
  sanctionExecuted({
    decreeNumber: '800.1.6.4/098/BKPSDM/2024',
    executedAt: wib('2024-11-04 09:00'),
    sanction: 'WRITTEN_REPRIMAND',
    followUpStatus: 'NOT_AS_RECOMMENDED',
  });

/** The Walikota's corrected decree replacing aLighterExecution's written reprimand with the recommended demotion. */
export function sanctionExecutionCorrected(data: Partial<SanctionExecutionCorrected['data']> = {}): SanctionExecutionCorrected {
  return {
    type: 'SanctionExecutionCorrected',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      decreeNumber: '800.1.6.4/131/BKPSDM/2024',
      executedAt: wib('2024-11-25 09:00'),
      sanction: 'DEMOTION_12M',
      followUpStatus: 'AS_RECOMMENDED',
      reason: 'SK 098 dicabut setelah teguran BKN; diganti SK penurunan jabatan sesuai rekomendasi.',
      correctedBy: 'PPK',
      previous: {
        decreeNumber: '800.1.6.4/098/BKPSDM/2024',
        executedAt: wib('2024-11-04 09:00'),
        sanction: 'WRITTEN_REPRIMAND',
        followUpStatus: 'NOT_AS_RECOMMENDED',
      },
      ...data,
    },
  };
}

export function followUpDeclaredImpossible(data: Partial<FollowUpDeclaredImpossible['data']> = {}): FollowUpDeclaredImpossible {
  return {
    type: 'FollowUpDeclaredImpossible',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      reason: 'DECEASED',
      note: 'Meninggal dunia 3 November 2024; akta kematian terlampir.',
      declaredAt: wib('2024-11-11 09:00'),
      declaredBy: 'PPK',
      ...data,
    },
  };
}

// Histories, each named for where the case stands. Hendra (R1) is the respondent the steps act on.

export const aReportedCase = (): CaseEvent[] => [caseReported()];
export const aStudiedCase = (outcomes: Outcomes = BOTH_PROVEN): CaseEvent[] => [...aReportedCase(), caseStudied(outcomes)];
export const aRecommendedCase = (): CaseEvent[] => [...aStudiedCase(), recommendationIssued()];
export const aSanctionedCase = (): CaseEvent[] => [
  ...aRecommendedCase(),
  sanctionDecided({ respondentId: 'R1' }),
  sanctionDecided({ respondentId: 'R2' }),
];
/** Hendra cleared by BKN; Rina still waiting for BKN. */
export const aClearedCase = (): CaseEvent[] => [...aRecommendedCase(), respondentCleared()];
/** Hendra's sanction executed; Rina's still pending with the PPK. */
export const anExecutedCase = (status: 'AS_RECOMMENDED' | 'NOT_AS_RECOMMENDED' = 'AS_RECOMMENDED'): CaseEvent[] => [
  ...aSanctionedCase(),
  status === 'AS_RECOMMENDED' ? sanctionExecuted() : aLighterExecution(),
];
export const aCaseWithFollowUpImpossible = (): CaseEvent[] => [...aSanctionedCase(), followUpDeclaredImpossible()];

/** A Pemilu 2024 case from before KASN was dissolved (24 Aug 2024), with its own dates. */
export const PEMILU_LUBUK_LINGGAU = { kind: 'PEMILU', year: 2024, regionCode: '16.73' } as const;

export const aPemiluCaseStudied = (): CaseEvent[] => [
  caseReported({
    registerNumber: '007/Reg/LP/PL/Kota/06.16.73/I/2024',
    election: PEMILU_LUBUK_LINGGAU,
    occurredAt: wib('2024-01-08 10:00'),
    knownAt: wib('2024-01-09 08:00'),
    receivedAt: wib('2024-01-10 10:00'),
    studyDueAt: wib('2024-01-13 10:00'),
    studyDeadline: applied('PEMILU', 'STUDY'),
  }),
  caseStudied(BOTH_PROVEN, {
    studiedAt: wib('2024-01-15 14:00'),
    recommendationDueAt: wib('2024-01-22 14:00'),
    recommendationDeadline: applied('PEMILU', 'RECOMMENDATION'),
  }),
];

export const aPemiluCaseRecommendedToKasn = (): CaseEvent[] => [
  ...aPemiluCaseStudied(),
  recommendationIssued({
    recipient: 'KASN',
    letterNumber: '012/PP.01.02/K.SS-09/02/2024',
    issuedAt: wib('2024-02-05 09:00'),
    decisionDueAt: wib('2024-02-19 09:00'),
    decisionDeadline: applied('PEMILU', 'SANCTION_DECISION'),
  }),
];

// Deadlines and escalation (issue 5): Hendra's PPK did not act by 13 Nov 2024.

/** Netra's deadline process saw Hendra's execution due time pass (recorded 14 Nov 2024). */
export function followUpOverdue(data: Partial<FollowUpOverdue['data']> = {}): FollowUpOverdue {
  return {
    type: 'FollowUpOverdue',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      step: 'EXECUTION',
      dueAt: wib('2024-11-13 10:00'),
      waitingOn: 'PPK',
      detectedAt: wib('2024-11-13 10:01'),
      ...data,
    },
  };
}

/** BKN gave the Walikota until 13 Dec 2024. */
export function deadlineExtended(data: Partial<DeadlineExtended['data']> = {}): DeadlineExtended {
  return {
    type: 'DeadlineExtended',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      step: 'EXECUTION',
      previousDueAt: wib('2024-11-13 10:00'),
      dueAt: wib('2024-12-13 10:00'),
      legalBasis: 'Surat BKN B-3001/JP.01/11/2024: perpanjangan 30 hari atas permintaan PPK',
      extendedBy: 'BKN',
      extendedAt: wib('2024-11-12 09:00'),
      ...data,
    },
  };
}

export function escalationRecorded(data: Partial<EscalationRecorded['data']> = {}): EscalationRecorded {
  return {
    type: 'EscalationRecorded',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      kind: 'KEMENDAGRI_REPRIMAND',
      letterNumber: '800.1.6.4/5123/OTDA',
      escalatedAt: wib('2024-11-20 10:00'),
      note: null,
      escalatedBy: 'KEMENDAGRI',
      ...data,
    },
  };
}

/** Hendra's sanction is overdue with the Walikota. */
export const anOverdueCase = (): CaseEvent[] => [...aSanctionedCase(), followUpOverdue()];

// Corrections (issue 14): an overdue record that turned out untrue is withdrawn, with the reason.

export function overdueWithdrawn(data: Partial<OverdueWithdrawn['data']> = {}): OverdueWithdrawn {
  return {
    type: 'OverdueWithdrawn',
    data: {
      caseId: CASE_ID,
      respondentId: 'R1',
      step: 'EXECUTION',
      dueAt: wib('2024-11-13 10:00'),
      overdueVersion: 6,
      reason: 'DEADLINE_EXTENDED',
      explanation: 'the due time was extended',
      withdrawnBy: 'BKN',
      withdrawnAt: new Date('2025-01-15T10:00:00+07:00').toISOString(),
      ...data,
    },
  };
}

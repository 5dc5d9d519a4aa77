import type { CorrectSanctionExecution } from '../../src/case/correcting-sanction-execution/correct-sanction-execution';
import type { RecordEscalation } from '../../src/case/escalating/record-escalation';
import type { ExtendDeadline } from '../../src/case/extending-deadline/extend-deadline';
import type { DeclareFollowUpImpossible } from '../../src/case/declaring-impossible/declare-follow-up-impossible';
import type { RecordSanctionExecution } from '../../src/case/executing-sanction/record-sanction-execution';
import type { IssueRecommendation } from '../../src/case/recommending/issue-recommendation';
import type { ReportCase } from '../../src/case/reporting/report-case';
import type { DecideSanction } from '../../src/case/sanctioning/decide-sanction';
import type { RecordStudy } from '../../src/case/studying/record-study';
import type { Actor } from '../../src/case/decide-context';
import { bawaslu, bkn, CASE_ID, kemendagri, HENDRA, PILKADA_LUBUK_LINGGAU, PPK_LUBUK_LINGGAU, ppk, REPORTER, RINA } from './case-fixtures';

/**
 * Commands as the officers would send them for the case in case-fixtures.ts; each default produces
 * exactly the matching fixture event (reportCase() → caseReported(), decideSanction() → sanctionDecided() …).
 * `by` names the acting unit; everything else overrides the input.
 */
type With<I> = Partial<I> & { by?: Actor };

export function reportCase({ by = bawaslu('16.73'), ...input }: With<ReportCase['input']> = {}): ReportCase {
  return {
    type: 'ReportCase',
    actor: by,
    caseId: CASE_ID,
    input: {
      source: 'REPORT',
      election: { ...PILKADA_LUBUK_LINGGAU },
      handlingUnit: '16.73',
      receivedAt: '2024-09-27T10:00:00+07:00',
      knownAt: '2024-09-26T08:00:00+07:00',
      occurredAt: '2024-09-25T09:00:00+07:00',
      place: 'Gedung Kesenian Kota Lubuk Linggau',
      summary: 'Camat dan pengawas sekolah hadir dan mendukung deklarasi pasangan calon walikota.',
      violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN', 'SOCIAL_MEDIA_ENGAGEMENT'],
      respondents: [{ ...HENDRA }, { ...RINA }],
      reporter: { ...REPORTER },
      evidence: ['Foto deklarasi 25 September 2024', 'Tangkapan layar unggahan Facebook'],
      ...input,
    },
  };
}

export function recordStudy({ by = bawaslu('16.73'), ...input }: With<RecordStudy['input']> = {}): RecordStudy {
  return {
    type: 'RecordStudy',
    actor: by,
    caseId: CASE_ID,
    input: {
      studiedAt: '2024-09-30T14:00:00+07:00',
      findings: [
        { respondentId: 'R1', outcome: 'VIOLATION', violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN'] },
        { respondentId: 'R2', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] },
      ],
      ...input,
    },
  };
}

export function issueRecommendation({ by = bawaslu('16.73'), ...input }: With<IssueRecommendation['input']> = {}): IssueRecommendation {
  return {
    type: 'IssueRecommendation',
    actor: by,
    caseId: CASE_ID,
    input: {
      respondentIds: ['R1', 'R2'],
      recipient: 'BKN',
      letterNumber: '045/PP.01.02/K.SS-09/10/2024',
      issuedAt: '2024-10-02T09:00:00+07:00',
      ...input,
    },
  };
}

/** BKN recommends Hendra's demotion to the Walikota. */
export function decideSanction({ by = bkn(), ...input }: With<DecideSanction['input']> = {}): DecideSanction {
  return {
    type: 'DecideSanction',
    actor: by,
    caseId: CASE_ID,
    input: {
      respondentId: 'R1',
      decision: 'SANCTION',
      letterNumber: 'B-2817/JP.01/10/2024',
      decidedAt: '2024-10-14T10:00:00+07:00',
      sanction: 'DEMOTION_12M',
      ppk: { ...PPK_LUBUK_LINGGAU },
      ...input,
    },
  };
}

/** BKN finds Hendra's case does not warrant a sanction. */
export function clearRespondent({ by = bkn(), ...input }: With<DecideSanction['input']> = {}): DecideSanction {
  return {
    type: 'DecideSanction',
    actor: by,
    caseId: CASE_ID,
    input: { respondentId: 'R1', decision: 'CLEAR', letterNumber: 'B-2819/JP.01/10/2024', decidedAt: '2024-10-14T10:00:00+07:00', ...input },
  };
}

export function recordSanctionExecution({
  by = ppk('16.73'),
  ...input
}: With<RecordSanctionExecution['input']> = {}): RecordSanctionExecution {
  return {
    type: 'RecordSanctionExecution',
    actor: by,
    caseId: CASE_ID,
    input: {
      respondentId: 'R1',
      decreeNumber: '800.1.6.4/117/BKPSDM/2024',
      executedAt: '2024-11-11T09:00:00+07:00',
      sanction: 'DEMOTION_12M',
      ...input,
    },
  };
}

export function declareFollowUpImpossible({
  by = ppk('16.73'),
  ...input
}: With<DeclareFollowUpImpossible['input']> = {}): DeclareFollowUpImpossible {
  return {
    type: 'DeclareFollowUpImpossible',
    actor: by,
    caseId: CASE_ID,
    input: {
      respondentId: 'R1',
      reason: 'DECEASED',
      note: 'Meninggal dunia 3 November 2024; akta kematian terlampir.',
      declaredAt: '2024-11-11T09:00:00+07:00',
      ...input,
    },
  };
}

/** BKN gives the Walikota 30 more days to execute Hendra's sanction. */
export function extendDeadline({ by = bkn(), ...input }: With<ExtendDeadline['input']> = {}): ExtendDeadline {
  return {
    type: 'ExtendDeadline',
    actor: by,
    caseId: CASE_ID,
    input: {
      respondentId: 'R1',
      newDueAt: '2024-12-13T10:00:00+07:00',
      legalBasis: 'Surat BKN B-3001/JP.01/11/2024: perpanjangan 30 hari atas permintaan PPK',
      ...input,
    },
  };
}

/** Kemendagri reprimands the Walikota for not executing Hendra's sanction. */
export function recordEscalation({ by = kemendagri(), ...input }: With<RecordEscalation['input']> = {}): RecordEscalation {
  return {
    type: 'RecordEscalation',
    actor: by,
    caseId: CASE_ID,
    input: { respondentId: 'R1', kind: 'KEMENDAGRI_REPRIMAND', letterNumber: '800.1.6.4/5123/OTDA', escalatedAt: '2024-11-20T10:00:00+07:00', ...input },
  };
}

/** The Walikota replaces the written reprimand it decreed (aLighterExecution) with the recommended demotion. */
export function correctSanctionExecution({
  by = ppk('16.73'),
  ...input
}: With<CorrectSanctionExecution['input']> = {}): CorrectSanctionExecution {
  return {
    type: 'CorrectSanctionExecution',
    actor: by,
    caseId: CASE_ID,
    input: {
      respondentId: 'R1',
      decreeNumber: '800.1.6.4/131/BKPSDM/2024',
      executedAt: '2024-11-25T09:00:00+07:00',
      sanction: 'DEMOTION_12M',
      reason: 'SK 098 dicabut setelah teguran BKN; diganti SK penurunan jabatan sesuai rekomendasi.',
      ...input,
    },
  };
}

import type { CaseEvent } from '../../src/case/case';
import type { RespondentRecord } from '../../src/case/case-events';
import type { SanctionDecided } from '../../src/case/sanctioning/decide-sanction';
import type { Actor } from '../../src/case/decide-context';
import { CASE_ID, caseReported, HENDRA, PPK_LUBUK_LINGGAU } from './case-fixtures';
import { applied, wib } from './given';

/**
 * The Lubuk Linggau case with respondents who are not ASN (shared/DOMAIN.md §2, §9 — Bawaslu's working group
 * watches ASN, TNI and Polri): beside the camat Hendra (R1, PNS), a TNI sergeant (R2) who wore a candidate's
 * T-shirt at a declaration, and a village head (R3) who campaigned. Events written by hand, independent of `decide`.
 */

export const tni = (region: string | null = null): Actor => ({ agency: 'TNI', region, userId: `tni-${region ?? 'mabes'}` });
export const polri = (region: string | null = null): Actor => ({ agency: 'POLRI', region, userId: `propam-${region ?? 'mabes'}` });

/** 11 digits: a shape the conservative TNI rule accepts (5–14 digits). */
export const SERGEANT_NRP = '21150234567';
/** Born 12 March 1970, a woman (day + 40), registered in district 16.73.02. */
export const VILLAGE_HEAD_NIK = '1673025203700003';

export const SERGEANT = {
  name: 'Serka Agus Wibowo',
  nrp: SERGEANT_NRP,
  employment: 'TNI',
  position: 'Babinsa Koramil 406-01',
  institution: 'Kodim 0406/Lubuklinggau',
  institutionRegionCode: '16.73',
} as const;

export const VILLAGE_HEAD = {
  name: 'Siti Rohmah',
  nik: VILLAGE_HEAD_NIK,
  employment: 'VILLAGE_HEAD',
  position: 'Kepala Desa',
  institution: 'Desa Air Kuti',
  institutionRegionCode: '16.73.02',
} as const;

export const DANDIM = { title: 'Dandim 0406/Lubuklinggau (Ankum)', regionCode: '16.73' };

const record = (respondentId: string, r: object): RespondentRecord => ({ respondentId, nip: null, ...r }) as RespondentRecord;

export const mixedCaseReported = () =>
  caseReported({
    respondents: [record('R1', HENDRA), record('R2', SERGEANT), record('R3', VILLAGE_HEAD)],
    summary: 'Camat, Babinsa dan kepala desa hadir dan mendukung deklarasi pasangan calon walikota.',
  });

export const mixedCaseStudied = (): CaseEvent => ({
  type: 'CaseStudied',
  data: {
    caseId: CASE_ID,
    studiedAt: wib('2024-09-30 14:00'),
    findings: ['R1', 'R2', 'R3'].map((respondentId) => ({
      respondentId,
      outcome: 'VIOLATION' as const,
      violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN' as const],
      note: null,
    })),
    recommendationDueAt: wib('2024-10-07 14:00'),
    recommendationDeadline: applied('PILKADA', 'RECOMMENDATION'),
  },
});

/** One letter per body: BKN for Hendra, the TNI for the sergeant, the walikota for the village head. */
export function recommendedTo(respondentId: string, recipient: 'BKN' | 'TNI' | 'REGIONAL_HEAD' | 'POLRI'): CaseEvent {
  return {
    type: 'RecommendationIssued',
    data: {
      caseId: CASE_ID,
      respondentIds: [respondentId],
      recipient,
      letterNumber: `045/PP.01.02/K.SS-09/10/2024/${respondentId}`,
      issuedAt: wib('2024-10-02 09:00'),
      decisionDueAt: wib('2024-10-16 09:00'),
      decisionDeadline: applied('PILKADA', 'SANCTION_DECISION'),
    },
  };
}

export const aMixedCaseRecommended = (): CaseEvent[] => [
  mixedCaseReported(),
  mixedCaseStudied(),
  recommendedTo('R1', 'BKN'),
  recommendedTo('R2', 'TNI'),
  recommendedTo('R3', 'REGIONAL_HEAD'),
];

export function decidedFor(respondentId: 'R2' | 'R3', data: Partial<SanctionDecided['data']> = {}): SanctionDecided {
  const sergeant = respondentId === 'R2';
  return {
    type: 'SanctionDecided',
    data: {
      caseId: CASE_ID,
      respondentId,
      decidedBy: sergeant ? 'TNI' : 'PPK',
      letterNumber: sergeant ? 'B/112/X/2024/Kodim0406' : '100.3.5/210/Pem/2024',
      decidedAt: wib('2024-10-14 10:00'),
      sanction: sergeant ? 'TNI_LIGHT_DETENTION' : 'VILLAGE_WRITTEN_REPRIMAND',
      ppk: sergeant ? DANDIM : PPK_LUBUK_LINGGAU,
      dueAt: wib('2024-11-13 10:00'),
      deadline: applied('PILKADA', 'EXECUTION'),
      ...data,
    },
  };
}

export const aMixedCaseDecided = (): CaseEvent[] => [...aMixedCaseRecommended(), decidedFor('R2'), decidedFor('R3')];

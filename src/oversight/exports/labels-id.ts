import type {
  DeadlineStep,
  Employment,
  EscalationKind,
  FollowUpStatus,
  ImpossibilityReason,
  RespondentStage,
  SanctionKind,
  StudyOutcome,
} from '../../case/case-vocabulary';

/**
 * Indonesian words for the codes an officer reads in an exported file (shared/DOMAIN.md §3, §5, §6;
 * sanction names as in PP 42/2004 and PP 94/2021). The web console keeps its own copy: it is
 * compiled for the browser, apart from the server.
 */
export const LABELS_ID = {
  stage: {
    REPORTED: 'Dilaporkan',
    STUDIED: 'Dikaji',
    RECOMMENDED: 'Direkomendasikan',
    SANCTION_DECIDED: 'Sanksi diputuskan',
    SANCTION_EXECUTED: 'Sanksi dilaksanakan',
    NO_VIOLATION: 'Tidak terbukti',
    FORWARDED: 'Diteruskan',
    CLEARED: 'Dibebaskan',
    FOLLOW_UP_IMPOSSIBLE: 'Tidak dapat ditindaklanjuti',
  } satisfies Record<RespondentStage, string>,
  // BPK's SIPTL terms (Peraturan BPK 2/2017 Pasal 6), shortened as the console shows them.
  status: {
    PENDING: 'Belum ditindaklanjuti',
    AS_RECOMMENDED: 'Sesuai rekomendasi',
    NOT_AS_RECOMMENDED: 'Belum sesuai rekomendasi',
    CANNOT_BE_ACTED_ON: 'Tidak dapat ditindaklanjuti',
  } satisfies Record<FollowUpStatus, string>,
  employment: {
    PNS: 'PNS',
    PPPK: 'PPPK',
    VILLAGE_HEAD: 'Kepala desa',
    TNI: 'TNI',
    POLRI: 'Polri',
    OTHER: 'Lainnya',
  } satisfies Record<Employment, string>,
  outcome: {
    VIOLATION: 'Terbukti melanggar',
    NO_VIOLATION: 'Tidak terbukti',
    FORWARDED: 'Diteruskan ke instansi lain',
  } satisfies Record<StudyOutcome, string>,
  sanction: {
    MORAL_CLOSED: 'Sanksi moral tertutup',
    MORAL_OPEN: 'Sanksi moral terbuka',
    VERBAL_REPRIMAND: 'Teguran lisan',
    WRITTEN_REPRIMAND: 'Teguran tertulis',
    STATEMENT_OF_DISSATISFACTION: 'Pernyataan tidak puas secara tertulis',
    ALLOWANCE_CUT_6M: 'Pemotongan tunjangan kinerja 25% selama 6 bulan',
    ALLOWANCE_CUT_9M: 'Pemotongan tunjangan kinerja 25% selama 9 bulan',
    ALLOWANCE_CUT_12M: 'Pemotongan tunjangan kinerja 25% selama 12 bulan',
    DEMOTION_12M: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
    RELEASE_FROM_POST_12M: 'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan',
    DISMISSAL: 'Pemberhentian dengan hormat tidak atas permintaan sendiri',
  } satisfies Record<SanctionKind, string>,
  reason: {
    DECEASED: 'Meninggal dunia',
    RETIRED: 'Pensiun',
    RESIGNED: 'Mengundurkan diri',
    DISMISSED: 'Diberhentikan',
    COURT_PROCESS: 'Dalam proses peradilan',
    FORCE_MAJEURE: 'Keadaan kahar',
    REGULATION_CHANGED: 'Perubahan peraturan',
  } satisfies Record<ImpossibilityReason, string>,
  escalation: {
    KEMENDAGRI_REPRIMAND: 'Teguran Kemendagri',
    KEMENPANRB_REPRIMAND: 'Teguran KemenPANRB',
    SIASN_BLOCKED: 'Pemblokiran data SIASN',
    SIASN_UNBLOCKED: 'Pembukaan blokir SIASN',
    REFERRED_TO_PRESIDENT: 'Diteruskan ke Presiden',
  } satisfies Record<EscalationKind, string>,
  step: {
    STUDY: 'Kajian',
    RECOMMENDATION: 'Rekomendasi',
    SANCTION_DECISION: 'Keputusan sanksi',
    EXECUTION: 'Pelaksanaan sanksi',
  } satisfies Record<DeadlineStep, string>,
};

export type LabelSet = keyof typeof LABELS_ID;
export type HeaderLanguage = 'id' | 'en';

/** The Indonesian word for a code under `id`, the code itself under `en`; null stays empty. */
export function labelOf(set: LabelSet, code: string | null, language: HeaderLanguage): string | null {
  if (code === null || language === 'en') return code;
  return (LABELS_ID[set] as Record<string, string>)[code] ?? code;
}

/** Yes/no as an officer reads it, or as the API spells it. */
export const yesNo = (value: boolean, language: HeaderLanguage) => (language === 'id' ? (value ? 'Ya' : 'Tidak') : value);

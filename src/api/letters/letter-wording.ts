import type { Election } from '../../case/case-events';
import { LABELS_ID } from '../../case/case-vocabulary-id';
import type { Agency, LetterKind, RecommendationRecipient } from '../../case/case-vocabulary';
import { zoneOf } from '../../case/time-zones';
import { kemendagriRegions } from '../../reference-data/kemendagri-regions';

/**
 * The Indonesian words of a generated letter: letterhead, addressee, subject and legal basis as the
 * agencies write them. The legal basis is the law Netra's domain reference names (shared/DOMAIN.md
 * §1, §5); an agency that cites more adds it in the signed letter.
 */

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "6 Desember 2026": the calendar day in the zone of `regionCode` (WIB, WITA or WIT). */
export function indonesianDate(iso: string, regionCode: string | null): string {
  const local = new Date(Date.parse(iso) + zoneOf(regionCode).offsetHours * 3_600_000);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}

/** "Kota Lubuk Linggau", "Provinsi Sumatera Selatan"; null for a national unit or an unknown code. */
export function regionTitle(code: string | null): string | null {
  if (code === null) return null;
  const region = kemendagriRegions().get(code);
  if (!region) return null;
  return region.level === 'PROVINCE' ? `Provinsi ${region.name}` : region.name;
}

/** The town a letter is dated in: the region without "Kota"/"Kabupaten", Jakarta for a national agency. */
export function letterPlace(code: string | null): string {
  const title = regionTitle(code);
  return title ? title.replace(/^(Kota|Kabupaten|Provinsi) /, '') : 'Jakarta';
}

const AGENCY_NAMES: Partial<Record<Agency, string>> = {
  BAWASLU: 'Badan Pengawas Pemilihan Umum',
  BKN: 'Badan Kepegawaian Negara',
  KASN: 'Komisi Aparatur Sipil Negara',
  TNI: 'Tentara Nasional Indonesia',
  POLRI: 'Kepolisian Negara Republik Indonesia',
  PPK: 'Pejabat Pembina Kepegawaian',
};

/** Letterhead lines: the agency, then its unit (Bawaslu's handling unit; a national agency's country). */
export function letterhead(author: Agency, handlingUnit: string): string[] {
  const unit = author === 'BAWASLU' ? regionTitle(handlingUnit) : null;
  return [(AGENCY_NAMES[author] ?? author).toUpperCase(), (unit ?? 'Republik Indonesia').toUpperCase()];
}

/** Who signs: "Ketua Bawaslu Kota Lubuk Linggau", "Kepala Badan Kepegawaian Negara". */
export function signatory(author: Agency, handlingUnit: string): string {
  if (author === 'BAWASLU') return `Ketua Bawaslu ${regionTitle(handlingUnit) ?? 'Republik Indonesia'}`;
  if (author === 'KASN') return 'Ketua Komisi Aparatur Sipil Negara';
  if (author === 'BKN') return 'Kepala Badan Kepegawaian Negara';
  return `Pimpinan ${AGENCY_NAMES[author] ?? author}`;
}

const RECIPIENTS: Record<RecommendationRecipient, string[]> = {
  BKN: ['Kepala Badan Kepegawaian Negara', 'di Jakarta'],
  KASN: ['Ketua Komisi Aparatur Sipil Negara', 'di Jakarta'],
  TNI: ['Panglima Tentara Nasional Indonesia', 'di Jakarta'],
  POLRI: ['Kepala Divisi Profesi dan Pengamanan Polri', 'di Jakarta'],
  REGIONAL_HEAD: ['Bupati/Walikota selaku Pejabat Pembina Kepegawaian', 'di tempat'],
};

export function addressee(kind: LetterKind, recipient: RecommendationRecipient | null, ppk: { title: string; regionCode: string } | null): string[] {
  if (kind === 'SANCTION_DECISION' && ppk) return [`${ppk.title} selaku Pejabat Pembina Kepegawaian`, `di ${letterPlace(ppk.regionCode)}`];
  return RECIPIENTS[recipient ?? 'BKN'];
}

export const SUBJECT: Record<LetterKind, string> = {
  RECOMMENDATION: 'Rekomendasi atas Pelanggaran Netralitas Aparatur Sipil Negara',
  SANCTION_DECISION: 'Rekomendasi Penjatuhan Sanksi atas Pelanggaran Netralitas Aparatur Sipil Negara',
};

export const FILE_NAME: Record<LetterKind, string> = { RECOMMENDATION: 'Surat Rekomendasi', SANCTION_DECISION: 'Surat kepada PPK' };

/** The law each letter rests on: neutrality of the ASN, discipline and ethics, the joint decree, the election law. */
export function legalBasis(election: Election): string[] {
  const electionLaw =
    election.kind === 'PILKADA'
      ? 'Undang-Undang Nomor 1 Tahun 2015 tentang Pemilihan Gubernur, Bupati, dan Walikota sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2020 (Pasal 71)'
      : 'Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Pasal 280 dan Pasal 283)';
  return [
    'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Pasal 24)',
    electionLaw,
    'Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil',
    'Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil',
    'Keputusan Bersama MenPANRB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai Aparatur Sipil Negara dalam Penyelenggaraan Pemilihan Umum dan Pemilihan',
  ];
}

export const electionName = (election: Election) => `${LABELS_ID.ElectionKind[election.kind]} ${election.year}`;

const NUMBERS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'];
/** "2 (dua)", as letters write a count. */
export const counted = (n: number) => (n < NUMBERS.length ? `${n} (${NUMBERS[n]})` : String(n));

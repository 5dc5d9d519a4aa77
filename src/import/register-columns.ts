/**
 * The columns of an agency's register, as Bawaslu units keep them in spreadsheets (issue 18): one row
 * per respondent (terlapor); rows that share a register number are one case. Headers are matched
 * without regard to case, spaces and punctuation, in Indonesian or English; columns Netra does not
 * know are ignored.
 */
export const COLUMN_KEYS = [
  'no',
  'registerNumber',
  'source',
  'election',
  'handlingUnit',
  'electionRegion',
  'receivedAt',
  'knownAt',
  'occurredAt',
  'name',
  'nip',
  'employment',
  'position',
  'institution',
  'institutionRegion',
  'violations',
  'summary',
  'reporterName',
  'status',
  'studiedAt',
  'letterNumber',
  'issuedAt',
  'recipient',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface RegisterColumn {
  key: ColumnKey;
  /** The header in the template and in every message, Indonesian and English. */
  id: string;
  en: string;
  /** Other headers registers use for it. */
  aliases: string[];
  /** Case-level: one value per case; rows of one case may leave it empty or repeat it. */
  perCase: boolean;
  /** Width in the template, in characters. */
  width: number;
  /** What the template's guide sheet says of it. */
  guide: { id: string; en: string };
}

const column = (key: ColumnKey, id: string, en: string, aliases: string[], perCase: boolean, width: number, guideId: string, guideEn: string): RegisterColumn => ({
  key,
  id,
  en,
  aliases,
  perCase,
  width,
  guide: { id: guideId, en: guideEn },
});

export const REGISTER_COLUMNS: RegisterColumn[] = [
  column('no', 'No', 'No', ['No.', 'Nomor Urut', 'Number'], false, 6, 'Nomor urut register (tidak diimpor; disebut dalam laporan uji coba).', 'The register’s running number (not imported; named in the dry-run report).'),
  column('registerNumber', 'Nomor Register', 'Register Number', ['No Register', 'Nomor Registrasi', 'No. Register', 'Nomor Laporan/Temuan', 'Nomor Temuan', 'Nomor Laporan'], true, 24, 'Baris dengan nomor register yang sama menjadi satu kasus dengan beberapa terlapor. Kosong: setiap baris satu kasus, nomor register dibuat Netra.', 'Rows with the same register number become one case with several respondents. Empty: each row is a case, Netra makes the register number.'),
  column('source', 'Jenis', 'Source', ['Laporan/Temuan', 'Jenis Penanganan', 'Sumber'], true, 10, 'Temuan (bawaan) atau Laporan. Laporan wajib mengisi Nama Pelapor.', 'Temuan (finding, the default) or Laporan (report). A report needs the reporter’s name.'),
  column('election', 'Pemilihan', 'Election', ['Jenis Pemilihan'], true, 14, 'Jenis dan tahun, mis. Pilkada 2024 atau Pemilu 2024 (atau parameter election untuk seluruh berkas).', 'Kind and year, e.g. Pilkada 2024 or Pemilu 2024 (or the election parameter for the whole file).'),
  column('handlingUnit', 'Unit Penanganan', 'Handling Unit', ['Kode Wilayah Bawaslu', 'Bawaslu', 'Kode Unit'], true, 14, 'Kode Kemendagri unit Bawaslu yang menangani, mis. 16.73. Kosong: wilayah unit pengimpor.', 'Kemendagri code of the handling Bawaslu unit, e.g. 16.73. Empty: the importing unit’s region.'),
  column('electionRegion', 'Wilayah Pemilihan', 'Election Region', ['Kode Wilayah Pemilihan'], true, 14, 'Kode provinsi atau kabupaten/kota pemilihan. Kosong: kabupaten/kota (atau provinsi) unit penanganan.', 'Province or regency/city code of the election. Empty: the handling unit’s regency/city (or province).'),
  column('receivedAt', 'Tanggal', 'Date', ['Tanggal Diterima', 'Tanggal Temuan', 'Tanggal Laporan', 'Tanggal Registrasi', 'Received At'], true, 16, 'Tanggal laporan diterima atau temuan dicatat (hh/bb/tttt, boleh dengan jam jj.mm), waktu setempat unit.', 'Day the report came in or the finding was made (dd/mm/yyyy, optionally hh:mm), the unit’s local time.'),
  column('knownAt', 'Tanggal Diketahui', 'Known At', ['Tanggal Mengetahui'], true, 16, 'Kapan pelanggaran diketahui. Kosong: sama dengan Tanggal.', 'When the violation became known. Empty: the Date.'),
  column('occurredAt', 'Tanggal Kejadian', 'Occurred At', ['Waktu Kejadian'], true, 16, 'Kapan kejadian (boleh kosong).', 'When it happened (optional).'),
  column('name', 'Nama', 'Name', ['Nama Terlapor', 'Nama ASN', 'Terlapor'], false, 28, 'Nama terlapor (wajib).', 'The respondent’s name (required).'),
  column('nip', 'NIP', 'NIP', ['NIP Terlapor'], false, 22, '18 digit, kolom berformat Teks (angka 18 digit kehilangan digit di Excel). Boleh kosong bila tidak diketahui.', '18 digits, in a column formatted as Text (an 18-digit number loses digits in Excel). May be empty when unknown.'),
  column('employment', 'Status Kepegawaian', 'Employment', ['Status ASN', 'Kepegawaian'], false, 16, 'PNS (bawaan), PPPK, Kepala desa, Perangkat desa, Prajurit TNI, Anggota Polri atau Lainnya.', 'PNS (the default), PPPK, Kepala desa, Perangkat desa, Prajurit TNI, Anggota Polri or Lainnya.'),
  column('position', 'Jabatan', 'Position', [], false, 24, 'Jabatan terlapor.', 'The respondent’s position.'),
  column('institution', 'Instansi', 'Institution', ['Unit Kerja', 'Instansi/Unit Kerja'], false, 28, 'Instansi terlapor (wajib).', 'The respondent’s institution (required).'),
  column('institutionRegion', 'Kode Wilayah Instansi', 'Institution Region', [], false, 14, 'Kode Kemendagri wilayah instansi, bila berbeda dengan unit penanganan.', 'Kemendagri code of the institution’s region, where it differs from the handling unit.'),
  column('violations', 'Jenis Pelanggaran', 'Violations', ['Dugaan Pelanggaran', 'Bentuk Pelanggaran', 'Kode Jenis Pelanggaran'], false, 34, 'Satu atau lebih, dipisah titik koma: kode (SOCIAL_MEDIA_ENGAGEMENT) atau nama seperti di konsol.', 'One or more, separated by semicolons: the code (SOCIAL_MEDIA_ENGAGEMENT) or the name as the console shows it.'),
  column('summary', 'Uraian', 'Summary', ['Uraian Singkat', 'Uraian Kejadian', 'Keterangan Kejadian', 'Kronologi'], true, 40, 'Uraian singkat perbuatan (wajib); jangan menyebut nama terlapor lain.', 'A short account of the conduct (required); do not name other respondents.'),
  column('reporterName', 'Nama Pelapor', 'Reporter Name', ['Pelapor'], true, 24, 'Hanya untuk Laporan: identitas pelapor dirahasiakan dan hanya dilihat unit penanganan.', 'Reports only: the reporter’s identity is confidential, seen only by the handling unit.'),
  column('status', 'Status', 'Status', ['Status Penanganan', 'Hasil Kajian', 'Keterangan Status'], false, 20, 'Kosong/Proses: dicatat saja. Terbukti, Tidak Terbukti, Diteruskan: kajian dicatat. Direkomendasikan: kajian dan rekomendasi dicatat.', 'Empty/Proses: recorded only. Terbukti, Tidak Terbukti, Diteruskan: the study is recorded. Direkomendasikan: study and recommendation are recorded.'),
  column('studiedAt', 'Tanggal Kajian', 'Studied At', ['Tanggal Pleno', 'Tanggal Putusan Kajian'], true, 16, 'Wajib bila status menyatakan kajian selesai.', 'Required when the status says the study is done.'),
  column('letterNumber', 'Nomor Rekomendasi', 'Recommendation Number', ['Nomor Surat Rekomendasi', 'No Rekomendasi', 'No. Rekomendasi'], false, 26, 'Nomor surat rekomendasi; wajib untuk status Direkomendasikan.', 'The recommendation letter’s number; required for Direkomendasikan.'),
  column('issuedAt', 'Tanggal Rekomendasi', 'Recommendation Date', ['Tanggal Surat Rekomendasi'], false, 16, 'Tanggal surat rekomendasi; wajib untuk status Direkomendasikan.', 'The recommendation letter’s date; required for Direkomendasikan.'),
  column('recipient', 'Penerima Rekomendasi', 'Recipient', ['Tujuan Rekomendasi', 'Kepada'], false, 16, 'BKN, KASN, TNI, Polri atau Bupati/Walikota. Kosong: KASN sebelum 24 Agustus 2024, BKN sesudahnya (ASN).', 'BKN, KASN, TNI, Polri or Bupati/Walikota. Empty: KASN before 24 August 2024, BKN after (ASN).'),
];

export const COLUMN_BY_KEY = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, RegisterColumn>;

/** Columns without which no row can be imported (election may come from the request instead). */
export const REQUIRED_COLUMNS: ColumnKey[] = ['name', 'institution', 'receivedAt', 'violations', 'summary'];

/** "Nomor  Register:" → "nomorregister". */
export const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

const BY_HEADER = new Map<string, ColumnKey>(REGISTER_COLUMNS.flatMap((c) => [c.id, c.en, ...c.aliases].map((h) => [headerKey(h), c.key] as [string, ColumnKey])));

export const columnOfHeader = (header: string): ColumnKey | undefined => BY_HEADER.get(headerKey(header));

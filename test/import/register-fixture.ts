import ExcelJS from 'exceljs';

/** A register as a Bawaslu unit keeps it: headers in Indonesian, a title line above them, one row per respondent. */
export const HEADERS = [
  'No', 'Nomor Register', 'Jenis', 'Pemilihan', 'Unit Penanganan', 'Wilayah Pemilihan', 'Tanggal', 'Tanggal Diketahui', 'Nama', 'NIP',
  'Status Kepegawaian', 'Jabatan', 'Instansi', 'Jenis Pelanggaran', 'Uraian', 'Nama Pelapor', 'Status', 'Tanggal Kajian', 'Nomor Rekomendasi',
  'Tanggal Rekomendasi', 'Penerima Rekomendasi',
] as const;
export type Header = (typeof HEADERS)[number];
export type RegisterLine = Partial<Record<Header, string | number | Date | null>>;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A valid NIP for person i: a real birth date, appointed at 25, sex 1 or 2, a sequence from 001. */
export function nipFor(i: number): string {
  const year = 1970 + (i % 25);
  return `${year}${pad((i % 12) + 1)}${pad((i % 28) + 1)}${year + 25}${pad(((i >> 2) % 12) + 1)}${(i % 2) + 1}${pad((i % 999) + 1, 3)}`;
}

/**
 * Row i of a good register: every tenth pair shares a register number (one case, two respondents);
 * a fifth of the cases were recommended to BKN, a fifth found not proven, the rest are in process.
 */
export function goodLine(i: number): RegisterLine {
  const pair = i % 10 === 1 ? i - 1 : i;
  const kind = pair % 5;
  const day = (pair % 20) + 1;
  const line: RegisterLine = {
    No: i + 1,
    'Nomor Register': `TM/16.73/2024/${pad(pair, 4)}`,
    Jenis: 'Temuan',
    Pemilihan: 'Pilkada 2024',
    Tanggal: `${pad(day)}/10/2024`,
    Nama: `Terlapor Uji ${i}`,
    NIP: nipFor(i),
    'Status Kepegawaian': 'PNS',
    Jabatan: 'Kepala Seksi',
    Instansi: 'Pemerintah Kota Lubuk Linggau',
    'Jenis Pelanggaran': i % 3 === 0 ? 'SOCIAL_MEDIA_ENGAGEMENT' : 'Ikut kampanye, sosialisasi atau pengenalan calon',
    Uraian: `Temuan pengawasan nomor ${pair}`,
    Status: kind === 0 ? 'Direkomendasikan' : kind === 1 ? 'Tidak Terbukti' : 'Proses',
  };
  if (kind === 0 || kind === 1) line['Tanggal Kajian'] = `${pad(day + 2)}/10/2024`;
  if (kind === 0) {
    line['Nomor Rekomendasi'] = `REK-${pad(pair, 4)}/PM.00.02/K.SS-16/10/2024`;
    line['Tanggal Rekomendasi'] = `${pad(day + 4)}/10/2024 10.00`;
  }
  return line;
}

export async function registerXlsx(lines: RegisterLine[], options: { title?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register 2024');
  if (options.title) sheet.addRow(['REGISTER PENANGANAN PELANGGARAN NETRALITAS ASN — BAWASLU KOTA LUBUK LINGGAU']);
  sheet.addRow([...HEADERS]);
  for (const line of lines) sheet.addRow(HEADERS.map((h) => line[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same register as Indonesian Excel saves it: semicolons, CRLF, a byte-order mark. */
export function registerCsv(lines: RegisterLine[]): Buffer {
  const field = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = [HEADERS.join(';'), ...lines.map((line) => HEADERS.map((h) => field(line[h])).join(';'))].join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}

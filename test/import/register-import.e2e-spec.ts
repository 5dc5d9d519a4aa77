import ExcelJS from 'exceljs';
import { gql } from 'graphql-request';
import { signDevToken } from '../../src/auth/dev-token';
import type { Agency } from '../../src/case/case-vocabulary';
import { TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { onBothStores, type StartedNetra } from '../support/on-both-stores';
import { mutate, REPORT } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { goodLine, nipFor, registerCsv, registerXlsx, type RegisterLine } from './register-fixture';

/** Importing a register (issue 18) over real HTTP: dry run, import, re-import, on both stores. */
const token = (agency: Agency, region: string | null, sub = `${agency}-${region ?? 'national'}`) => signDevToken(TEST_SECRET, { sub, agency, region });

async function post(netra: RunningNetra, query: string, file: Buffer, as: string | null, name = 'register.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const response = await fetch(`${netra.origin}/imports?${query}`, { method: 'POST', body: form, headers: as ? { authorization: `Bearer ${as}` } : {} });
  return { status: response.status, body: (await response.json()) as any };
}

const FOLLOW_UPS = gql`
  query ($filter: FollowUpFilter) { followUps(filter: $filter, first: 1) { totalCount } }
`;

/** The 20 bad rows: each index, what is wrong with it, and the column and key the report must name. */
const BAD: Array<{ index: number; change: RegisterLine; column: string; key: string }> = [
  { index: 2, change: { NIP: '19850330201012100' }, column: 'NIP', key: 'nip.length' },
  { index: 52, change: { Tanggal: '31/02/2024' }, column: 'Tanggal', key: 'date.notRealDate' },
  { index: 102, change: { Tanggal: 'kemarin sore' }, column: 'Tanggal', key: 'import.date' },
  { index: 152, change: { Status: 'Selesai' }, column: 'Status', key: 'import.status' },
  { index: 202, change: { Nama: null }, column: 'Nama', key: 'import.required' },
  { index: 252, change: { Instansi: null }, column: 'Instansi', key: 'import.required' },
  { index: 302, change: { 'Jenis Pelanggaran': 'Bernyanyi di panggung' }, column: 'Jenis Pelanggaran', key: 'import.value' },
  { index: 352, change: { 'Status Kepegawaian': 'Honorer' }, column: 'Status Kepegawaian', key: 'import.value' },
  { index: 402, change: { Status: 'Direkomendasikan', 'Tanggal Kajian': '05/10/2024', 'Tanggal Rekomendasi': '07/10/2024' }, column: 'Nomor Rekomendasi', key: 'import.required' },
  { index: 452, change: { Tanggal: '01/01/2099' }, column: 'Tanggal', key: 'date.future' },
  { index: 502, change: { 'Unit Penanganan': '16.01' }, column: 'Unit Penanganan', key: 'access.region' },
  { index: 552, change: { Jenis: 'Laporan' }, column: 'Nama Pelapor', key: 'import.required' },
  { index: 602, change: { 'Tanggal Diketahui': '20/10/2024' }, column: 'Tanggal', key: 'date.beforeOther' },
  { index: 652, change: { Status: 'Terbukti' }, column: 'Tanggal Kajian', key: 'import.required' },
  {
    index: 702,
    change: { Status: 'Direkomendasikan', 'Tanggal Kajian': '10/10/2024', 'Nomor Rekomendasi': 'REK-X/2024', 'Tanggal Rekomendasi': '08/10/2024' },
    column: 'Tanggal Rekomendasi',
    key: 'date.beforeOther',
  },
  { index: 752, change: { NIP: 198503302010121002 }, column: 'NIP', key: 'import.nipAsNumber' },
  { index: 802, change: { Pemilihan: 'Pilpres 2024' }, column: 'Pemilihan', key: 'import.election' },
  {
    index: 852,
    change: { Status: 'Direkomendasikan', 'Tanggal Kajian': '20/10/2024', 'Nomor Rekomendasi': 'REK-Y/2024', 'Tanggal Rekomendasi': '22/10/2024', 'Penerima Rekomendasi': 'KASN' },
    column: 'Penerima Rekomendasi',
    key: 'recommendation.kasnClosed',
  },
  { index: 902, change: { 'Wilayah Pemilihan': '1673' }, column: 'Wilayah Pemilihan', key: 'region.bpsCode' },
  { index: 952, change: { NIP: '198503302010131002' }, column: 'NIP', key: 'nip.appointmentMonth' },
];

function register(): RegisterLine[] {
  const lines = Array.from({ length: 1000 }, (_, i) => goodLine(i));
  for (const bad of BAD) lines[bad.index] = { ...lines[bad.index], ...bad.change };
  return lines;
}

/** Sheet row of line i: a title line, the header line, then the data from row 3. */
const rowOf = (index: number) => index + 3;

onBothStores('register import', (start) => {
  let started: StartedNetra;
  let netra: RunningNetra;
  let bawaslu: string;
  let file: Buffer;
  let importId: string;

  beforeAll(async () => {
    started = await start();
    netra = started.netra;
    bawaslu = await token('BAWASLU', '16.73');
    file = await registerXlsx(register(), { title: true });
  });
  afterAll(() => started?.cleanup());

  it('a dry run of a 1,000-row register lists exactly its 20 bad rows, by row and column, in Indonesian, and writes nothing', async () => {
    const started = Date.now();
    const cpu = process.cpuUsage();
    const { status, body } = await post(netra, 'dryRun=true', file, bawaslu);
    const used = process.cpuUsage(cpu);
    console.log(`dry run of 1,000 rows: ${((Date.now() - started) / 1000).toFixed(1)} s, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU`);
    expect(status).toBe(200);
    expect(body.dryRun).toBe(true);
    importId = body.importId;
    expect(body.file).toMatchObject({ format: 'xlsx', sheet: 'Register 2024', headerRow: 2 });
    expect(body.errors.map((e: any) => [e.row, e.column, e.key])).toEqual(BAD.map((b) => [rowOf(b.index), b.column, b.key]));
    expect(body.errors.map((e: any) => e.no)).toEqual(BAD.map((b) => String(b.index + 1)));
    const words = Object.fromEntries(body.errors.map((e: any) => [e.key + ':' + e.column, e.message]));
    expect(words['nip.length:NIP']).toBe('NIP harus tepat 18 digit (terisi 17 karakter, 17 di antaranya angka).');
    expect(words['import.status:Status']).toBe('Status "Selesai" tidak dikenal; gunakan salah satu: Proses, Terbukti, Tidak Terbukti, Diteruskan, Direkomendasikan.');
    expect(words['import.required:Nomor Rekomendasi']).toBe('Kolom Nomor Rekomendasi wajib diisi.');
    expect(words['access.region:Unit Penanganan']).toBe('Unit Bawaslu wilayah 16.73 tidak berwenang untuk mencatat laporan atau temuan di wilayah 16.01, di luar wilayahnya.');
    expect(words['import.nipAsNumber:NIP']).toMatch(/^NIP tersimpan sebagai angka/);
    for (const error of body.errors) expect(error.message).not.toMatch(/\b(must|is not|required|the)\b/);
    // 980 good rows: 900 cases of one and 40 of two respondents.
    expect(body.summary).toMatchObject({ rows: 1000, rowsWithErrors: 20, rowsToWrite: 980, rowsAlreadyImported: 0, cases: 900, casesToWrite: 880 });
    expect(body.summary.commands).toEqual({ ReportCase: 880, RecordStudy: 300, IssueRecommendation: 200 });
    expect(body.written).toBeNull();
    const client = await netra.client('BAWASLU', '16.73');
    expect((await client.request<any>(FOLLOW_UPS)).followUps.totalCount).toBe(0);
  });

  it('the import writes only the confirmed file, every good row, and a second import of it appends nothing', async () => {
    expect((await post(netra, '', file, bawaslu)).body.key).toBe('import.confirmRequired');
    const other = await registerXlsx(register().slice(0, 10));
    const mismatch = await post(netra, `confirm=${importId}`, other, bawaslu);
    expect([mismatch.status, mismatch.body.key]).toEqual([400, 'import.confirmMismatch']);

    const started = Date.now();
    const cpu = process.cpuUsage();
    const imported = await post(netra, `confirm=${importId}`, file, bawaslu);
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    expect(imported.status).toBe(200);
    expect(imported.body.written).toEqual({ cases: 880, commands: 880 + 300 + 200 });
    expect(imported.body.errors).toHaveLength(20);
    const client = await netra.client('BAWASLU', '16.73');
    const count = async (filter: object = {}) => (await client.request<any>(FOLLOW_UPS, { filter })).followUps.totalCount;
    expect(await count()).toBe(980);
    expect(await count({ stage: 'RECOMMENDED' })).toBe(200 + 100);
    expect(await count({ stage: 'NO_VIOLATION' })).toBe(100);
    expect(await count({ respondentNip: nipFor(3) })).toBe(1);
    console.log(`import of 1,000 rows (880 cases, 1,380 commands): ${seconds.toFixed(1)} s, ${cpuSeconds.toFixed(1)} s of this process's CPU (server and, embedded, the database)`);

    // The same file again, by another officer of the same unit: every case already stands as the register says.
    const colleague = await token('BAWASLU', '16.73', 'another-officer');
    const again = await post(netra, `confirm=${importId}`, file, colleague);
    expect(again.body.written).toEqual({ cases: 0, commands: 0 });
    expect(again.body.summary).toMatchObject({ rowsToWrite: 0, rowsAlreadyImported: 980, rowsWithErrors: 20, commands: {} });
    expect(await count()).toBe(980);
  }, 300_000);

  it('an updated register adds only its new steps; a unit that may not report cases may not import', async () => {
    const lines = register();
    // Row 12 (pair 10, recommended) is unchanged; row 4 was "Proses" and is now recommended.
    lines[4] = { ...lines[4], Status: 'Direkomendasikan', 'Tanggal Kajian': '08/10/2024', 'Nomor Rekomendasi': 'REK-0004/2024', 'Tanggal Rekomendasi': '09/10/2024' };
    const updated = await registerXlsx(lines.slice(0, 20));
    const tried = await post(netra, 'dryRun=true', updated, bawaslu);
    expect(tried.body.summary.commands).toEqual({ RecordStudy: 1, IssueRecommendation: 1 });
    expect(tried.body.errors.map((e: any) => [e.row, e.key])).toEqual([[4, 'nip.length']]);
    const imported = await post(netra, `confirm=${tried.body.importId}`, updated, bawaslu);
    expect(imported.body.written).toEqual({ cases: 1, commands: 2 });

    // A case the unit opened in the console under a number the register also lists: refused, never a second case.
    const opened = await mutate(await netra.client('BAWASLU', '16.73'), REPORT, aLaporan({ registerNumber: 'LP/16.73/2024/77' }));
    const listed = await post(netra, 'dryRun=true', await registerXlsx([{ ...goodLine(7000), 'Nomor Register': 'lp 16.73 2024 77' }, { ...goodLine(7001), 'Nomor Register': 'lp 16.73 2024 77' }]), bawaslu);
    expect(listed.body.errors.map((e: any) => [e.row, e.column, e.key, e.params])).toEqual([
      [2, 'Nomor Register', 'import.registerTaken', { caseId: opened.id }],
      [3, null, 'import.sameCase', { row: 2 }],
    ]);

    const ppk = await post(netra, 'dryRun=true', updated, await token('PPK', '16.73'));
    expect([ppk.status, ppk.body.code, ppk.body.key]).toEqual([403, 'FORBIDDEN', 'access.agency']);
    expect((await post(netra, 'dryRun=true', updated, null)).status).toBe(401);
  });

  it('a CSV saved by Indonesian Excel is read as the XLSX, and lang=en words the problems in English', async () => {
    const lines = [{ ...goodLine(5002), NIP: '123' }, goodLine(5003)];
    const { status, body } = await post(netra, 'dryRun=true&lang=en', registerCsv(lines), bawaslu, 'register.csv');
    expect(status).toBe(200);
    expect(body.file.format).toBe('csv');
    expect(body.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'NIP', key: 'nip.length', message: 'A NIP is exactly 18 digits (got 3 characters, 3 of them digits).' }),
    ]);
    expect(body.summary).toMatchObject({ rows: 2, rowsToWrite: 1 });
    const refused = await post(netra, 'dryRun=true', Buffer.from('%PDF-1.7 not a register'), bawaslu, 'surat.pdf');
    expect([refused.status, refused.body.key, refused.body.message]).toEqual([400, 'import.noHeader', expect.stringMatching(/^Baris judul kolom tidak ditemukan/)]);
  });

  it('the template is an XLSX with the register’s columns and a guide', async () => {
    const response = await fetch(`${netra.origin}/imports/template.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('netra-register-templat.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const header = (workbook.getWorksheet('Register')!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['No', 'Nama', 'NIP', 'Jabatan', 'Instansi', 'Tanggal', 'Nomor Rekomendasi', 'Status']));
    expect(workbook.getWorksheet('Petunjuk')!.rowCount).toBeGreaterThan(20);
    // The template read back by the import: its header is found, and it holds no row.
    const empty = await post(netra, 'dryRun=true', Buffer.from(await workbook.xlsx.writeBuffer()), bawaslu);
    expect(empty.body.key).toBe('import.noRows');
  });
});

import ExcelJS from 'exceljs';
import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import { ProjectionService } from '../../src/oversight/projection.service';
import { CaseReader } from '../../src/oversight/queries/case-reader';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import { aCaseWithTwoSanctionsDecided, anExecution, mutate, EXECUTE } from '../e2e/case-steps';
import { aLaporan, NIP_CAMAT, NIP_STAFF } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { download, parseCsv, tokenFor } from './exports-support';

/**
 * Issue 19: the exports as XLSX — the CSV's columns and rows, read back with exceljs, each cell the
 * CSV's value typed as a spreadsheet holds it: instants as Excel dates on the case's wall clock (UTC
 * under en), numbers as numbers with their format, text as text (never a formula).
 */
const AWKWARD = [
  { name: '=HYPERLINK("http://contoh.id","klik")', nip: NIP_CAMAT, employment: 'PNS', position: 'Kepala Seksi', institution: 'Dinas Pendidikan, Pemuda dan Olahraga', institutionRegionCode: '16.73' },
  { name: '@Dewi, S.Pd.', nip: NIP_STAFF, employment: 'PNS', position: '-', institution: '+62 Kantor Camat', institutionRegionCode: '16.73' },
];

async function workbook(netra: RunningNetra, path: string, query: Record<string, string>, token?: string) {
  const url = new URL(`${netra.origin}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return { response, sheet: book.worksheets[0] };
}

/** Every cell beside the CSV's text for it: the same value, typed. */
function compareWithCsv(sheet: ExcelJS.Worksheet, csv: string[][], language: 'id' | 'en') {
  expect(sheet.rowCount).toBe(csv.length);
  const header = csv[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
  const kinds = new Set<string>();
  csv.slice(1).forEach((line, r) => {
    const row = sheet.getRow(r + 2);
    line.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      const value = cell.value;
      if (value === null || value === undefined) return expect([header[c], text]).toEqual([header[c], '']);
      if (value instanceof Date) {
        kinds.add('date');
        const shown = language === 'id' ? value.toISOString().slice(0, 16).replace('T', ' ') : value.toISOString();
        expect([header[c], shown]).toEqual([header[c], text]);
        expect(cell.numFmt).toBe(language === 'id' ? 'dd/mm/yyyy hh:mm' : 'yyyy-mm-dd"T"hh:mm"Z"');
      } else if (typeof value === 'number') {
        kinds.add('number');
        expect([header[c], language === 'id' ? String(value).replace('.', ',') : String(value)]).toEqual([header[c], text]);
        expect(cell.numFmt).toMatch(/^#,##0/);
      } else if (typeof value === 'boolean') {
        kinds.add('boolean');
        expect([header[c], String(value)]).toEqual([header[c], text]);
      } else {
        kinds.add('text');
        expect(typeof value).toBe('string');
        // The CSV defuses a formula with a leading '; a text cell is never run, so it keeps the text as given.
        expect([header[c], /^'[=+\-@]/.test(text) ? `'${value}` : value]).toEqual([header[c], text]);
      }
    });
  });
  return kinds;
}

describe('exports as XLSX', () => {
  let netra: RunningNetra;
  let oversight: string;

  beforeAll(async () => {
    netra = await startTestNetra();
    const reader = netra.app.get(CaseReader);
    const read = reader.followUpPage.bind(reader);
    jest.spyOn(reader, 'followUpPage').mockImplementation((filter, after, _limit, actor, source) => read(filter, after, 7, actor, source));
    const storage = netra.app.get<Storage>(STORAGE);
    await appendSyntheticHistory(storage.store, 15);
    await netra.app.get(ProjectionService).runner.waitFor(await storage.store.headPosition(), 60_000);
    const awkward = await aCaseWithTwoSanctionsDecided(netra, aLaporan({ respondents: AWKWARD }));
    // 02.23 WIB: still the 13th in UTC, the 14th on an officer's calendar.
    await mutate(await netra.client('PPK', '16.73'), EXECUTE, anExecution(awkward.id, 'R1', { sanction: 'MORAL_CLOSED', executedAt: '2024-10-14T02:23:00+07:00' }));
    oversight = await tokenFor('OVERSIGHT');
  }, 120_000);
  afterAll(() => netra?.close());

  it('the follow-ups under id: the CSV\'s rows and columns, dates as Excel dates on the unit\'s wall clock, numbers as numbers', async () => {
    const asOf = new Date().toISOString();
    const { response, sheet } = await workbook(netra, '/exports/follow-ups.xlsx', { asOf }, oversight);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="netra-follow-ups-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(sheet.name).toBe('Tindak Lanjut');
    const csv = parseCsv((await download(netra, '/exports/follow-ups.csv', { asOf }, oversight)).text);
    expect(csv.length).toBeGreaterThan(15);
    expect(compareWithCsv(sheet, csv, 'id')).toEqual(new Set(['date', 'number', 'text']));
    const header = csv[0];
    const at = (name: string) => header.indexOf(name) + 1;
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(at('Nama Terlapor')).value === '=HYPERLINK("http://contoh.id","klik")')!;
    expect(row.getCell(at('Nama Terlapor')).type).toBe(ExcelJS.ValueType.String);
    // The decree of 14 October 02.23 WIB is on the 14th in the sheet, a date Excel sorts and subtracts.
    expect(row.getCell(at('Tanggal SK')).value).toEqual(new Date('2024-10-14T02:23:00Z'));
    expect(row.getCell(at('Zona Waktu')).value).toBe('WIB (UTC+07:00)');
    expect(row.getCell(at('Tahapan')).value).toBe('Sanksi dilaksanakan');
    expect(row.getCell(at('Kode Tahapan')).value).toBe('SANCTION_EXECUTED');
    expect(row.getCell(at('Terlambat')).value).toBe('Tidak');
    expect(row.getCell(at('NIP')).value).toBe(NIP_CAMAT);
  });

  it('the follow-ups under en: field paths, codes, instants in UTC', async () => {
    const asOf = new Date().toISOString();
    const { sheet } = await workbook(netra, '/exports/follow-ups.xlsx', { asOf, headers: 'en' }, oversight);
    const csv = parseCsv((await download(netra, '/exports/follow-ups.csv', { asOf, headers: 'en' }, oversight)).text);
    expect(compareWithCsv(sheet, csv, 'en')).toEqual(new Set(['date', 'number', 'text', 'boolean']));
    const header = csv[0];
    const decree = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1).getCell(header.indexOf('executedAt') + 1).value);
    expect(decree).toContainEqual(new Date('2024-10-13T19:23:00Z'));
  });

  it('the summary under id: the CSV\'s buckets, rates as numbers the sheet shows with a decimal comma', async () => {
    const { sheet } = await workbook(netra, '/exports/summary.xlsx', { groupBy: 'PROVINCE' }, oversight);
    expect(sheet.name).toBe('Ringkasan');
    const csv = parseCsv((await download(netra, '/exports/summary.csv', { groupBy: 'PROVINCE' }, oversight)).text);
    expect(csv.length).toBeGreaterThan(2);
    compareWithCsv(sheet, csv, 'id');
    const rate = sheet.getRow(2).getCell(csv[0].indexOf('Tingkat Tindak Lanjut') + 1);
    expect(typeof rate.value).toBe('number');
    expect(rate.numFmt).toBe('#,##0.0000');
    expect(sheet.getRow(2).getCell(1).value).toBe('Keseluruhan');
  });

  it('refuses what the CSV refuses, and bom, which an XLSX has no use for', async () => {
    expect((await download(netra, '/exports/follow-ups.xlsx', {})).status).toBe(401);
    const bom = await download(netra, '/exports/follow-ups.xlsx', { bom: '1' }, oversight);
    expect([bom.status, JSON.parse(bom.text).field]).toEqual([400, 'bom']);
    const region = await download(netra, '/exports/summary.xlsx', { regionPrefix: '1673' }, oversight);
    expect([region.status, JSON.parse(region.text).field]).toEqual([400, 'regionPrefix']);
  });
});

import type ExcelJS from 'exceljs';

/** exceljs on first use: loading it costs about 0.3 s, which every start would pay otherwise. */
function exceljs(): typeof ExcelJS {
  return require('exceljs') as typeof ExcelJS;
}
import { LABELS_ID } from '../case/case-vocabulary-id';
import { STATUS_WORDS } from './cell-values';
import type { ImportLanguage } from './import-report';
import { REGISTER_COLUMNS, REQUIRED_COLUMNS } from './register-columns';

/**
 * The register template (GET /imports/template.xlsx): a "Register" sheet with the columns in the
 * order Netra reads them (NIP and the numbers formatted as text, dates as dd/mm/yyyy, the status
 * and employment as drop-down lists), and a guide sheet that says what each column takes.
 */
export async function registerTemplate(lang: ImportLanguage): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Netra';
  const sheet = workbook.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  REGISTER_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (['nip', 'registerNumber', 'letterNumber', 'handlingUnit', 'electionRegion', 'institutionRegion', 'no'].includes(c.key)) column.numFmt = '@';
    if (['receivedAt', 'knownAt', 'occurredAt', 'studiedAt', 'issuedAt'].includes(c.key)) column.numFmt = 'dd/mm/yyyy';
  });
  const lists: Record<string, string[]> = {
    status: ['Proses', 'Terbukti', 'Tidak Terbukti', 'Diteruskan', 'Direkomendasikan'],
    source: ['Temuan', 'Laporan'],
    employment: Object.values(LABELS_ID.Employment),
    recipient: Object.values(LABELS_ID.RecommendationRecipient),
  };
  REGISTER_COLUMNS.forEach((c, i) => {
    const values = lists[c.key];
    if (!values) return;
    const letter = sheet.getColumn(i + 1).letter;
    // Excel keeps a list's text under 256 characters; the guide names the values either way.
    for (let row = 2; row <= 500; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: false };
    }
  });

  const guide = workbook.addWorksheet(lang === 'id' ? 'Petunjuk' : 'Guide');
  guide.columns = [
    { header: lang === 'id' ? 'Kolom' : 'Column', width: 24 },
    { header: lang === 'id' ? 'Wajib' : 'Required', width: 10 },
    { header: lang === 'id' ? 'Isi' : 'What it takes', width: 110 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of REGISTER_COLUMNS) {
    const required = REQUIRED_COLUMNS.includes(c.key) ? (lang === 'id' ? 'Ya' : 'Yes') : '';
    guide.addRow([c[lang], required, c.guide[lang]]).alignment = { wrapText: true, vertical: 'top' };
  }
  guide.addRow([]);
  guide.addRow([lang === 'id' ? 'Status' : 'Statuses', '', STATUS_WORDS]);
  guide.addRow([lang === 'id' ? 'Jenis Pelanggaran' : 'Violations', '', Object.entries(LABELS_ID.ViolationCode).map(([code, label]) => `${code}: ${label}`).join('\n')]).alignment = { wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

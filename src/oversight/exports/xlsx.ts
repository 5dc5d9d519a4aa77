import type ExcelJS from 'exceljs';

/** exceljs on first use: loading it costs about 0.3 s, which every start would pay otherwise. */
function exceljs(): typeof ExcelJS {
  return require('exceljs') as typeof ExcelJS;
}
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Zone } from '../../case/time-zones';
import type { HeaderLanguage } from './header-language';

/**
 * The exports as XLSX (issue 19): the CSV's columns, labels beside codes, but with what a spreadsheet
 * holds natively — an instant is a real Excel date (sorts, filters by day, subtracts), numbers are
 * numbers, text is text (a cell of text is never run as a formula, so no leading ' is needed).
 * Under `id` a date is the wall clock of the case's zone, shown dd/mm/yyyy hh:mm, its zone named in
 * Zona Waktu as in the CSV; under `en` it is the instant in UTC, shown as ISO-8601. Number formats
 * carry a thousands separator and four decimals: Excel shows them with the reader's separators, so an
 * Indonesian Excel reads 1.234 and 0,9080, and the cells still add up.
 */
export type XlsxValue = string | number | boolean | Date | null;
export type XlsxFormat = 'text' | 'integer' | 'decimal' | 'dateTime';

export interface XlsxColumn<T> {
  header: string;
  format: XlsxFormat;
  value: (row: T) => XlsxValue;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMATS: Record<HeaderLanguage, Record<XlsxFormat, string | undefined>> = {
  id: { text: undefined, integer: '#,##0', decimal: '#,##0.0000', dateTime: 'dd/mm/yyyy hh:mm' },
  en: { text: undefined, integer: '#,##0', decimal: '#,##0.0000', dateTime: 'yyyy-mm-dd"T"hh:mm"Z"' },
};

/** An Excel date has no zone: its UTC fields are what the cell shows. `id`: the case's wall clock; `en`: UTC. */
export function xlsxInstant(date: Date | null, zone: Zone, language: HeaderLanguage): Date | null {
  if (date === null) return null;
  return language === 'en' ? date : new Date(date.getTime() + zone.offsetHours * 3_600_000);
}

function defineColumns<T>(sheet: ExcelJS.Worksheet, columns: ReadonlyArray<XlsxColumn<T>>, language: HeaderLanguage): void {
  sheet.columns = columns.map((c) => {
    const numFmt = NUMBER_FORMATS[language][c.format];
    return { header: c.header, width: Math.min(40, Math.max(10, c.header.length + 2, c.format === 'dateTime' ? 17 : 0)), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
}

/**
 * Writes the pages into an XLSX as they come, a row at a time (exceljs's streaming writer), waiting
 * for the socket to drain before the next page is read: a few pages in memory whatever the file's
 * size. A client that goes away stops the reading after the page in flight: 'aborted'.
 */
export async function sendXlsx<T>(out: Writable, sheetName: string, columns: ReadonlyArray<XlsxColumn<T>>, pages: AsyncIterable<T[]>, language: HeaderLanguage): Promise<'sent' | 'aborted'> {
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  defineColumns(sheet, columns, language);
  let closed = false;
  out.once('close', () => (closed = true));
  for await (const rows of pages) {
    if (closed) return 'aborted';
    for (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
  if (closed) return 'aborted';
  sheet.commit();
  await workbook.commit();
  return 'sent';
}

/** A whole workbook of one sheet, for files that are small and already in memory (the summary). */
export async function xlsxBuffer<T>(sheetName: string, columns: ReadonlyArray<XlsxColumn<T>>, rows: readonly T[], language: HeaderLanguage): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  defineColumns(sheet, columns, language);
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

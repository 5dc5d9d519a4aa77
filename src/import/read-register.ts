import type ExcelJS from 'exceljs';

/** exceljs on first use: loading it costs about 0.3 s, which every start would pay otherwise. */
function exceljs(): typeof ExcelJS {
  return require('exceljs') as typeof ExcelJS;
}
import { badInput, list } from '../case/case-error';
import { columnOfHeader, COLUMN_BY_KEY, REQUIRED_COLUMNS, type ColumnKey } from './register-columns';

/** A cell as the register holds it: text, a number, or a date (an Excel date: its wall clock in UTC fields). */
export type Cell = string | number | Date | null;

export interface RegisterRow {
  /** The row's number in the sheet (1 = the first line), as the operator finds it in the spreadsheet. */
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
}

export interface Register {
  format: 'xlsx' | 'csv';
  sheet: string | null;
  headerRow: number;
  /** The header as written in the file, per column found. */
  headers: Partial<Record<ColumnKey, string>>;
  rows: RegisterRow[];
}

/** Rows looked at for the header line: registers often start with a title and the unit's name. */
const HEADER_SEARCH_ROWS = 15;
export const MAX_ROWS = 20_000;

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;

/** An XLSX (its first sheet with a header line) or a CSV (comma, semicolon or tab; UTF-8, else Windows-1252). */
export async function readRegister(bytes: Buffer): Promise<Register> {
  const grid = isZip(bytes) ? await xlsxGrid(bytes) : csvGrid(bytes);
  const found = findHeader(grid.lines);
  if (!found) throw badInput('file', 'no header line with the register’s columns was found', 'import.noHeader', { required: list(REQUIRED_COLUMNS.map((k) => COLUMN_BY_KEY[k].id)) });
  const rows: RegisterRow[] = [];
  for (let i = found.index + 1; i < grid.lines.length; i++) {
    const line = grid.lines[i];
    const cells: Partial<Record<ColumnKey, Cell>> = {};
    let filled = false;
    for (const [key, at] of found.columns) {
      const value = clean(line.cells[at] ?? null);
      cells[key] = value;
      if (value !== null && key !== 'no') filled = true;
    }
    if (!filled) continue;
    rows.push({ row: line.row, cells });
    if (rows.length > MAX_ROWS) throw badInput('file', `holds more than ${MAX_ROWS} rows`, 'import.tooManyRows', { maximum: MAX_ROWS });
  }
  if (rows.length === 0) throw badInput('file', 'holds no data row', 'import.noRows');
  return { format: grid.format, sheet: grid.sheet, headerRow: grid.lines[found.index].row, headers: found.headers, rows };
}

interface Grid {
  format: 'xlsx' | 'csv';
  sheet: string | null;
  lines: Array<{ row: number; cells: Cell[] }>;
}

function findHeader(lines: Grid['lines']) {
  for (let index = 0; index < Math.min(lines.length, HEADER_SEARCH_ROWS); index++) {
    const columns = new Map<ColumnKey, number>();
    const headers: Partial<Record<ColumnKey, string>> = {};
    lines[index].cells.forEach((cell, at) => {
      if (typeof cell !== 'string') return;
      const key = columnOfHeader(cell);
      if (key && !columns.has(key)) {
        columns.set(key, at);
        headers[key] = cell.trim();
      }
    });
    if (columns.has('name') && columns.size >= 3) return { index, columns, headers };
  }
  return null;
}

function clean(cell: Cell): Cell {
  if (typeof cell === 'string') {
    const trimmed = cell.replace(/^\uFEFF/, '').trim();
    return trimmed === '' ? null : trimmed;
  }
  return cell;
}

async function xlsxGrid(bytes: Buffer): Promise<Grid> {
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badInput('file', 'is not a readable XLSX or CSV file', 'import.fileType');
  }
  // The first sheet with a header line: a template's guide sheet or a cover page may come first.
  for (const sheet of workbook.worksheets) {
    const lines: Grid['lines'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => (cells[col - 1] = cellValue(cell.value)));
      lines.push({ row: rowNumber, cells });
    });
    if (findHeader(lines)) return { format: 'xlsx', sheet: sheet.name, lines };
  }
  return { format: 'xlsx', sheet: null, lines: [] };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function csvGrid(bytes: Buffer): Grid {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // "CSV (Comma delimited)" from Excel on Windows is Windows-1252, which Latin-1 reads for every letter a name uses.
    text = bytes.toString('latin1');
  }
  if (text.includes('\u0000')) throw badInput('file', 'is not a readable XLSX or CSV file', 'import.fileType');
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best), ',');
  return { format: 'csv', sheet: null, lines: parseCsv(text, delimiter).map((cells, i) => ({ row: i + 1, cells })) };
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** RFC 4180, with the delimiter given: quoted fields may hold delimiters, quotes ("") and line breaks. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) line.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line.push(field);
      lines.push(line);
      (line = []), (field = '');
    } else field += c;
  }
  if (field !== '' || line.length > 0) lines.push([...line, field]);
  return lines;
}

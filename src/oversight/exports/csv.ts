/** RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line break. */

export type CsvValue = string | number | boolean | null;

/** Excel reads UTF-8 without guessing only when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (CSV injection, OWASP): = + - @, and tab or carriage
 * return, which Excel also accepts before one. Names and letter numbers come from outside users.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field. Text that could start a formula gets a leading single quote; numbers and booleans are data, never touched. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly CsvValue[]) => `${values.map(csvField).join(',')}\r\n`;

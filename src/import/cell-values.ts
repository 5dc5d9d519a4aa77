import { badInput } from '../case/case-error';
import { LABELS_ID } from '../case/case-vocabulary-id';
import type { Zone } from '../case/time-zones';
import type { Cell } from './read-register';
import type { ColumnKey } from './register-columns';

/** A register's cells read as the commands' inputs; a cell that cannot be read is refused naming its column. */

export const cellText = (cell: Cell | undefined): string | null =>
  cell === null || cell === undefined ? null : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim() || null;

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['januari', 'january', 'jan'],
    ['februari', 'february', 'feb', 'pebruari'],
    ['maret', 'march', 'mar'],
    ['april', 'apr'],
    ['mei', 'may'],
    ['juni', 'june', 'jun'],
    ['juli', 'july', 'jul'],
    ['agustus', 'august', 'agu', 'agt', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'october', 'okt', 'oct'],
    ['november', 'nov', 'nop', 'nopember'],
    ['desember', 'december', 'des', 'dec'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1])),
);

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');
const offsetOf = (zone: Zone) => `+${pad(zone.offsetHours)}:00`;
/** Excel's day 0 (its 1900 system, with the 1900 leap-year bug folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date or date-time on the wall clock of the handling unit's zone, as ISO-8601 with that offset:
 * an Excel date, or text as officers write it — 06/12/2024, 6-12-2024 14.30, 2024-12-06, 6 Desember
 * 2024. Whether the day exists is the domain's check (date.notRealDate), like a date typed in the console.
 */
export function dateCell(cell: Cell | undefined, column: ColumnKey, zone: Zone): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return wallClock(cell, zone);
  if (typeof cell === 'number') {
    if (cell > 20_000 && cell < 80_000) return wallClock(new Date(EXCEL_EPOCH + Math.round(cell * 86_400_000)), zone);
    throw badInput(column, `${cell} is not a date`, 'import.date', { value: String(cell) });
  }
  const text = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  const time = (h?: string, m?: string) => (h === undefined ? '00:00' : `${pad(h)}:${m}`);
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,t]+(?:pukul |jam )?(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?(?: wib| wita| wit)?$/.exec(text);
  if (match) return `${match[3]}-${pad(match[2])}-${pad(match[1])}T${time(match[4], match[5])}:00${offsetOf(zone)}`;
  match = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{2}):(\d{2})(?::\d{2})?)?$/.exec(text);
  if (match) return `${match[1]}-${match[2]}-${match[3]}T${time(match[4], match[5])}:00${offsetOf(zone)}`;
  match = /^(?:[a-z]+,? )?(\d{1,2}) ([a-z]+)\.? (\d{4})(?: (?:pukul |jam )?(\d{1,2})[:.](\d{2}))?(?: wib| wita| wit)?$/.exec(text);
  if (match && MONTHS[match[2]]) return `${match[3]}-${pad(MONTHS[match[2]])}-${pad(match[1])}T${time(match[4], match[5])}:00${offsetOf(zone)}`;
  throw badInput(column, `"${cell}" is not a date as dd/mm/yyyy or dd/mm/yyyy hh:mm`, 'import.date', { value: cell });
}

/** An Excel date holds no zone: its UTC fields are the wall clock the officer typed. */
function wallClock(date: Date, zone: Zone): string {
  if (Number.isNaN(date.getTime())) throw badInput('receivedAt', 'is not a date', 'import.date', { value: '' });
  return `${date.toISOString().slice(0, 16)}:00${offsetOf(zone)}`;
}

export type StudyOutcome = 'VIOLATION' | 'NO_VIOLATION' | 'FORWARDED';
export interface RowStatus {
  /** null: reported, not yet studied. */
  outcome: StudyOutcome | null;
  recommended: boolean;
}

/** The statuses registers write, and the steps each means was already taken. */
const STATUSES: Array<[string[], RowStatus]> = [
  [['', 'proses', 'dalam proses', 'diproses', 'dilaporkan', 'diregistrasi', 'registrasi', 'teregistrasi', 'kajian', 'dalam kajian', 'kajian awal', 'reported'], { outcome: null, recommended: false }],
  [['terbukti', 'terbukti melanggar', 'melanggar', 'memenuhi unsur', 'violation'], { outcome: 'VIOLATION', recommended: false }],
  [['tidak terbukti', 'bukan pelanggaran', 'tidak memenuhi unsur', 'tidak melanggar', 'dihentikan', 'no violation', 'no_violation'], { outcome: 'NO_VIOLATION', recommended: false }],
  [['diteruskan', 'diteruskan ke instansi lain', 'diteruskan ke gakkumdu', 'dilimpahkan', 'forwarded'], { outcome: 'FORWARDED', recommended: false }],
  [['direkomendasikan', 'rekomendasi', 'rekomendasi dikirim', 'diteruskan ke kasn', 'diteruskan ke bkn', 'direkomendasikan ke kasn', 'direkomendasikan ke bkn', 'recommended'], { outcome: 'VIOLATION', recommended: true }],
];
const STATUS_BY_TEXT = new Map(STATUSES.flatMap(([names, status]) => names.map((n) => [n, status] as [string, RowStatus])));
export const STATUS_WORDS = 'Proses, Terbukti, Tidak Terbukti, Diteruskan, Direkomendasikan';

export function statusCell(cell: Cell | undefined): RowStatus {
  const text = (cellText(cell) ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const status = STATUS_BY_TEXT.get(text);
  if (!status) throw badInput('status', `"${text}" is not a status Netra knows (${STATUS_WORDS})`, 'import.status', { value: cellText(cell) ?? '', allowed: STATUS_WORDS });
  return status;
}

/** "Pilkada 2024", "Pemilu 2024", "PILKADA-2024", "Pilbup 2020". */
export function electionCell(cell: Cell | string | undefined, column: ColumnKey): { kind: 'PILKADA' | 'PEMILU'; year: number } | null {
  const text = cell instanceof Date ? null : cellText(cell as Cell);
  if (text === null) return null;
  const match = /^(pilkada|pemilihan kepala daerah|pilgub|pilbup|pilwalkot|pemilu|pemilihan umum)\s*[-_ ]?\s*(?:tahun\s*)?(\d{4})$/i.exec(text.trim());
  if (!match) throw badInput(column, `"${text}" is not an election such as Pilkada 2024`, 'import.election', { value: text });
  const kind = /^(pemilu|pemilihan umum)$/i.test(match[1]) ? 'PEMILU' : 'PILKADA';
  return { kind, year: Number(match[2]) };
}

/** A code or its Indonesian label (as the console and the exports write it), whatever the case. */
export function codeCell<T extends string>(cell: Cell | undefined, column: ColumnKey, set: keyof typeof LABELS_ID, codes: readonly T[], extra: Record<string, T> = {}): T | null {
  const text = cellText(cell);
  if (text === null) return null;
  return codeOf(text, column, set, codes, extra);
}

export function codeOf<T extends string>(text: string, column: ColumnKey, set: keyof typeof LABELS_ID, codes: readonly T[], extra: Record<string, T> = {}): T {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const labels = LABELS_ID[set] as Record<string, string>;
  const found = codes.find((code) => code.toLowerCase() === wanted || labels[code]?.toLowerCase() === wanted) ?? extra[wanted];
  if (found) return found;
  const allowed = codes.map((code) => labels[code] ?? code).join('; ');
  throw badInput(column, `"${text}" is not one of ${allowed}`, 'import.value', { value: text, allowed });
}

/** Several codes or labels, separated by semicolons or line breaks (labels hold commas). */
export function codeList<T extends string>(cell: Cell | undefined, column: ColumnKey, set: keyof typeof LABELS_ID, codes: readonly T[]): T[] {
  const text = cellText(cell);
  if (text === null) return [];
  const items = text.split(/[;\n]/).map((item) => item.trim()).filter(Boolean);
  return [...new Set(items.map((item) => codeOf(item, column, set, codes)))];
}

/** A NIP as text. An 18-digit number in a spreadsheet has already lost its last digits: refused, never guessed. */
export function nipCell(cell: Cell | undefined): string | null {
  if (typeof cell === 'number') {
    if (cell >= 1e15) throw badInput('nip', 'was stored as a number and lost its last digits; format the column as Text', 'import.nipAsNumber');
    return String(cell);
  }
  const text = cellText(cell);
  // "19850330 201012 1 002" as registers print it; the domain checks what remains.
  return text === null ? null : text.replace(/^'/, '').replace(/[\s.-]/g, '');
}

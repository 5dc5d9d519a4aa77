import { badInput, CaseError } from '../case/case-error';
import { EMPLOYMENTS, RECOMMENDATION_RECIPIENTS, VIOLATION_CODES, type Employment, type RecommendationRecipient, type ViolationCode } from '../case/case-vocabulary';
import type { Actor } from '../case/decide-context';
import { zoneOf } from '../case/time-zones';
import { cellText, codeCell, codeList, dateCell, electionCell, nipCell, statusCell, type RowStatus } from './cell-values';
import type { RegisterRow } from './read-register';
import { COLUMN_BY_KEY, REGISTER_COLUMNS, type ColumnKey } from './register-columns';

/** One problem of one row: the column at fault and the refusal (code, key, params) that says what. */
export interface RowProblem {
  row: number;
  column: ColumnKey | null;
  error: CaseError;
}

/** A row read into the values the commands take. */
export interface ParsedRow {
  row: number;
  no: string | null;
  registerNumber: string | null;
  source: 'REPORT' | 'FINDING';
  election: { kind: 'PILKADA' | 'PEMILU'; year: number } | null;
  handlingUnit: string | null;
  electionRegion: string | null;
  receivedAt: string | null;
  knownAt: string | null;
  occurredAt: string | null;
  summary: string | null;
  reporterName: string | null;
  studiedAt: string | null;
  respondent: { name: string | null; nip: string | null; employment: Employment; position: string | null; institution: string | null; institutionRegionCode: string | null };
  violations: ViolationCode[];
  status: RowStatus;
  recommendation: { letterNumber: string | null; issuedAt: string | null; recipient: RecommendationRecipient | null } | null;
}

/** Rows of one case: the same handling unit and register number, or a row alone when it has none. */
export interface RowGroup {
  key: string;
  rows: ParsedRow[];
  problems: RowProblem[];
}

const SOURCES = { laporan: 'REPORT', temuan: 'FINDING', report: 'REPORT', finding: 'FINDING' } as const;
const EMPLOYMENT_WORDS: Record<string, Employment> = { tni: 'TNI', polri: 'POLRI', 'kepala desa': 'VILLAGE_HEAD', 'perangkat desa': 'VILLAGE_OFFICIAL' };
const RECIPIENT_WORDS: Record<string, RecommendationRecipient> = { polri: 'POLRI', propam: 'POLRI', bupati: 'REGIONAL_HEAD', walikota: 'REGIONAL_HEAD', 'bupati/wali kota': 'REGIONAL_HEAD' };

/** Reads each row, collecting every column's problem (not only the first), and groups the rows into cases. */
export function groupRows(rows: RegisterRow[], actor: Actor, fileSha256: string, defaultElection: string | null): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const raw of rows) {
    const problems: RowProblem[] = [];
    const parsed = parseRow(raw, actor, defaultElection, problems);
    const unit = cellText(raw.cells.handlingUnit) ?? actor.region ?? '';
    const register = parsed.registerNumber?.toUpperCase().replace(/\s+/g, '') ?? null;
    // A register number is the unit's own key for a case: a corrected file, or an updated register, finds the same case.
    const key = register ? `register:${unit}:${register}` : `file:${fileSha256}:row:${raw.row}`;
    const group = groups.get(key) ?? { key, rows: [], problems: [] };
    group.rows.push(parsed);
    group.problems.push(...problems);
    groups.set(key, group);
  }
  for (const group of groups.values()) checkCaseLevel(group);
  return [...groups.values()];
}

function parseRow(raw: RegisterRow, actor: Actor, defaultElection: string | null, problems: RowProblem[]): ParsedRow {
  const cells = raw.cells;
  const attempt = <T>(column: ColumnKey, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      problems.push({ row: raw.row, column, error });
      return fallback;
    }
  };
  const required = (column: ColumnKey, value: unknown) => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      problems.push({ row: raw.row, column, error: badInput(column, `column ${COLUMN_BY_KEY[column].id} is required`, 'import.required', { column: COLUMN_BY_KEY[column].id }) });
    }
  };
  const handlingUnit = cellText(cells.handlingUnit) ?? actor.region;
  const zone = zoneOf(handlingUnit);
  const date = (column: ColumnKey) => attempt(column, () => dateCell(cells[column], column, zone), null);
  const source = attempt('source', () => codeCell(cells.source, 'source', 'CaseSource', ['REPORT', 'FINDING'] as const, SOURCES) ?? 'FINDING', 'FINDING' as const);
  const election = attempt('election', () => electionCell(cells.election, 'election') ?? (defaultElection ? electionCell(defaultElection, 'election') : null), null);
  const status = attempt('status', () => statusCell(cells.status), { outcome: null, recommended: false });
  const parsed: ParsedRow = {
    row: raw.row,
    no: cellText(cells.no),
    registerNumber: cellText(cells.registerNumber),
    source,
    election,
    handlingUnit,
    electionRegion: cellText(cells.electionRegion),
    receivedAt: date('receivedAt'),
    knownAt: date('knownAt'),
    occurredAt: date('occurredAt'),
    summary: cellText(cells.summary),
    reporterName: cellText(cells.reporterName),
    studiedAt: date('studiedAt'),
    respondent: {
      name: cellText(cells.name),
      nip: attempt('nip', () => nipCell(cells.nip), null),
      employment: attempt('employment', () => codeCell(cells.employment, 'employment', 'Employment', EMPLOYMENTS, EMPLOYMENT_WORDS) ?? 'PNS', 'PNS' as Employment),
      position: cellText(cells.position),
      institution: cellText(cells.institution),
      institutionRegionCode: cellText(cells.institutionRegion),
    },
    violations: attempt('violations', () => codeList(cells.violations, 'violations', 'ViolationCode', VIOLATION_CODES), [] as ViolationCode[]),
    status,
    recommendation: status.recommended
      ? {
          letterNumber: cellText(cells.letterNumber),
          issuedAt: date('issuedAt'),
          recipient: attempt('recipient', () => codeCell(cells.recipient, 'recipient', 'RecommendationRecipient', RECOMMENDATION_RECIPIENTS, RECIPIENT_WORDS), null),
        }
      : null,
  };
  const failed = new Set(problems.map((p) => p.column));
  const need = (column: ColumnKey, value: unknown) => !failed.has(column) && required(column, value);
  need('name', parsed.respondent.name);
  need('institution', parsed.respondent.institution);
  need('violations', parsed.violations);
  if (parsed.recommendation) {
    need('letterNumber', parsed.recommendation.letterNumber);
    need('issuedAt', parsed.recommendation.issuedAt);
  }
  return parsed;
}

const PER_CASE = REGISTER_COLUMNS.filter((c) => c.perCase).map((c) => c.key);

/**
 * Rows of one case repeat the case's values or leave them empty (merged cells); a different value
 * is a mistake somewhere, never guessed. A study covers every respondent, so the rows of one case are
 * all studied or all not yet.
 */
function checkCaseLevel(group: RowGroup): void {
  const [first, ...others] = group.rows;
  const valueOf = (row: ParsedRow, key: ColumnKey): string | null => {
    const value = (row as unknown as Record<string, unknown>)[key];
    if (key === 'election') return row.election ? `${row.election.kind} ${row.election.year}` : null;
    return value === null || value === undefined ? null : String(value);
  };
  for (const key of PER_CASE) {
    if (key === 'source') continue;
    let known: { row: number; value: string } | null = null;
    for (const row of group.rows) {
      const value = valueOf(row, key);
      if (value === null) continue;
      if (!known) known = { row: row.row, value };
      else if (value !== known.value) {
        group.problems.push({ row: row.row, column: key, error: badInput(key, `differs from row ${known.row} of the same case`, 'import.caseDisagrees', { column: COLUMN_BY_KEY[key].id, row: known.row }) });
      }
    }
  }
  for (const row of others) {
    if ((row.status.outcome === null) !== (first.status.outcome === null)) {
      group.problems.push({ row: row.row, column: 'status', error: badInput('status', `row ${first.row} of the same case differs in being studied`, 'import.studiedTogether', { row: first.row }) });
    }
  }
  // Values a later row gives for the case count for the whole case.
  for (const key of PER_CASE) {
    const given = group.rows.find((row) => valueOf(row, key) !== null);
    if (given && given !== first) (first as unknown as Record<string, unknown>)[key] = (given as unknown as Record<string, unknown>)[key];
  }
  // What the case needs, once: on the case's first row, unless a cell of that column could not be read.
  const failed = new Set(group.problems.map((p) => p.column));
  const need = (key: ColumnKey, value: unknown) => {
    if (value !== null && value !== undefined) return;
    if (failed.has(key)) return;
    group.problems.push({ row: first.row, column: key, error: badInput(key, `column ${COLUMN_BY_KEY[key].id} is required`, 'import.required', { column: COLUMN_BY_KEY[key].id }) });
  };
  need('receivedAt', first.receivedAt);
  need('summary', first.summary);
  need('election', first.election);
  need('handlingUnit', first.handlingUnit);
  if (first.source === 'REPORT') need('reporterName', first.reporterName);
  if (first.status.outcome !== null) need('studiedAt', first.studiedAt);
}

import type { Actor } from '../case/decide-context';
import type { RefusalParamValue } from '../case/refusal-keys';
import { zoneOf } from '../case/time-zones';
import { wordRefusal } from '../words/refusal-words';
import type { CasePlan } from './plan-case';
import type { Register } from './read-register';
import { COLUMN_BY_KEY, REGISTER_COLUMNS, type ColumnKey } from './register-columns';
import type { RowProblem } from './register-rows';

export type ImportLanguage = 'id' | 'en';

export interface RowError {
  /** The row's number in the sheet, as the spreadsheet shows it. */
  row: number;
  /** The register's own running number (column No), when it has one. */
  no: string | null;
  /** The column's header as the file writes it (or as the template does, when the file lacks the column); null for the row as a whole. */
  column: string | null;
  code: string;
  key: string;
  params: Record<string, RefusalParamValue>;
  /** The problem in the chosen language (Indonesian unless lang=en), worded from key and params as the console words refusals. */
  message: string;
}

export interface ImportReport {
  importId: string;
  dryRun: boolean;
  file: { name: string | null; format: 'xlsx' | 'csv'; sheet: string | null; headerRow: number; sha256: string; columns: string[] };
  summary: {
    rows: number;
    rowsWithErrors: number;
    /** Rows whose case gets commands (on a dry run: would get). */
    rowsToWrite: number;
    /** Rows whose case already stands as the register says: nothing to write. */
    rowsAlreadyImported: number;
    cases: number;
    casesToWrite: number;
    commands: Record<string, number>;
  };
  /** Null on a dry run; what was appended on an import (a command already recorded counts nothing). */
  written: { cases: number; commands: number } | null;
  errors: RowError[];
  cases: Array<{ rows: number[]; caseId: string; commands: string[]; alreadyRecorded: string[] }>;
}

const COLUMN_ORDER = new Map(REGISTER_COLUMNS.map((c, i) => [c.key, i]));

export function importReport(input: {
  importId: string;
  dryRun: boolean;
  fileName: string | null;
  register: Register;
  plans: CasePlan[];
  /** Cases the register names (rows grouped by register number). */
  caseCount: number;
  problems: RowProblem[];
  written: { cases: number; commands: number } | null;
  lang: ImportLanguage;
  actor: Actor;
}): ImportReport {
  const { register, plans, problems, lang } = input;
  const byRow = new Map(register.rows.map((r) => [r.row, r]));
  const header = (key: ColumnKey | null) => (key === null ? null : (register.headers[key] ?? COLUMN_BY_KEY[key][lang]));
  const errors = problems
    .map((p): RowError => {
      const cells = byRow.get(p.row)?.cells;
      const unit = (typeof cells?.handlingUnit === 'string' ? cells.handlingUnit : null) ?? input.actor.region;
      const params = p.error.params ?? {};
      return {
        row: p.row,
        no: cells?.no === null || cells?.no === undefined ? null : String(cells.no),
        column: header(p.column),
        code: p.error.code,
        key: p.error.key,
        params,
        message: wordRefusal({ code: p.error.code, key: p.error.key, params, message: p.error.message }, { lang, zone: zoneOf(unit) }),
      };
    })
    .sort((a, b) => a.row - b.row || columnRank(a, register) - columnRank(b, register));
  const failedRows = new Set(errors.map((e) => e.row));
  const commands: Record<string, number> = {};
  let rowsToWrite = 0;
  let rowsAlreadyImported = 0;
  const good = plans.filter((plan) => plan.problems.length === 0);
  for (const plan of good) {
    for (const { command } of plan.commands) commands[command.type] = (commands[command.type] ?? 0) + 1;
    if (plan.commands.length > 0) rowsToWrite += plan.rows.length;
    else rowsAlreadyImported += plan.rows.length;
  }
  return {
    importId: input.importId,
    dryRun: input.dryRun,
    file: {
      name: input.fileName,
      format: register.format,
      sheet: register.sheet,
      headerRow: register.headerRow,
      sha256: input.importId,
      columns: Object.values(register.headers).filter((h): h is string => !!h),
    },
    summary: {
      rows: register.rows.length,
      rowsWithErrors: failedRows.size,
      rowsToWrite,
      rowsAlreadyImported,
      cases: input.caseCount,
      casesToWrite: good.filter((p) => p.commands.length > 0).length,
      commands,
    },
    written: input.written,
    errors,
    cases: good.map((plan) => ({ rows: plan.rows, caseId: plan.caseId, commands: plan.commands.map((c) => c.command.type), alreadyRecorded: plan.alreadyRecorded })),
  };
}

function columnRank(error: RowError, register: Register): number {
  const key = REGISTER_COLUMNS.find((c) => register.headers[c.key] === error.column || c.id === error.column || c.en === error.column)?.key;
  return key === undefined ? -1 : (COLUMN_ORDER.get(key) ?? 99);
}

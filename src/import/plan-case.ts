import { decide, evolve, type CaseCommand, type CaseState } from '../case/case';
import { assertMayReadCase } from '../case/case-access';
import { badInput, CaseError } from '../case/case-error';
import { KASN_DISSOLVED_AT, type RecommendationRecipient } from '../case/case-vocabulary';
import type { Actor, DecideContext } from '../case/decide-context';
import { routeOf } from '../case/respondent-kinds';
import type { ParsedRow, RowGroup, RowProblem } from './register-rows';
import type { ColumnKey } from './register-columns';

/** A command of the import with the id that makes it idempotent: the same case and step, the same id. */
export interface PlannedCommand {
  commandId: string;
  command: CaseCommand;
}

export interface CasePlan {
  caseId: string;
  rows: number[];
  /** What is still to be written; empty when the case stands as the register says. */
  commands: PlannedCommand[];
  /** Steps the register names that the case already has (a re-import, or an earlier partial one). */
  alreadyRecorded: string[];
  problems: RowProblem[];
}

/** Tracks past the recommendation: a register that says "recommended" asks nothing more of them. */
const RECOMMENDED_OR_LATER = new Set(['RECOMMENDED', 'SANCTION_DECIDED', 'SANCTION_EXECUTED', 'CLEARED', 'FOLLOW_UP_IMPOSSIBLE', 'CLOSED']);

/**
 * The commands a case of the register needs, decided one after the other on the case as it stands
 * (the real rules, nothing appended): a report with every respondent, the study where the status says
 * it was done, and a recommendation per letter. Steps the case already has are left out, so importing
 * the same register again writes nothing and an updated register adds only what is new.
 */
export function planCase(group: RowGroup, caseId: string, stored: CaseState, actor: Actor, ctx: DecideContext): CasePlan {
  const rows = group.rows;
  const plan: CasePlan = { caseId, rows: rows.map((r) => r.row), commands: [], alreadyRecorded: [], problems: [] };
  let state = stored;
  if (state.status !== 'empty') {
    try {
      assertMayReadCase(actor, state, caseId);
    } catch (error) {
      return refused(plan, rows, rows[0].row, 'handlingUnit', error);
    }
  }
  const step = (command: CaseCommand, commandId: string, blame: (field: string | null) => { row: number; column: ColumnKey | null }) => {
    try {
      const events = decide(command, state, ctx);
      state = events.reduce(evolve, state);
      plan.commands.push({ commandId, command });
      return true;
    } catch (error) {
      const at = blame(error instanceof CaseError ? (error.field ?? null) : null);
      refused(plan, rows, at.row, at.column, error);
      return false;
    }
  };
  const first = rows[0];
  const respondentRow = (index: number) => rows[index]?.row ?? first.row;

  if (state.status === 'empty') {
    const report: CaseCommand = { type: 'ReportCase', actor, caseId, input: reportInput(rows) };
    if (!step(report, 'import:ReportCase', (field) => blameReport(field, rows))) return plan;
  } else {
    plan.alreadyRecorded.push('ReportCase');
    if (rows.length > state.respondents.length) {
      const extra = rows[state.respondents.length];
      return refused(plan, rows, extra.row, 'name', badInput('name', 'the case is already recorded with fewer respondents', 'import.newRespondent', { respondents: state.respondents.length }));
    }
  }
  if (state.status === 'empty') return plan;

  if (first.status.outcome !== null) {
    if (state.studiedAt !== null) plan.alreadyRecorded.push('RecordStudy');
    else {
      const study: CaseCommand = {
        type: 'RecordStudy',
        actor,
        caseId,
        input: {
          studiedAt: first.studiedAt!,
          findings: rows.map((row, i) => ({ respondentId: `R${i + 1}`, outcome: row.status.outcome!, violations: row.status.outcome === 'VIOLATION' ? row.violations : [] })),
        },
      };
      const blame = (field: string | null) => {
        const index = /^findings\[(\d+)\](?:\.(\w+))?/.exec(field ?? '');
        if (index) return { row: respondentRow(Number(index[1])), column: (index[2] === 'violations' ? 'violations' : 'status') as ColumnKey };
        return { row: first.row, column: (field === 'studiedAt' ? 'studiedAt' : field === 'findings' ? 'status' : field === null ? 'handlingUnit' : 'studiedAt') as ColumnKey };
      };
      if (!step(study, 'import:RecordStudy', blame)) return plan;
    }
  }

  for (const letter of letters(rows)) {
    const tracks = letter.indexes.map((i) => state.status !== 'empty' ? state.respondents[i] : undefined);
    const pending = letter.indexes.filter((_, k) => !RECOMMENDED_OR_LATER.has(tracks[k]?.stage ?? ''));
    if (pending.length === 0) {
      plan.alreadyRecorded.push('IssueRecommendation');
      continue;
    }
    const ids = pending.map((i) => `R${i + 1}`);
    const row = rows[pending[0]];
    const recommendation: CaseCommand = {
      type: 'IssueRecommendation',
      actor,
      caseId,
      input: { respondentIds: ids, recipient: letter.recipient ?? defaultRecipient(row), letterNumber: letter.letterNumber, issuedAt: letter.issuedAt },
    };
    const blame = (field: string | null) => {
      const index = /^respondentIds\[(\d+)\]/.exec(field ?? '');
      if (index) return { row: rows[pending[Number(index[1])]]?.row ?? row.row, column: 'status' as ColumnKey };
      const column: Record<string, ColumnKey> = { recipient: 'recipient', letterNumber: 'letterNumber', issuedAt: 'issuedAt' };
      return { row: row.row, column: field === null ? 'status' : (column[field] ?? 'status') };
    };
    if (!step(recommendation, `import:IssueRecommendation:${ids.join(',')}`, blame)) return plan;
  }
  return plan;
}

/** A case's refusal: the row at fault gets the problem, and the other rows of the case say which row kept them out. */
function refused(plan: CasePlan, rows: ParsedRow[], row: number, column: ColumnKey | null, error: unknown): CasePlan {
  if (!(error instanceof CaseError)) throw error;
  plan.commands = [];
  plan.problems.push({ row, column, error });
  for (const other of rows) {
    if (other.row !== row) plan.problems.push({ row: other.row, column: null, error: badInput('row', `row ${row} of the same case has errors`, 'import.sameCase', { row }) });
  }
  return plan;
}

function reportInput(rows: ParsedRow[]) {
  const first = rows[0];
  const unit = first.handlingUnit!;
  // An election is held in a province or a regency/city: a district unit (Panwascam) takes its regency's.
  const electionRegion = first.electionRegion ?? (unit.split('.').length > 2 ? unit.split('.').slice(0, 2).join('.') : unit);
  return {
    source: first.source,
    election: { kind: first.election!.kind, year: first.election!.year, regionCode: electionRegion },
    handlingUnit: unit,
    receivedAt: first.receivedAt!,
    knownAt: first.knownAt ?? first.receivedAt!,
    occurredAt: first.occurredAt,
    summary: first.summary!,
    violations: [...new Set(rows.flatMap((r) => r.violations))],
    respondents: rows.map((r) => ({ ...r.respondent, name: r.respondent.name!, institution: r.respondent.institution!, nip: r.respondent.nip })),
    reporter: first.source === 'REPORT' ? { name: first.reporterName! } : null,
    registerNumber: first.registerNumber,
  };
}

const REPORT_FIELDS: Record<string, ColumnKey> = {
  source: 'source',
  'election.kind': 'election',
  'election.year': 'election',
  'election.regionCode': 'electionRegion',
  election: 'election',
  handlingUnit: 'handlingUnit',
  receivedAt: 'receivedAt',
  knownAt: 'knownAt',
  occurredAt: 'occurredAt',
  summary: 'summary',
  violations: 'violations',
  registerNumber: 'registerNumber',
  reporter: 'reporterName',
  respondents: 'name',
};
const RESPONDENT_FIELDS: Record<string, ColumnKey> = {
  name: 'name',
  nip: 'nip',
  nrp: 'nip',
  nik: 'nip',
  employment: 'employment',
  position: 'position',
  institution: 'institution',
  institutionRegionCode: 'institutionRegion',
};

/** A refusal of the report, on the row and column it names: respondents[2].nip is the NIP of the case's third row. */
function blameReport(field: string | null, rows: ParsedRow[]): { row: number; column: ColumnKey | null } {
  const respondent = /^respondents\[(\d+)\]\.(\w+)/.exec(field ?? '');
  if (respondent) return { row: rows[Number(respondent[1])]?.row ?? rows[0].row, column: RESPONDENT_FIELDS[respondent[2]] ?? 'name' };
  if (field === null) return { row: rows[0].row, column: 'handlingUnit' };
  const base = field.startsWith('reporter') ? 'reporter' : field.startsWith('violations') ? 'violations' : field.startsWith('originalReport') ? 'receivedAt' : field;
  return { row: rows[0].row, column: REPORT_FIELDS[base] ?? null };
}

/** The recommendations the register names: rows that share a letter (number, date, recipient) are one letter. */
function letters(rows: ParsedRow[]) {
  const found = new Map<string, { letterNumber: string; issuedAt: string; recipient: RecommendationRecipient | null; indexes: number[] }>();
  rows.forEach((row, index) => {
    const r = row.recommendation;
    if (!r || !r.letterNumber || !r.issuedAt) return;
    const key = `${r.letterNumber}\u0000${r.issuedAt}\u0000${r.recipient ?? ''}`;
    const letter = found.get(key) ?? { letterNumber: r.letterNumber, issuedAt: r.issuedAt, recipient: r.recipient, indexes: [] };
    letter.indexes.push(index);
    found.set(key, letter);
  });
  return [...found.values()];
}

/** Where the respondent's kind sends it: KASN before it closed on 24 Aug 2024, BKN after, for ASN; the one body otherwise. */
function defaultRecipient(row: ParsedRow): RecommendationRecipient {
  const recipients = routeOf(row.respondent.employment).recipients as readonly RecommendationRecipient[];
  if (recipients.includes('KASN') && recipients.includes('BKN')) return new Date(row.recommendation!.issuedAt!) < KASN_DISSOLVED_AT ? 'KASN' : 'BKN';
  return recipients[0];
}

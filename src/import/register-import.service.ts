import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { CaseMutations } from '../api/case-mutations.service';
import { initialState, fold, type CaseEvent } from '../case/case';
import { assertAgencyMay } from '../case/case-access';
import { WRITE_ACCESS } from '../case/steps';
import { messageFor } from '../case/case-command-messages';
import { badInput, CaseError, conflict } from '../case/case-error';
import { caseStreamId } from '../case/case-events';
import { CaseRules } from '../case/case-rules.service';
import type { Actor } from '../case/decide-context';
import { CLOCK, type Clock } from '../config/clock';
import { uuidFrom } from '../event-store/event-id';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { LOGGER } from '../observability/logger';
import { ProjectionService } from '../oversight/projection.service';
import { REGISTER_COMPACT } from '../oversight/read-model/search-expressions';
import { regionContains } from '../case/validation/regions';
import { READ_DB, type ReadDb } from '../storage/read-db';
import { planCase, type CasePlan } from './plan-case';
import { readRegister } from './read-register';
import { groupRows, type RowGroup, type RowProblem } from './register-rows';
import { importReport, type ImportLanguage, type ImportReport } from './import-report';

/** Cases read, and written, at once: different cases never wait on each other's streams. */
const CONCURRENCY = 4;
const READ_YOUR_WRITES_MS = 30_000;

export interface ImportOptions {
  dryRun: boolean;
  /** The importId of the dry run the operator read: the import writes only that file. */
  confirm: string | null;
  /** "Pilkada 2024" for every row without an election of its own. */
  election: string | null;
  lang: ImportLanguage;
  fileName: string | null;
}

/**
 * Imports an agency's register (issue 18). A dry run reads every row, groups the rows into cases and
 * decides each case's commands on the case as stored, with the rules every step has (access, NIP,
 * dates, stages), appending nothing; the report names each row's problems by row and column. The
 * import proper runs the same plan through the command gateway, one case after another step by step,
 * each command with an id derived from the case (register number, or the file's hash and the row) and
 * the step, so a second import of the same file appends nothing.
 */
@Injectable()
export class RegisterImports {
  private writing = false;

  constructor(
    private readonly rules: CaseRules,
    private readonly mutations: CaseMutations,
    private readonly projection: ProjectionService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: ReadDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(bytes: Buffer, actor: Actor, options: ImportOptions): Promise<ImportReport> {
    const started = Date.now();
    const importId = createHash('sha256').update(bytes).digest('hex');
    if (!options.dryRun) {
      if (!options.confirm) throw badInput('confirm', 'run the dry run first (dryRun=true), then confirm with its importId', 'import.confirmRequired');
      if (options.confirm !== importId) throw badInput('confirm', `this file is not the one tried as ${options.confirm}`, 'import.confirmMismatch', { importId: options.confirm });
    }
    // Who may import: whoever may report a case; each row's region is judged as its report would be.
    assertAgencyMay(actor, WRITE_ACCESS.reportCase);
    const register = await readRegister(bytes);
    const groups = groupRows(register.rows, actor, importId, options.election);
    const ctx = this.rules.context(this.clock());
    const problems: RowProblem[] = [];
    const plans: CasePlan[] = [];
    const taken = await this.registerNumbersTaken(groups, actor);
    await eachAtOnce(groups, CONCURRENCY, async (group) => {
      if (group.problems.length > 0) {
        const blamed = group.problems[0].row;
        problems.push(...group.problems);
        for (const row of group.rows) {
          if (!group.problems.some((p) => p.row === row.row)) problems.push({ row: row.row, column: null, error: badInput('row', `row ${blamed} of the same case has errors`, 'import.sameCase', { row: blamed }) });
        }
        return;
      }
      const caseId = uuidFrom(`netra:import:${group.key}`);
      const other = taken.get(registerKey(group));
      if (other && other !== caseId) {
        // A case opened in the console or over the API under this number: importing it would open a second one.
        const error = badInput('registerNumber', `case ${other} already has this register number`, 'import.registerTaken', { caseId: other });
        problems.push({ row: group.rows[0].row, column: 'registerNumber', error });
        for (const row of group.rows.slice(1)) problems.push({ row: row.row, column: null, error: badInput('row', `row ${group.rows[0].row} of the same case has errors`, 'import.sameCase', { row: group.rows[0].row }) });
        return;
      }
      const history = await this.store.readStream(caseStreamId(caseId));
      const plan = planCase(group, caseId, fold(history as unknown as CaseEvent[], initialState()), actor, ctx);
      problems.push(...plan.problems);
      if (plan.problems.length === 0) plans.push(plan);
    });
    plans.sort((a, b) => a.rows[0] - b.rows[0]);

    let written: { cases: number; commands: number } | null = null;
    if (!options.dryRun) written = await this.write(plans, problems);
    const report = importReport({ importId, dryRun: options.dryRun, fileName: options.fileName, register, plans, caseCount: groups.length, problems, written, lang: options.lang, actor });
    this.logger.info(
      { importId: importId.slice(0, 16), dryRun: options.dryRun, rows: report.summary.rows, rowsWithErrors: report.summary.rowsWithErrors, written, ms: Date.now() - started, agency: actor.agency, unit: actor.region },
      options.dryRun ? 'register import tried' : 'register imported',
    );
    return report;
  }

  /**
   * The cases the read model knows under the file's register numbers, in units the caller may read:
   * one query for the whole file, on the compacted number search already indexes.
   */
  private async registerNumbersTaken(groups: RowGroup[], actor: Actor): Promise<Map<string, string>> {
    const numbers = [...new Set(groups.map((g) => compactNumber(g.rows[0].registerNumber)).filter((n): n is string => !!n))];
    if (numbers.length === 0) return new Map();
    const result = (await this.db.execute(
      sql`SELECT id, handling_unit, ${sql.raw(REGISTER_COMPACT)} AS register FROM rm_cases WHERE ${sql.raw(REGISTER_COMPACT)} IN (${sql.join(numbers.map((n) => sql`${n}`), sql`, `)})`,
    )) as unknown as { rows: Array<{ id: string; handling_unit: string; register: string }> };
    return new Map(result.rows.filter((r) => regionContains(actor.region, r.handling_unit)).map((r) => [`${r.handling_unit}\u0000${r.register}`, r.id]));
  }

  /** One import writes at a time: its commands bypass the per-token mutation limit, so they must not multiply. */
  private async write(plans: CasePlan[], problems: RowProblem[]): Promise<{ cases: number; commands: number }> {
    if (this.writing) throw conflict('another import is being written; try again shortly', 'import.busy');
    this.writing = true;
    try {
      let cases = 0;
      let commands = 0;
      let last = 0n;
      await eachAtOnce(
        plans.filter((p) => p.commands.length > 0),
        CONCURRENCY,
        async (plan) => {
          let appended = false;
          for (const { command, commandId } of plan.commands) {
            try {
              const result = await this.mutations.run(messageFor(command, commandId));
              if (!result.replayed) (commands += 1), (appended = true);
              if (result.position > last) last = result.position;
            } catch (error) {
              // The case moved since the dry run (another officer, another import): said on its row, the rest goes on.
              if (!(error instanceof CaseError)) throw error;
              plan.problems.push({ row: plan.rows[0], column: null, error });
              problems.push({ row: plan.rows[0], column: null, error });
              break;
            }
          }
          if (appended) cases += 1;
        },
      );
      if (last > 0n) await this.projection.runner.waitFor(last, READ_YOUR_WRITES_MS);
      return { cases, commands };
    } finally {
      this.writing = false;
    }
  }
}

const compactNumber = (value: string | null) => (value ? value.toLowerCase().replace(/[^a-z0-9]+/g, '') : null);
const registerKey = (group: RowGroup) => `${group.rows[0].handlingUnit}\u0000${compactNumber(group.rows[0].registerNumber)}`;

async function eachAtOnce<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

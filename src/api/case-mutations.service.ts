import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { CaseCommandMessage, CaseWriteResult } from '../case/case-command';
import { CaseCommands } from '../case/case-commands.service';
import { CaseError } from '../case/case-error';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { LOGGER } from '../observability/logger';
import { NetraMetrics } from '../observability/metrics';
import type { CaseView } from '../oversight/models/case.model';
import { ProjectionService } from '../oversight/projection.service';
import { caseAtVersion } from '../oversight/queries/case-at-version';
import { CaseReader } from '../oversight/queries/case-reader';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { callerKey, MutationRateLimiter, RateLimitedError } from '../security/mutation-rate-limit';
import { isConnectionFailure, RETRY_AFTER_SECONDS, UnavailableError } from '../storage/unavailable';
import { writtenStates } from './written-state';

const READ_YOUR_WRITES_MS = 5000;

/**
 * What the transports call around the command gateway (src/case/case-commands.service.ts): the
 * per-token rate limit, and the case as the read model shows it after the write: it waits (bounded)
 * for the projection to reach the write's position. Every command the gateway runs, the processes'
 * too, is counted and logged here.
 */
@Injectable()
export class CaseMutations {
  private readonly limiter: MutationRateLimiter;

  constructor(
    private readonly commands: CaseCommands,
    private readonly projection: ProjectionService,
    private readonly reader: CaseReader,
    private readonly metrics: NetraMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(NETRA_CONFIG) config: NetraConfig,
  ) {
    this.limiter = new MutationRateLimiter(config.mutationRateLimitPerMinute);
    commands.observe({ started: (message) => this.observe(message) });
  }

  async execute(message: CaseCommandMessage): Promise<CaseView> {
    this.admit(message);
    const result = await this.run(message);
    try {
      if (result.replayed && result.history && result.version < result.history.length) {
        const key = (await this.keys.keys([result.caseId])).get(result.caseId) ?? null;
        const first = caseAtVersion(result.history, result.version, new Date(), key, message.command.actor);
        if (first) return first;
      }
      if (!(await this.projection.runner.waitFor(result.position, READ_YOUR_WRITES_MS))) throw this.recordedButBehind(result);
      const view = await this.reader.case(result.caseId, message.command.actor);
      if (!view) throw new Error(`case ${result.caseId} was written but is not in the read model yet`);
      if (result.state && view.version === result.version) writtenStates.set(view, result.state);
      return view as CaseView;
    } catch (error) {
      // The write is in the log: the answer says so, never the case as it was before it.
      if (isConnectionFailure(error) && !(error instanceof UnavailableError)) throw this.recordedButBehind(result);
      throw error;
    }
  }

  private recordedButBehind(result: CaseWriteResult): UnavailableError {
    const { caseId, version, position } = result;
    this.logger.warn({ caseId, version, position: Number(position) }, 'write recorded, read model behind: answering UNAVAILABLE with the recorded version and position');
    return new UnavailableError(
      `The write was recorded (case version ${version}, log position ${position}) but the read model is behind; read the case again shortly, or retry with the same commandId`,
      RETRY_AFTER_SECONDS,
      { caseId, version, position },
    );
  }

  /** Transports' mutations pass the per-token rate limit first; a refusal appends nothing. */
  private admit({ command }: CaseCommandMessage): void {
    try {
      this.limiter.take(callerKey(command.actor));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      this.metrics.commands.inc({ command: command.type, outcome: 'RATE_LIMITED' });
      this.logger.warn({ command: command.type, outcome: 'RATE_LIMITED', agency: command.actor.agency, unit: command.actor.region }, 'command refused');
      throw error;
    }
  }

  /** The command on the gateway, without the rate limit or the wait for the read model. */
  run(message: CaseCommandMessage): Promise<CaseWriteResult> {
    return this.commands.run(message);
  }

  /** Counts and logs one command of the gateway's, as it ends. */
  private observe({ command }: CaseCommandMessage) {
    const stop = this.metrics.commandSeconds.startTimer({ command: command.type });
    return (outcome: { result: CaseWriteResult } | { error: unknown }) => {
      if ('result' in outcome) {
        const { result } = outcome;
        this.metrics.commands.inc({ command: command.type, outcome: result.replayed ? 'replayed' : 'ok' });
        // Ids, codes and positions only: inputs carry personal data and never reach the log.
        this.logger.info(
          { command: command.type, caseId: result.caseId, version: result.version, replayed: result.replayed, agency: command.actor.agency, unit: command.actor.region },
          'command accepted',
        );
      } else {
        const { error } = outcome;
        const code = error instanceof CaseError ? error.code : isConnectionFailure(error) ? 'UNAVAILABLE' : 'INTERNAL';
        this.metrics.commands.inc({ command: command.type, outcome: code });
        this.logger.info({ command: command.type, caseId: command.caseId, outcome: code, field: error instanceof CaseError ? error.field : undefined, agency: command.actor.agency }, 'command refused');
      }
      stop();
    };
  }
}

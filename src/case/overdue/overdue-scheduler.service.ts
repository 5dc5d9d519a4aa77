import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { NETRA_CONFIG, type NetraConfig } from '../../config/config';
import { LOGGER } from '../../observability/logger';
import type { CaseState } from '../case-state';
import { CaseError } from '../case-error';
import { CaseCommands } from '../case-commands.service';
import { markOverdueCommand, overdueCommandId, overdueDue } from './mark-overdue';
import { CaseCommandMessage } from '../case-command';
import { OVERDUE_READS, type OverdueReads } from './overdue-reads.port';
import { loggableError } from '../../observability/loggable-error';
import { Backoff } from '../../storage/backoff';
import { isConnectionFailure } from '../../storage/unavailable';

/** Cases per scan; a larger backlog (after a long outage) drains over the following scans. */
const CASES_PER_SCAN = 500;

/**
 * The durable deadline process. On start (after the read model caught up) and every
 * OVERDUE_SCAN_SECONDS it asks the read model which waiting tracks are past their due time without
 * an overdue record for it, and sends MarkOverdue for each. Durability comes from the log, not from
 * timers: a due time that passed while Netra was down is found by the first scan, and the command id
 * derived from case, respondent, step and due time makes every repeat (a stale read model, a second
 * scan, a restart mid-scan) append nothing.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopping = false;
  private backoff: Backoff | null = null;

  constructor(
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
    @Inject(OVERDUE_READS) private readonly reads: OverdueReads,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly commands: CaseCommands,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.overdueScanSeconds === 0) return;
    void this.scan();
    this.timer = setInterval(() => void this.scan(), this.config.overdueScanSeconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
    await this.running;
  }

  /** One pass; overlapping ticks share the pass in flight. Resolves to the number of overdue events appended. */
  scan(now: () => Date = () => new Date()): Promise<number> {
    if (this.stopping) return Promise.resolve(0);
    this.running ??= this.pass(now).finally(() => (this.running = null));
    return this.running;
  }

  private async pass(now: () => Date): Promise<number> {
    let appended = 0;
    try {
      const at = now();
      for (const state of await this.candidates(at)) {
        for (const track of overdueDue(state, at)) {
          if (this.stopping) return appended;
          appended += await this.mark(track);
        }
      }
      if (appended > 0) this.logger.info({ appended }, 'deadline process recorded overdue follow-ups');
      if (this.backoff?.attempts) this.logger.info('deadline process scanning again after a failure');
      this.backoff?.reset();
    } catch (error) {
      this.retryAfterFailure(error);
    }
    return appended;
  }

  /** A failed scan is tried again sooner than the next tick: capped (at the scan interval), jittered backoff. */
  private retryAfterFailure(error: unknown): void {
    const intervalMs = this.config.overdueScanSeconds * 1000;
    this.backoff ??= new Backoff(Math.min(500, intervalMs), Math.max(intervalMs, 1000));
    const delay = this.backoff.next();
    const dependency = isConnectionFailure(error) ? 'read model or event store' : undefined;
    this.logger.error({ dependency, failure: loggableError(error), retryInMs: delay }, 'deadline scan failed; retrying');
    if (this.stopping || intervalMs === 0) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.scan();
    }, delay);
    this.retry.unref();
  }

  private async mark(track: Parameters<typeof markOverdueCommand>[0]): Promise<number> {
    try {
      const result = await this.commands.run(new CaseCommandMessage(markOverdueCommand(track), overdueCommandId(track), null));
      return result.replayed ? 0 : 1;
    } catch (error) {
      // The read model was behind the log: the step moved on or its due time was extended meanwhile.
      if (error instanceof CaseError && (error.code === 'INVALID_TRANSITION' || error.code === 'NOT_FOUND')) return 0;
      throw error;
    }
  }

  /** Folded states of cases with a waiting track past its due time and no overdue record for that due time. */
  private candidates(now: Date): Promise<CaseState[]> {
    return this.reads.overdueCases(now, CASES_PER_SCAN);
  }
}

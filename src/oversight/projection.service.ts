import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { DamagedStoreError } from '../event-store/damaged-store-error';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { loggableError } from '../observability/loggable-error';
import { isConnectionFailure } from '../storage/unavailable';
import { LOGGER } from '../observability/logger';
import { NetraMetrics } from '../observability/metrics';
import type { ProjectionHealth } from '../observability/health';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { ProjectionRunner, resetReadModel } from './projection/projection-runner';
import { checkReadModel } from './projection/read-model-check';
import { READ_DB, type ReadDb } from '../storage/read-db';

/** The projection's life in the Nest app: caught up before the app serves, stopped before storage closes. */
@Injectable()
export class ProjectionService implements OnModuleInit, BeforeApplicationShutdown, ProjectionHealth {
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly readDb: ReadDb,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: NetraMetrics,
    @Inject(KEY_STORE) keys: KeyStore,
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
  ) {
    this.runner = new ProjectionRunner(store, readDb, {
      keys,
      onBatch: (events) => {
        metrics.projectedEvents.inc(events.length);
        metrics.projectedPosition.set(Number(events[events.length - 1].position));
      },
      // Type and SQL state only: the failed statement's parameters hold a whole batch, decrypted NIPs included.
      onFailure: (error, where, retryInMs) =>
        this.logger.error(
          { dependency: where, failure: loggableError(error), connection: isConnectionFailure(error), retryInMs },
          'projection failed; resubscribing from its checkpoint',
        ),
      onRecovered: (position) => this.logger.info({ position: Number(position) }, 'projection caught up again after a failure'),
    });
  }

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await this.checkAgainstLog();
    await this.runner.start();
    this.logger.info({ position: Number(this.runner.position), ms: Date.now() - started }, 'read model caught up');
  }

  /** A read model ahead of the log, or holding another history, is refused or, if the operator asked, rebuilt. */
  private async checkAgainstLog(): Promise<void> {
    const finding = await checkReadModel(this.store, this.readDb, { record: true });
    if (finding.ok) return;
    const { problem, checkpoint, headPosition } = finding;
    if (this.config.onReadModelAhead === 'rebuild') {
      this.logger.warn({ problem, checkpoint, headPosition }, 'the read model does not match the log: rebuilding it from the log (NETRA_ON_READ_MODEL_AHEAD=rebuild)');
      await resetReadModel(this.readDb);
      return;
    }
    throw new DamagedStoreError(
      `${finding.detail}. Netra does not start on it: restore the event log from a backup that reaches position ${checkpoint}, ` +
        `or start once with NETRA_ON_READ_MODEL_AHEAD=rebuild to rebuild the read model from the log as it is (README "Faults and recovery")`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  get healthy(): boolean {
    return this.runner.healthy;
  }

  get position(): bigint {
    return this.runner.position;
  }
}

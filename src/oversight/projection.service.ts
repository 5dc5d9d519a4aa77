import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { loggableError } from '../observability/loggable-error';
import { isConnectionFailure } from '../storage/unavailable';
import { LOGGER } from '../observability/logger';
import { NetraMetrics } from '../observability/metrics';
import type { ProjectionHealth } from '../observability/observability.module';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { ProjectionRunner } from './projection/projection-runner';
import { READ_DB, type ReadDb } from './read-model/read-db';

/** The projection's life in the Nest app: caught up before the app serves, stopped before storage closes. */
@Injectable()
export class ProjectionService implements OnModuleInit, BeforeApplicationShutdown, ProjectionHealth {
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_DB) readDb: ReadDb,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: NetraMetrics,
    @Inject(KEY_STORE) keys: KeyStore,
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
    await this.runner.start();
    this.logger.info({ position: Number(this.runner.position), ms: Date.now() - started }, 'read model caught up');
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

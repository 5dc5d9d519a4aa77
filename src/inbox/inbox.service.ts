import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { loggableError } from '../observability/loggable-error';
import { LOGGER } from '../observability/logger';
import { READ_DB, type ReadDb } from '../storage/read-db';
import { InboxProjection, readInboxCheckpoint, resetInbox } from './inbox-projection';
import { createInboxTables } from './inbox-tables';

/** The inbox projection's life in the app: caught up before the app serves, stopped before storage closes. */
@Injectable()
export class InboxService implements OnModuleInit, BeforeApplicationShutdown {
  readonly projection: InboxProjection;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: ReadDb,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.projection = new InboxProjection(store, db, (error, retryInMs) =>
      this.logger.error({ failure: loggableError(error), retryInMs }, 'inbox projection failed; resubscribing from its checkpoint'),
    );
  }

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await createInboxTables(this.db);
    // A log restored from a backup behind the inbox: the inbox is derived, so it is projected again from the log as it is.
    const [checkpoint, head] = [await readInboxCheckpoint(this.db), await this.store.headPosition()];
    if (checkpoint > head) {
      this.logger.warn({ checkpoint: Number(checkpoint), headPosition: Number(head) }, 'the inbox is ahead of the log: rebuilding it from the log');
      await resetInbox(this.db);
    }
    await this.projection.start();
    this.logger.info({ position: Number(this.projection.position), ms: Date.now() - started }, 'inbox caught up');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projection.stop();
  }
}

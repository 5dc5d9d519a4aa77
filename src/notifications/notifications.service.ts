import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '../config/clock';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { rows } from '../inbox/inbox-tables';
import { loggableError } from '../observability/loggable-error';
import { LOGGER } from '../observability/logger';
import { ProjectionService } from '../oversight/projection.service';
import { READ_DB, type ReadDb } from '../storage/read-db';
import { createNotifyTables } from './notify-tables';
import { OutboxFeed } from './outbox-feed';
import { Sender } from './sender';

/** How long a message waits for the read model to reach its event before it goes without names. */
const NAMES_WAIT_MS = 10_000;

/** The outbox feed and the sender, when NOTIFY_UNITS configures any unit; nothing at all otherwise. */
@Injectable()
export class NotificationsService implements OnModuleInit, BeforeApplicationShutdown {
  private feed: OutboxFeed | null = null;
  private sender: Sender | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: ReadDb,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projection: ProjectionService,
  ) {}

  async onModuleInit(): Promise<void> {
    await createNotifyTables(this.db);
    const notify = this.config.notify;
    if (!notify) return;
    const now = () => this.clock();
    this.sender = new Sender(this.db, notify, now, {
      names: (caseId, ids, position) => this.names(caseId, ids, position),
      log: (outcome, row, detail) =>
        this.logger[outcome === 'delivered' ? 'info' : 'warn'](
          { delivery: row.id, event: row.eventId, channel: row.channel, unit: row.unit, kind: row.kind, caseId: row.caseId, ...detail },
          `notification ${outcome}`,
        ),
    });
    this.feed = new OutboxFeed(this.store, this.db, notify, now, () => this.sender?.wake(), (error, retryInMs) =>
      this.logger.error({ failure: loggableError(error), retryInMs }, 'notification outbox failed; resubscribing from its checkpoint'),
    );
    await this.feed.start();
    // One process per embedded store (its data directory is locked); PostgreSQL may have several senders.
    await this.sender.start(this.config.eventStore.kind === 'embedded' && this.config.databaseUrl === null);
    this.logger.info({ units: notify.units.size, email: notify.smtpUrl !== null }, 'notifications on');
  }

  private async names(caseId: string, ids: string[], position: bigint): Promise<Map<string, string>> {
    await this.projection.runner.waitFor(position, NAMES_WAIT_MS);
    const found = await rows(this.db, sql`SELECT respondent_id, name FROM rm_follow_ups WHERE case_id = ${caseId} AND respondent_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    return new Map(found.map((row) => [String(row.respondent_id), String(row.name)]));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
    await this.sender?.stop();
  }
}

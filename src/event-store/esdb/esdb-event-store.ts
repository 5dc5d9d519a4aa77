/**
 * Event store on EventStoreDB/KurrentDB through `@eventstore/db-client` (gRPC, server 22.6+).
 * The connection string (`EVENT_STORE_URL=esdb://…`, `esdb+discover://…`, TLS options) goes to the
 * client untouched. The store's global log is `$all` restricted to streams under its prefixes
 * (`case-` for Netra): subscriptions filter on the server, reads filter here, because db-client v6
 * sends no filter on `$all` reads. Positions are ESDB commit positions: ordered, unique, not dense
 * (see esdb-mapping.ts). Idempotency matches the port: an append whose event ids are all in the
 * stream already is a retry and returns the stored result; ESDB's own id check (same ids at the same
 * expected revision) backs it up when two retries race, but such a race may report no duplicate.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type JSONType,
  type ReadPosition,
} from '@eventstore/db-client';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store';
import { isOwnStream, toConflict, toEsdbPosition, toExpectedRevision, toRecordedEvent } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** Stream-name prefixes that make up this store's global log; `$`-streams are never part of it. */
  streamPrefixes: readonly string[];
  /** Checkpoint interval multiplier of the server-side subscription filter. */
  checkpointInterval?: number;
  /** How the client is made; tests pass one to see the connection string without connecting. */
  createClient?: (connectionString: string) => EventStoreDBClient;
}

interface LogEntry {
  streamId: string;
  position: bigint;
  resolved: AllStreamResolvedEvent;
}

type Direction = typeof FORWARDS | typeof BACKWARDS;

/** `$all` is read in pages of this many events while looking for the store's own. */
const SCAN_PAGE = 1000;

export class EsdbEventStore implements EventStore {
  readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(
    readonly connectionString: string,
    private readonly options: EsdbEventStoreOptions,
  ) {
    if (options.streamPrefixes.length === 0) throw new Error('EsdbEventStore needs at least one stream prefix');
    const createClient = options.createClient ?? ((url: string) => EventStoreDBClient.connectionString(url));
    this.client = createClient(connectionString);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId} without events`);
    if (!isOwnStream(streamId, this.options.streamPrefixes)) {
      throw new Error(`stream ${streamId} is outside this store's prefixes ${this.options.streamPrefixes.join(', ')}`);
    }
    const retried = findRetriedAppend(streamId, events, await this.readStream(streamId));
    if (retried) return retried;
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data: data as JSONType, metadata })),
        { expectedRevision: toExpectedRevision(expected) },
      );
      // The response's position pair describes the write, not its last event: read that event.
      const last = await this.readStream(streamId, result.nextExpectedRevision, 1);
      if (last.length !== 1 || last[0].id !== events[events.length - 1].id) {
        throw new Error(`stream ${streamId} does not end at revision ${result.nextExpectedRevision} with this append`);
      }
      return { nextVersion: last[0].version, position: last[0].position, duplicate: false };
    } catch (error) {
      throw toConflict(error, streamId, expected) ?? error;
    }
  }

  async readStream(streamId: string, fromRevision?: bigint, maxCount?: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, { fromRevision: fromRevision ?? START, direction: FORWARDS, maxCount });
      for await (const resolved of read) events.push(toRecordedEvent(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(after: bigint, limit: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let seen = after;
    for (;;) {
      // Forward reads include their start: the event at `seen` comes again and is skipped.
      const page = await this.readAllPage(seen === 0n ? START : toEsdbPosition(seen), FORWARDS, SCAN_PAGE);
      for (const entry of page) {
        if (entry.position <= seen) continue;
        seen = entry.position;
        if (!isOwnStream(entry.streamId, this.options.streamPrefixes)) continue;
        events.push(toRecordedEvent(entry.resolved));
        if (events.length === limit) return events;
      }
      if (page.length < SCAN_PAGE) return events;
    }
  }

  subscribe(handler: SubscriptionHandler, options: SubscribeOptions): Subscription {
    const source = this.client.subscribeToAll({
      fromPosition: options.after === 0n ? START : toEsdbPosition(options.after),
      filter: streamNameFilter({
        prefixes: [...this.options.streamPrefixes],
        checkpointInterval: this.options.checkpointInterval ?? 1,
      }),
    });
    const subscription = new EsdbSubscription(source, this.headPosition(), handler, options);
    this.subscriptions.add(subscription);
    void subscription.stopped.finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    let from: ReadPosition = END;
    for (;;) {
      // Backward reads exclude their start, so pages do not overlap.
      const page = await this.readAllPage(from, BACKWARDS, SCAN_PAGE);
      const own = page.find((event) => isOwnStream(event.streamId, this.options.streamPrefixes));
      if (own) return own.position;
      if (page.length < SCAN_PAGE) return 0n;
      from = toEsdbPosition(page[page.length - 1].position);
    }
  }

  async ping(): Promise<void> {
    await this.readAllPage(END, BACKWARDS, 1);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** A page of `$all`, system events and other prefixes included. */
  private async readAllPage(from: ReadPosition, direction: Direction, maxCount: number): Promise<LogEntry[]> {
    const page: LogEntry[] = [];
    for await (const resolved of this.client.readAll({ fromPosition: from, direction, maxCount })) {
      if (resolved.event) page.push({ streamId: resolved.event.streamId, position: resolved.event.position.commit, resolved });
    }
    return page;
  }
}

/** The stored result when every event id is already in the stream; null when none is. */
function findRetriedAppend(streamId: string, events: NewEvent[], stored: RecordedEvent[]): AppendResult | null {
  const ids = new Set(events.map((event) => event.id));
  const found = stored.filter((event) => ids.has(event.id));
  if (found.length === 0) return null;
  if (found.length !== events.length) {
    throw new Error(`stream ${streamId} holds ${found.length} of the ${events.length} event ids of this append`);
  }
  const last = found[found.length - 1];
  return { nextVersion: last.version, position: last.position, duplicate: true };
}

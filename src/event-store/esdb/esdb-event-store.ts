/**
 * Event store on KurrentDB (formerly EventStoreDB) through `@kurrent/kurrentdb-client` (gRPC, server
 * 22.6+; KurrentDB 25/26). The connection string (`EVENT_STORE_URL=kurrentdb://…`, `kurrentdb+discover://…`,
 * or the older `esdb://…`, TLS options) goes to the client untouched. The store's global log is `$all`
 * restricted to streams under its prefixes (`case-` for Netra), filtered on the server for reads,
 * the head position and subscriptions. Positions are commit positions: ordered, unique, not dense
 * (see esdb-mapping.ts). Idempotency matches the port: an append whose event ids are already in the
 * stream right after the expected version is a retry and returns the stored result (one short read,
 * not the whole stream); KurrentDB's own id check (same ids at the same expected revision) backs it
 * up when two retries race, but such a race may report no duplicate.
 */
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  jsonEvent,
  streamNameFilter,
  type JSONType,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
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
import { isOwnStream, toConflict, toEsdbPosition, toRecordedEvent, toStreamState } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** Stream-name prefixes that make up this store's global log; `$`-streams are never part of it. */
  streamPrefixes: readonly string[];
  /** Checkpoint interval multiplier of the server-side subscription filter. */
  checkpointInterval?: number;
  /** How the client is made; tests pass one to see the connection string without connecting. */
  createClient?: (connectionString: string) => KurrentDBClient;
}

type Direction = typeof FORWARDS | typeof BACKWARDS;

export class EsdbEventStore implements EventStore {
  readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(
    readonly connectionString: string,
    private readonly options: EsdbEventStoreOptions,
  ) {
    if (options.streamPrefixes.length === 0) throw new Error('EsdbEventStore needs at least one stream prefix');
    // The client reads esdb:// as kurrentdb:// but warns on stderr at every start; the operator's URL is
    // kept as written everywhere else (config, logs).
    const createClient = options.createClient ?? ((url: string) => KurrentDBClient.connectionString(url.replace(/^esdb(\+discover)?:\/\//, 'kurrentdb$1://')));
    this.client = createClient(connectionString);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId} without events`);
    if (!isOwnStream(streamId, this.options.streamPrefixes)) {
      throw new Error(`stream ${streamId} is outside this store's prefixes ${this.options.streamPrefixes.join(', ')}`);
    }
    const retried = await this.findRetriedAppend(streamId, events, expected);
    if (retried) return retried;
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data: data as JSONType, metadata })),
        { streamState: toStreamState(expected) },
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
    // Forward reads include their start: the event at `after` comes again and is skipped.
    const from = after === 0n ? START : toEsdbPosition(after);
    const page = await this.readOwn(from, FORWARDS, after === 0n ? limit : limit + 1);
    return page.filter((event) => event.position > after).slice(0, limit);
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
    const [last] = await this.readOwn(END, BACKWARDS, 1);
    return last?.position ?? 0n;
  }

  async ping(): Promise<void> {
    // One unfiltered event (or none): any answer from the server will do.
    for await (const _ of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) break;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** This store's events in `$all`, filtered on the server by stream prefix. */
  private async readOwn(from: ReadPosition, direction: Direction, maxCount: number): Promise<RecordedEvent[]> {
    const filter = streamNameFilter({ prefixes: [...this.options.streamPrefixes] });
    const events: RecordedEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition: from, direction, maxCount, filter })) {
      if (resolved.event && isOwnStream(resolved.event.streamId, this.options.streamPrefixes)) events.push(toRecordedEvent(resolved));
    }
    return events;
  }

  /**
   * The stored result when this append was written before (a retry), null when it was not. At an exact
   * version the retried events sit right after it: one short read. Only `any` (no caller of Netra's
   * command path) still scans the stream.
   */
  private async findRetriedAppend(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult | null> {
    if (expected === 'any') return findRetriedIn(streamId, events, await this.readStream(streamId));
    const next = expected === 'no_stream' ? 0n : BigInt(expected);
    const stored = await this.readStream(streamId, next, events.length);
    if (stored.length === 0 || stored[0].id !== events[0].id) return null;
    return findRetriedIn(streamId, events, stored);
  }
}

/** The stored result when every event id is already in the stream; null when none is. */
function findRetriedIn(streamId: string, events: NewEvent[], stored: RecordedEvent[]): AppendResult | null {
  const ids = new Set(events.map((event) => event.id));
  const found = stored.filter((event) => ids.has(event.id));
  if (found.length === 0) return null;
  if (found.length !== events.length) {
    throw new Error(`stream ${streamId} holds ${found.length} of the ${events.length} event ids of this append`);
  }
  const last = found[found.length - 1];
  return { nextVersion: last.version, position: last.position, duplicate: true };
}

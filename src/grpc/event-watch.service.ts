import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { Observable, type Subscriber } from 'rxjs';
import { badInput } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { CASE_STREAM_PREFIX } from '../case/case-events';
import { EVENT_STORE, type EventStore, type RecordedEvent, type Subscription } from '../event-store/event-store';
import { LOGGER } from '../observability/logger';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { openEvent } from '../privacy/personal-data';
import { timelineEntry, asCaseEvent } from '../oversight/projection/timeline-entry';
import { GrpcStatusError } from './grpc-errors';
import { toProto } from './grpc-enums';
import { isCaseEvent, VisibleEvents, type FeedItem } from './visible-events';

/** What WatchEvents writes: a `WatchEventsResponse` in proto-loader's object form. */
export interface FeedMessage {
  checkpoint: string;
  event?: ReturnType<typeof caseEventMessage>;
  caughtUp?: { position: string };
}

/** The part of a grpc-js call the feed needs: backpressure and cancellation. */
export interface WritableCall {
  readonly writableNeedDrain?: boolean;
  once(event: 'drain' | 'cancelled' | 'close', listener: () => void): unknown;
}

const MAX_POSITION = 2n ** 64n - 1n;
const caseIdOf = (event: RecordedEvent) => event.streamId.slice(CASE_STREAM_PREFIX.length);

export function parsePosition(text: string | undefined | null): bigint {
  if (text === undefined || text === null || text.trim() === '') return 0n;
  if (!/^\d{1,20}$/.test(text.trim()) || BigInt(text.trim()) > MAX_POSITION) {
    throw badInput('afterPosition', 'must be a checkpoint from a previous message: decimal digits, or empty for the whole history');
  }
  return BigInt(text.trim());
}

/**
 * A stored event as the feed sends it: never the reporter's identity; the other personal values
 * opened with the case's key, or the erased marker once the key was destroyed.
 */
export function caseEventMessage(event: RecordedEvent, backfill: boolean, key: Buffer | null) {
  const { reporter: _reporter, ...withoutReporter } = event.data as Record<string, unknown>;
  const { data } = openEvent({ type: event.type, data: withoutReporter }, key);
  const opened = { ...event, data };
  return {
    position: String(event.position),
    eventId: event.id,
    caseId: event.streamId.slice(CASE_STREAM_PREFIX.length),
    version: event.version,
    type: event.type,
    occurredAt: new Date(timelineEntry(asCaseEvent(opened)).occurredAt).toISOString(),
    recordedAt: new Date(event.metadata.recordedAt).toISOString(),
    agency: toProto('Agency', event.metadata.agency),
    unit: event.metadata.unit ?? undefined,
    description: timelineEntry(asCaseEvent(opened)).description,
    dataJson: JSON.stringify(data),
    backfill,
  };
}

/**
 * WatchEvents: a catch-up subscription on the store from the caller's checkpoint, filtered to what
 * the caller may see, written with backpressure (the subscription waits while the client is slow),
 * closed when the call is cancelled or Netra shuts down.
 */
@Injectable()
export class EventWatchService implements BeforeApplicationShutdown {
  private readonly open = new Set<{ subscription: Subscription; stop: (error: Error) => Promise<void> }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  watch(actor: Actor, afterPosition: string | undefined, call: WritableCall): Observable<FeedMessage> {
    const after = parsePosition(afterPosition);
    return new Observable<FeedMessage>((subscriber) => this.feed(actor, after, call, subscriber));
  }

  private feed(actor: Actor, after: bigint, call: WritableCall, subscriber: Subscriber<FeedMessage>): () => void {
    const visible = new VisibleEvents(actor, (streamId) => this.store.readStream(streamId));
    let scanned = after;
    let closed = false;
    let sent = 0;
    const emit = async (message: FeedMessage) => {
      if (closed) return;
      subscriber.next(message);
      if (call.writableNeedDrain) {
        await new Promise<void>((resolve) => {
          call.once('drain', resolve);
          call.once('cancelled', resolve);
          call.once('close', resolve);
        });
      }
    };
    const deliver = async (item: FeedItem, checkpointBefore: bigint, key: Buffer | null) => {
      sent++;
      const checkpoint = item.backfill ? checkpointBefore : item.event.position;
      await emit({ checkpoint: String(checkpoint), event: caseEventMessage(item.event, item.backfill, key) });
    };
    const subscription = this.store.subscribe(
      async (events) => {
        // One look-up per batch; from an erasure on, its case is read without its key even if the look-up came first.
        const keys = await this.keys.keys([...new Set(events.filter(isCaseEvent).map(caseIdOf))]);
        for (const event of events) {
          if (closed) return;
          if (event.type === 'PersonalDataErased') keys.delete(caseIdOf(event));
          const before = scanned;
          for (const item of await visible.of(event)) await deliver(item, before, keys.get(caseIdOf(item.event)) ?? null);
          scanned = event.position;
        }
      },
      {
        after,
        batchSize: 200,
        onError: (error) => {
          if (closed) return;
          closed = true;
          subscriber.error(error);
        },
      },
    );
    // Resolves after the handler returned for the last batch before the head, so nothing overtakes it.
    subscription.caughtUp
      .then(() => {
        if (!closed) subscriber.next({ checkpoint: String(scanned), caughtUp: { position: String(scanned) } });
      })
      .catch(() => undefined);
    const entry = {
      subscription,
      stop: async (error: Error) => {
        closed = true;
        await subscription.close();
        subscriber.error(error);
      },
    };
    this.open.add(entry);
    this.logger.info({ agency: actor.agency, unit: actor.region, after: String(after) }, 'event feed opened');
    return () => {
      closed = true;
      this.open.delete(entry);
      void subscription.close();
      this.logger.info({ agency: actor.agency, unit: actor.region, sent, scanned: String(scanned) }, 'event feed closed');
    };
  }

  /** Before storage closes: end every feed with UNAVAILABLE, so clients resume from their checkpoint elsewhere or later. */
  async beforeApplicationShutdown(): Promise<void> {
    const shuttingDown = new GrpcStatusError(status.UNAVAILABLE, 'Netra is shutting down; resume from your last checkpoint');
    await Promise.all([...this.open].map((entry) => entry.stop(shuttingDown)));
    this.open.clear();
  }
}

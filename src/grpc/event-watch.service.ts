import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { Observable, type Subscriber } from 'rxjs';
import { AccessAudit } from '../audit/access-audit';
import { newRequestKey } from '../audit/personal-fields';
import { badInput } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { CASE_STREAM_PREFIX } from '../case/case-events';
import { EVENT_STORE, type EventStore, type RecordedEvent, type Subscription } from '../event-store/event-store';
import { LOGGER } from '../observability/logger';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { openEvent } from '../privacy/personal-data';
import { timelineEntry, asCaseEvent, respondentOf, withheldDescription } from '../oversight/projection/timeline-entry';
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
    throw badInput('afterPosition', 'must be a checkpoint from a previous message: decimal digits, or empty for the whole history', 'grpc.position');
  }
  return BigInt(text.trim());
}

/**
 * A stored event as the feed sends it: never the reporter's identity; the other personal values
 * opened with the case's key (or the erased marker once the key was destroyed), and of the
 * respondents in `hidden` (outside the caller's region) only their ids — the same rule as every read path.
 */
export function caseEventMessage(event: RecordedEvent, backfill: boolean, key: Buffer | null, hidden: ReadonlySet<string> = new Set()) {
  const { reporter: _reporter, ...withoutReporter } = event.data as Record<string, unknown>;
  const { data } = openEvent({ type: event.type, data: withoutReporter }, key);
  const opened = { ...event, data };
  const about = respondentOf(asCaseEvent(opened));
  const withheld = about !== null && hidden.has(about);
  const entry = timelineEntry(asCaseEvent(opened));
  return {
    position: String(event.position),
    eventId: event.id,
    caseId: event.streamId.slice(CASE_STREAM_PREFIX.length),
    version: event.version,
    type: event.type,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    recordedAt: new Date(event.metadata.recordedAt).toISOString(),
    agency: toProto('Agency', event.metadata.agency),
    unit: withheld ? undefined : (event.metadata.unit ?? undefined),
    description: withheld ? withheldDescription(asCaseEvent(event)) : entry.description,
    dataJson: JSON.stringify(withheld ? { caseId: data.caseId, respondentId: about } : withholdInside(data, hidden)),
    backfill,
    withheld,
  };
}

/** CaseReported's respondents and CaseStudied's findings about hidden respondents keep only their ids (and a finding its outcome). */
function withholdInside(data: Record<string, unknown>, hidden: ReadonlySet<string>): Record<string, unknown> {
  if (hidden.size === 0) return data;
  const keep = (item: Record<string, unknown>, fields: string[]) =>
    hidden.has(String(item.respondentId)) ? { ...Object.fromEntries(fields.map((f) => [f, item[f]])), identityWithheld: true } : item;
  const out = { ...data };
  if (Array.isArray(data.respondents)) out.respondents = (data.respondents as Array<Record<string, unknown>>).map((r) => keep(r, ['respondentId']));
  if (Array.isArray(data.findings)) out.findings = (data.findings as Array<Record<string, unknown>>).map((f) => keep(f, ['respondentId', 'outcome']));
  // A document of the whole case: its file name may name a respondent the caller does not see.
  if (typeof data.documentId === 'string' && data.respondentId === null) out.name = null;
  return out;
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
    private readonly audit: AccessAudit,
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
    const request = newRequestKey();
    const deliver = async (item: FeedItem, checkpointBefore: bigint, key: Buffer | null) => {
      sent++;
      this.auditNames(actor, request, item);
      const checkpoint = item.backfill ? checkpointBefore : item.event.position;
      await emit({ checkpoint: String(checkpoint), event: caseEventMessage(item.event, item.backfill, key, item.hidden) });
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

  /** Names, positions and institutions in a CaseReported the caller may see go to the access audit (NIPs travel sealed). */
  private auditNames(actor: Actor, request: string, item: FeedItem): void {
    if (item.event.type !== 'CaseReported') return;
    const caseId = item.event.streamId.slice(CASE_STREAM_PREFIX.length);
    const respondents = (item.event.data.respondents ?? []) as Array<Record<string, unknown>>;
    for (const r of respondents) {
      if (item.hidden.has(String(r.respondentId))) continue;
      const fields = ['name', 'position', 'institution'].filter((f) => r[f] !== null && r[f] !== undefined);
      this.audit.record({ actor, via: 'grpc:WatchEvents', request, caseId, respondentId: String(r.respondentId), fields });
    }
  }

  /** Before storage closes: end every feed with UNAVAILABLE, so clients resume from their checkpoint elsewhere or later. */
  async beforeApplicationShutdown(): Promise<void> {
    const shuttingDown = new GrpcStatusError(status.UNAVAILABLE, 'Netra is shutting down; resume from your last checkpoint');
    await Promise.all([...this.open].map((entry) => entry.stop(shuttingDown)));
    this.open.clear();
  }
}

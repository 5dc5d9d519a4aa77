/**
 * Streams.Read of the EventStoreDB test server: stream reads, `$all` reads and `$all` catch-up
 * subscriptions, answered with the message types db-client itself ships (generated/streams_pb).
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { ReadReq, ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { InMemoryLog, StoredEvent } from './in-memory-log';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

interface Filter {
  matches(event: StoredEvent): boolean;
  /** Events considered between two checkpoints: search window × the client's multiplier. */
  checkpointEvery: number;
}

/** ESDB's default search window when the client leaves it to the server (`count`). */
const DEFAULT_SEARCH_WINDOW = 32;
/** A live subscription this far behind the head is told it fell behind and catches up again. */
const FELL_BEHIND_AT = 1_000;

export async function handleRead(log: InMemoryLog, call: ReadCall): Promise<void> {
  const options = call.request.getOptions();
  if (!options) return fail(call, status.INVALID_ARGUMENT, 'read without options');
  if (options.getUuidOption()?.hasStructured()) return fail(call, status.UNIMPLEMENTED, 'structured UUIDs');
  const filter = toFilter(options);
  if (options.hasSubscription()) {
    if (!options.hasAll()) return fail(call, status.UNIMPLEMENTED, 'stream subscriptions');
    return subscribeToAll(log, call, options.getAll()!, filter);
  }
  const count = Number(options.getCount());
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const events = options.hasStream()
    ? readStream(log, call, options.getStream()!, backwards)
    : readAll(log, options.getAll()!, backwards);
  if (!events) {
    call.end();
    return;
  }
  let sent = 0;
  for (const event of events) {
    if (sent === count || call.cancelled) break;
    if (filter && !filter.matches(event)) continue;
    await send(call, eventMessage(event));
    sent++;
  }
  call.end();
}

/** Events of one stream in read order; null after answering StreamNotFound. */
function readStream(log: InMemoryLog, call: ReadCall, options: ReadReq.Options.StreamOptions, backwards: boolean) {
  const name = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
  const stream = log.stream(name);
  if (!stream) {
    const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(options.getStreamIdentifier());
    call.write(new ReadResp().setStreamNotFound(notFound));
    return null;
  }
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const from = {
    [Case.REVISION]: Number(options.getRevision()),
    [Case.START]: backwards ? -1 : 0,
    [Case.END]: backwards ? stream.length - 1 : stream.length,
    [Case.REVISION_OPTION_NOT_SET]: 0,
  }[options.getRevisionOptionCase()];
  return backwards ? stream.slice(0, from + 1).reverse() : stream.slice(from);
}

/** `$all` in read order: forwards from a position inclusive, backwards from it exclusive. */
function readAll(log: InMemoryLog, options: ReadReq.Options.AllOptions, backwards: boolean): StoredEvent[] {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  const position = options.getPosition();
  const from = {
    [Case.POSITION]: position ? log.indexAtOrAfter(BigInt(position.getCommitPosition())) : 0,
    [Case.START]: 0,
    [Case.END]: log.events.length,
    [Case.ALL_OPTION_NOT_SET]: 0,
  }[options.getAllOptionCase()];
  return backwards ? log.events.slice(0, from).reverse() : log.events.slice(from);
}

/** Catch-up from after a position, checkpoints, CaughtUp at the head, then live. */
async function subscribeToAll(log: InMemoryLog, call: ReadCall, options: ReadReq.Options.AllOptions, filter: Filter | null) {
  const position = options.getPosition();
  let cursor = options.hasStart() ? 0 : options.hasEnd() ? log.events.length : log.indexAtOrAfter(BigInt(position!.getCommitPosition()) + 1n);
  const wake = (): void => log.wakeAll();
  call.on('cancelled', wake);
  await send(call, new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  let [considered, live] = [0, false];
  while (!call.cancelled) {
    if (cursor === log.events.length) {
      if (!live) await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
      live = true;
      await log.nextAppend(cursor);
      continue;
    }
    if (live && log.events.length - cursor > FELL_BEHIND_AT) {
      await send(call, new ReadResp().setFellBehind(new ReadResp.FellBehind()));
      live = false;
    }
    const event = log.events[cursor++];
    considered++;
    if (!filter || filter.matches(event)) await send(call, eventMessage(event));
    if (filter && considered % filter.checkpointEvery === 0) await send(call, checkpointMessage(event));
    if (considered % 256 === 0) await yieldToIo();
  }
  call.off('cancelled', wake);
}

function toFilter(options: ReadReq.Options): Filter | null {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return null;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    matches(event) {
      const value = onStream ? event.streamId : event.type;
      if (prefixes.length > 0) return prefixes.some((prefix) => value.startsWith(prefix));
      return regex ? regex.test(value) : true;
    },
    checkpointEvery: window * Math.max(1, filter.getCheckpointintervalmultiplier()),
  };
}

function eventMessage(event: StoredEvent): ReadResp {
  const record = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.streamId, 'utf8')))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  record.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.created.toString());
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(record).setCommitPosition(event.position.toString()));
}

function checkpointMessage(event: StoredEvent): ReadResp {
  const checkpoint = new ReadResp.Checkpoint().setCommitPosition(event.position.toString()).setPreparePosition(event.position.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

/** Writes with backpressure: waits for the client to drain, or for it to go away. */
async function send(call: ReadCall, message: ReadResp): Promise<void> {
  if (call.write(message) || call.cancelled) return;
  await new Promise<void>((resolve) => {
    const done = (): void => (call.off('drain', done), call.off('cancelled', done), resolve());
    call.on('drain', done);
    call.on('cancelled', done);
  });
}

function fail(call: ReadCall, code: status, details: string): void {
  call.emit('error', { code, details, name: 'Error', message: details });
}

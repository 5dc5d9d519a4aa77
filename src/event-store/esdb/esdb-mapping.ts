/**
 * Translation between Netra's event-store port and KurrentDB's (EventStoreDB's) vocabulary.
 *
 * Versions: Netra counts events (1-based), ESDB numbers them (0-based revision), so version =
 * revision + 1. Positions: Netra's position is the event's `$all` commit position. ESDB writes each
 * event of a gRPC append as its own implicitly committed prepare record, and reads `$all` with
 * commit = prepare = that record's log offset (22.6+ also on stream reads), so the commit position
 * is unique per event and orders `$all`. It is a byte offset: increasing, never dense.
 */
import {
  ANY,
  NO_STREAM,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError, type EventMetadata, type ExpectedVersion, type RecordedEvent } from '../event-store';

export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected - 1);
}

/** Reads resume "after" a position: ESDB takes the pair, and commit = prepare for every event we read. */
export function toEsdbPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** The port's conflict, with the stream's version taken from ESDB's answer. */
export function toConflict(error: unknown, streamId: string, expected: ExpectedVersion): WrongExpectedVersionError | null {
  if (!(error instanceof EsdbWrongExpectedVersionError)) return null;
  const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) + 1 : 0;
  return new WrongExpectedVersionError(streamId, expected, actual);
}

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('EventStoreDB returned a link without its event: Netra streams hold no links');
  if (!event.isJson) throw new Error(`event ${event.id} in ${event.streamId} is not JSON`);
  if (!event.position) throw new Error('EventStoreDB sent no event position: Netra needs EventStoreDB 22.6 or later');
  if (event.position.commit !== event.position.prepare) {
    // Only explicit (TCP-era) transactions share a commit position; Netra never writes them.
    throw new Error(`event ${event.id} has commit ${event.position.commit} != prepare ${event.position.prepare}`);
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as EventMetadata,
    streamId: event.streamId,
    version: Number(event.revision) + 1,
    position: event.position.commit,
  };
}

/** True for a stream under one of the prefixes; `$`-streams never qualify. */
export function isOwnStream(streamId: string, prefixes: readonly string[]): boolean {
  return !streamId.startsWith('$') && prefixes.some((prefix) => streamId.startsWith(prefix));
}

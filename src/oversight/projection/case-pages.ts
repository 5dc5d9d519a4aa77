import { CASE_STREAM_PREFIX } from '../../case/case-events';
import type { EventStore, RecordedEvent } from '../../event-store/event-store';
import type { KeyStore } from '../../privacy/key-store';
import { isErasure } from './bulk-rebuild';
import { isCaseEvent } from './case-projection';

/**
 * The log up to its head read case by case (`readStreamsInOrder`), for the PostgreSQL bulk load
 * (copy-load.ts): each page holds whole cases, every event of each up to the head, so a case is folded
 * once from its first event to its last and its current rows are written at once; no state is kept
 * between pages and no version is closed after the load. A case's events are in version order, which
 * is their order in the log; what the projection makes of a case depends only on its own events.
 */

export interface CasePage {
  /** The case events of the page's cases not erased, by case in log order. */
  whole: Map<string, RecordedEvent[]>;
  /** The cases erased (an erasure in their stream), each with its stream's events up to the head. */
  erased: Map<string, RecordedEvent[]>;
  /** The data keys of the page's cases, but the erased ones. */
  caseKeys: Map<string, Buffer>;
  /** Events read. */
  events: number;
}

/** Where the read stops: the head when it began, and its event's link (the checkpoint's). */
export interface CaseLogEnd {
  position: bigint;
  hash: string | null;
}

export async function caseLogEnd(store: EventStore): Promise<CaseLogEnd> {
  const position = await store.headPosition();
  if (position === 0n) return { position, hash: null };
  const [last] = await store.readAll(position - 1n, 1);
  return { position, hash: last?.hash ?? null };
}

/** The cases' pages, `cases` at a time, the next one read while the caller works on this one. */
export async function* casePages(store: EventStore, keys: KeyStore | undefined, end: bigint, cases: number): AsyncGenerator<CasePage> {
  const readStreams = store.readStreamsInOrder!.bind(store);
  const read = (after: string | null) => {
    const next = readStreams(CASE_STREAM_PREFIX, after, cases, end);
    next.catch(() => undefined);
    return next;
  };
  let reading = read(null);
  try {
    for (;;) {
      const { events, last } = await reading;
      if (last === null) return;
      reading = read(last);
      const whole = new Map<string, RecordedEvent[]>();
      const erased = new Map<string, RecordedEvent[]>();
      for (let i = 0; i < events.length; ) {
        const streamId = events[i].streamId;
        let j = i;
        let erasure = false;
        for (; j < events.length && events[j].streamId === streamId; j++) if (isErasure(events[j])) erasure = true;
        const caseId = streamId.slice(CASE_STREAM_PREFIX.length);
        if (erasure) erased.set(caseId, events.slice(i, j));
        else {
          const own = events.slice(i, j).filter(isCaseEvent);
          if (own.length > 0) whole.set(caseId, own);
        }
        i = j;
      }
      const caseKeys = keys ? await keys.keys([...whole.keys()]) : new Map<string, Buffer>();
      yield { whole, erased, caseKeys, events: events.length };
    }
  } finally {
    await reading.catch(() => undefined);
  }
}

/** A segment of an erased case's history, as the log-ordered load would have met it. */
export interface ErasedSegment {
  events: RecordedEvent[];
  /** The stream's events up to this segment's erasure (its rows are projected again from them); none for the part after the last erasure. */
  history?: RecordedEvent[];
}

/**
 * An erased case's stream cut after each erasure: each part up to an erasure is projected
 * with the history up to it (its rows written again from the start with nothing opened), the events
 * after the last erasure on top of that, as the live projection meets them.
 */
export function erasedSegments(stream: readonly RecordedEvent[]): ErasedSegment[] {
  const segments: ErasedSegment[] = [];
  let from = 0;
  for (let i = 0; i < stream.length; i++) {
    if (!isErasure(stream[i])) continue;
    segments.push({ events: stream.slice(from, i + 1).filter(isCaseEvent), history: stream.slice(0, i + 1) });
    from = i + 1;
  }
  const rest = stream.slice(from).filter(isCaseEvent);
  if (rest.length > 0) segments.push({ events: rest });
  return segments;
}

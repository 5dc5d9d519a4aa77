import type { EventStore, NewEvent, RecordedEvent } from '../event-store';
import { EventDigest } from './event-digest';

export interface CopyReport {
  /** Events already in the target when the copy started (a resumed copy skips them). */
  alreadyCopied: number;
  copied: number;
  sourceCount: number;
  targetCount: number;
  sourceDigest: string;
  targetDigest: string;
  verified: boolean;
}

/**
 * Changes events on their way to the target (e.g. sealing what an older version stored as plaintext).
 * Ids, streams, versions, types and metadata are kept; the copy is verified in `comparable` form: each
 * target event must read exactly as its source event does, so nothing but the representation changed.
 */
export interface EventTransform {
  apply(events: readonly RecordedEvent[]): Promise<RecordedEvent[]>;
  comparable(events: readonly RecordedEvent[]): Promise<RecordedEvent[]>;
}

export interface CopyOptions {
  transform?: EventTransform;
  batchSize?: number;
  onProgress?: (copied: number) => void;
  /** Stops after this many appended events (tests use it to simulate an interrupted copy). */
  stopAfter?: number;
}

/**
 * Copies the whole history from one store to another in global order, keeping stream ids,
 * versions, event ids, types, data and metadata. Resumable: the target must hold a prefix of the
 * source (checked by digest), and the copy goes on after it; each append also checks the stream's
 * version, so nothing can be appended twice. Ends by comparing counts and digests of both stores.
 */
export async function copyEvents(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<CopyReport> {
  const batchSize = options.batchSize ?? 1000;
  const { transform } = options;
  const existing = await digestOf(target, batchSize, transform);
  const sourceDigest = new EventDigest();
  let copied = 0;
  let after = 0n;
  while (options.stopAfter === undefined || copied < options.stopAfter) {
    const batch = await source.readAll(after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1].position;
    const fresh: RecordedEvent[] = [];
    const compared = transform ? await transform.comparable(batch) : batch;
    batch.forEach((event, index) => {
      sourceDigest.add(compared[index]);
      if (sourceDigest.count === existing.count && sourceDigest.hex() !== existing.hex()) {
        throw new Error(`the target's ${existing.count} events are not the start of the source's history; refusing to copy`);
      }
      if (sourceDigest.count > existing.count) fresh.push(event);
    });
    for (const run of streamRuns(fresh)) {
      if (options.stopAfter !== undefined && copied >= options.stopAfter) break;
      const first = run[0];
      const events = transform ? await transform.apply(run) : run;
      await target.append(first.streamId, events.map(asNew), first.version === 1 ? 'no_stream' : first.version - 1);
      copied += run.length;
    }
    options.onProgress?.(existing.count + copied);
  }
  if (sourceDigest.count < existing.count) {
    throw new Error(`the target holds ${existing.count} events, more than the source's ${sourceDigest.count}`);
  }
  const finalSource = await digestOf(source, batchSize, transform);
  const finalTarget = await digestOf(target, batchSize, transform);
  return {
    alreadyCopied: existing.count,
    copied,
    sourceCount: finalSource.count,
    targetCount: finalTarget.count,
    sourceDigest: finalSource.hex(),
    targetDigest: finalTarget.hex(),
    verified: finalSource.count === finalTarget.count && finalSource.hex() === finalTarget.hex(),
  };
}

/** The digest of a store's whole history, in a transform's comparable form when one is given. */
export async function digestOf(store: EventStore, batchSize = 1000, transform?: EventTransform): Promise<EventDigest> {
  const digest = new EventDigest();
  let after = 0n;
  for (;;) {
    const batch = await store.readAll(after, batchSize);
    if (batch.length === 0) return digest;
    (transform ? await transform.comparable(batch) : batch).forEach((event) => digest.add(event));
    after = batch[batch.length - 1].position;
  }
}

/** Consecutive events of one stream go in one append: fewer round trips, same order. */
function streamRuns(events: RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last && last[0].streamId === event.streamId) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

const asNew = (event: RecordedEvent): NewEvent => ({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });

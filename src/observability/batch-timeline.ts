/**
 * An opt-in timeline of the live subscriptions' batches (the bench's `--lag-trace`): when each batch's
 * loop turn began, when its events were in hand (handed by an append or read), and the marks its
 * handler adds (the projection: keys read, transaction begun, start read, writes sent, committed,
 * waiters woken). Off unless a bench turns it on: the server pays a null check per batch.
 * Times are `performance.now()` ms; nothing of an event's content is kept.
 */
export interface BatchTimeline {
  first: bigint;
  last: bigint;
  events: number;
  handed: boolean;
  marks: Array<[string, number]>;
}

let recording: BatchTimeline[] | null = null;
const byEvents = new WeakMap<object, BatchTimeline>();

export function startBatchTimeline(): void {
  recording = [];
}

export function stopBatchTimeline(): BatchTimeline[] {
  const recorded = recording ?? [];
  recording = null;
  return recorded;
}

/** A batch in hand (`loopAt`: when its loop turn began); its handler marks it through `markBatch(events, …)`. */
export function openBatch(events: ReadonlyArray<{ position: bigint }>, handed: boolean, loopAt: number): void {
  if (recording === null || events.length === 0) return;
  const timeline: BatchTimeline = { first: events[0].position, last: events[events.length - 1].position, events: events.length, handed, marks: [['loop', loopAt], ['events', performance.now()]] };
  recording.push(timeline);
  byEvents.set(events, timeline);
}

export function markBatch(events: object, name: string): void {
  if (recording === null) return;
  byEvents.get(events)?.marks.push([name, performance.now()]);
}

export const batchTimelineOn = (): boolean => recording !== null;

import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { startBatchTimeline, stopBatchTimeline, type BatchTimeline } from '../observability/batch-timeline';
import { percentile, round } from './stats';

/** One write as the bench saw it: acknowledged at `acked`, its position projected when the waiter ran (`seen`). */
export interface TracedWrite {
  position: bigint;
  acked: number;
  seen: number;
}

/**
 * Where a write's lag goes (`--lag-trace`): each write's span from acknowledgement to the waiter is
 * cut at the marks of the projection batch that held its position. `wait: busy` is spent while an
 * earlier projection batch ran, `wait: idle` while the loop slept or queued; then the batch's own
 * segments (events in hand, keys read, BEGIN, start read, planning, the writes' round trip, COMMIT,
 * position moved and waiters woken, the waiter's callback). Figures per write, ms.
 */
export interface LagBreakdown {
  writes: number;
  batches: number;
  eventsPerBatch: { p50: number; max: number };
  handedBatches: number;
  /** Mean per write, and mean over the writes at or above the lag's p50 and p99. */
  segments: Array<{ segment: string; mean: number; atP50: number; atP99: number }>;
  /** Every subscription's batches (the projection's and the others'): how long one took, p50/p99. */
  batchMs: { p50: number; p99: number };
  loopDelayMs: { p50: number; p99: number; max: number };
  gc: { pauses: number; totalMs: number; maxMs: number };
}

const ORDER = ['loop', 'events', 'keys', 'begin', 'start', 'planned', 'written', 'committed', 'woken'];
const NAMES: Record<string, string> = {
  loop: 'loop turn → events in hand', events: 'keys read', keys: 'BEGIN', begin: 'start read (checkpoint, rows, states)',
  start: 'planning (fold, rows, counters)', planned: 'writes + checkpoint round trip', written: 'COMMIT', committed: 'position moved, waiters woken', woken: 'waiter callback',
};

/** Starts recording; the returned function stops and cuts the writes' lags at the batches' marks. */
export function traceLag(): (writes: TracedWrite[]) => LagBreakdown {
  startBatchTimeline();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const gcs: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcs.push(e.duration)));
  observer.observe({ entryTypes: ['gc'] });
  return (writes) => {
    const batches = stopBatchTimeline();
    loop.disable();
    observer.disconnect();
    const projection = batches.filter((b) => b.marks.some(([name]) => name === 'woken'));
    const cut = writes.map((w) => ({ lag: w.seen - w.acked, parts: cutWrite(w, projection) })).filter((w) => w.parts !== null);
    const lags = cut.map((w) => w.lag);
    const p50 = percentile(lags, 50);
    const p99 = percentile(lags, 99);
    const names = ['wait: busy', 'wait: idle', ...ORDER.map((n) => NAMES[n])];
    const mean = (rows: typeof cut, name: string) => round(rows.reduce((s, r) => s + (r.parts!.get(name) ?? 0), 0) / Math.max(1, rows.length), 1);
    const durations = batches.map((b) => b.marks[b.marks.length - 1][1] - b.marks[0][1]);
    return {
      writes: cut.length,
      batches: projection.length,
      eventsPerBatch: { p50: percentile(projection.map((b) => b.events), 50), max: Math.max(0, ...projection.map((b) => b.events)) },
      handedBatches: projection.filter((b) => b.handed).length,
      segments: names.map((segment) => ({ segment, mean: mean(cut, segment), atP50: mean(cut.filter((r) => r.lag >= p50), segment), atP99: mean(cut.filter((r) => r.lag >= p99), segment) })),
      batchMs: { p50: round(percentile(durations, 50), 1), p99: round(percentile(durations, 99), 1) },
      loopDelayMs: { p50: round(loop.percentile(50) / 1e6, 1), p99: round(loop.percentile(99) / 1e6, 1), max: round(loop.max / 1e6, 1) },
      gc: { pauses: gcs.length, totalMs: round(gcs.reduce((a, b) => a + b, 0), 1), maxMs: round(Math.max(0, ...gcs), 1) },
    };
  };
}

function cutWrite(write: TracedWrite, projection: BatchTimeline[]): Map<string, number> | null {
  const batch = projection.find((b) => b.first <= write.position && write.position <= b.last);
  if (!batch) return null;
  const parts = new Map<string, number>();
  const add = (name: string, from: number, to: number) => {
    const ms = Math.min(to, write.seen) - Math.max(from, write.acked);
    if (ms > 0) parts.set(name, (parts.get(name) ?? 0) + ms);
  };
  const start = batch.marks[0][1];
  // Before its batch's loop turn: the part spent while an earlier projection batch ran, and the rest.
  let busy = 0;
  for (const b of projection) {
    if (b === batch) continue;
    const from = Math.max(b.marks[0][1], write.acked);
    const to = Math.min(b.marks[b.marks.length - 1][1], start, write.seen);
    if (to > from) busy += to - from;
  }
  const before = Math.max(0, Math.min(start, write.seen) - write.acked);
  if (before > 0) parts.set('wait: busy', Math.min(busy, before)), parts.set('wait: idle', before - Math.min(busy, before));
  const marks = new Map(batch.marks);
  const at = ORDER.map((name) => marks.get(name) ?? null);
  let last = start;
  ORDER.forEach((name, i) => {
    if (at[i] === null) return;
    const next = at.slice(i + 1).find((t) => t !== null) ?? write.seen;
    add(NAMES[name], Math.max(last, at[i]!), next);
    last = Math.max(last, at[i]!);
  });
  return parts;
}

export function breakdownLines(b: LagBreakdown): string[] {
  return [
    `lag trace: ${b.writes} writes in ${b.batches} projection batches (events per batch p50 ${b.eventsPerBatch.p50}, max ${b.eventsPerBatch.max}; ${b.handedBatches} handed); any subscription's batch p50 ${b.batchMs.p50} ms, p99 ${b.batchMs.p99} ms; event-loop delay p50 ${b.loopDelayMs.p50}, p99 ${b.loopDelayMs.p99}, max ${b.loopDelayMs.max} ms; GC ${b.gc.pauses} pauses, ${b.gc.totalMs} ms, max ${b.gc.maxMs} ms`,
    '  segment (ms per write): mean | writes ≥ p50 | writes ≥ p99',
    ...b.segments.map((s) => `  ${s.segment}: ${s.mean} | ${s.atP50} | ${s.atP99}`),
  ];
}

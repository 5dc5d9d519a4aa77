/** Percentiles, rates and peak RSS for the benchmark. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export const latency = (ms: readonly number[]): Latency => ({
  count: ms.length,
  p50: round(percentile(ms, 50)),
  p95: round(percentile(ms, 95)),
  p99: round(percentile(ms, 99)),
});

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Samples process RSS every 50 ms; `phase()` returns the peak since the last call, in MiB. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  phase(): number {
    this.sample();
    const peak = this.peak;
    this.peak = process.memoryUsage.rss();
    return round(peak / 2 ** 20, 0);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Runs `work` on `concurrency` workers pulling items from one queue. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** What a long phase has done so far, for its progress lines. */
export interface Counter {
  done: number;
}

import { round, type Counter, type RssSampler } from './stats';

/**
 * How `npm run bench` reports as it goes: each phase's figures and peak RSS on one line as soon as
 * it ends, a progress line every `tickSeconds` while a long one runs, and the name of the phase
 * running now (for a run that is stopped).
 */
export class PhaseLog {
  current = 'start';

  constructor(private readonly rss: RssSampler, private readonly tickSeconds = 10) {}

  async run<T>(
    store: string,
    name: string,
    peakRssMiB: Record<string, number>,
    work: (progress: Counter) => Promise<T>,
    line: (result: T) => string,
    unit = '',
  ): Promise<T> {
    this.current = `${store} ${name}`;
    this.rss.phase();
    const progress: Counter = { done: 0 };
    const started = performance.now();
    const seconds = () => round((performance.now() - started) / 1000, 1);
    const so = () => (unit === '' ? 'running' : `${progress.done.toLocaleString('en-US')} ${unit}`);
    const ticker = setInterval(() => say(`  … ${store} ${name}: ${so()} after ${seconds()} s, RSS ${round(process.memoryUsage().rss / 2 ** 20, 0)} MiB`), this.tickSeconds * 1000);
    ticker.unref();
    try {
      const result = await work(progress);
      peakRssMiB[name] = this.rss.phase();
      say(`${store} ${name}: ${line(result)} — ${seconds()} s, peak RSS ${peakRssMiB[name]} MiB`);
      return result;
    } finally {
      clearInterval(ticker);
    }
  }
}

export const say = (text: string) => void process.stdout.write(`${text}\n`);

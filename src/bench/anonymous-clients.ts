import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * The anonymous-load phase's clients, on a thread of their own so that generating the load does not
 * take the server's thread: `clients` loops sending anonymous followUpSummary questions back to back
 * (half of them revalidating with If-None-Match, as a browser does), and /health probed every 50 ms
 * beside them. Posts `{ answered }` every 250 ms and the figures at the end.
 */

export interface ClientsInput {
  url: string;
  seconds: number;
  clients: number;
  queries: string[];
  /** Each request made distinct (`%N%` in a query becomes client_request), so no answer comes from the cache. */
  unique?: boolean;
}

export interface ClientsOutput {
  seconds: number;
  answered: number;
  notModified: number;
  healthIdleMs: number[];
  healthUnderLoadMs: number[];
  /** `/health/live` under the load, probed the same way. */
  liveUnderLoadMs: number[];
  /** `/health` under the load from a thread of its own, as an orchestrator probes (no queue behind the load generator's own work). */
  probeThreadHealthMs: number[];
  answerMs: number[];
  /** Event-loop delay of the load generator's own thread during the load (ms): what its /health figures include of its own queueing. */
  clientLoopDelayMs: { p50: number; p99: number; max: number };
}

/** A prober on its own thread: `/health` every 50 ms until told to stop. */
export interface ProbeInput {
  probe: string;
}

async function main({ url, seconds, clients, queries, unique }: ClientsInput): Promise<ClientsOutput> {
  const health = async (into: number[]) => {
    const started = performance.now();
    await (await fetch(`${url}/health`)).text();
    into.push(performance.now() - started);
  };
  const healthIdleMs: number[] = [];
  for (let i = 0; i < 100; i++) await health(healthIdleMs);
  let stop = false;
  let answered = 0;
  let notModified = 0;
  const answerMs: number[] = [];
  const progress = setInterval(() => parentPort!.postMessage({ answered }), 250);
  const started = performance.now();
  const load = Array.from({ length: clients }, async (_, c) => {
    const etags = new Map<number, string>();
    for (let i = c; !stop; i++) {
      const q = i % queries.length;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const etag = etags.get(q);
      if (c % 2 === 1 && etag && !unique) headers['if-none-match'] = etag;
      const query = unique ? queries[q].replaceAll('%N%', `${c}_${i}`) : queries[q];
      const t0 = performance.now();
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
      const text = await response.text();
      if (response.status === 304) notModified++;
      else if (response.status !== 200 || text.includes('"errors"')) throw new Error(`an anonymous followUpSummary answered ${response.status}: ${text.slice(0, 300)}`);
      const tag = response.headers.get('etag');
      if (tag) etags.set(q, tag);
      answerMs.push(performance.now() - t0);
      answered++;
    }
  });
  const healthUnderLoadMs: number[] = [];
  const liveUnderLoadMs: number[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const prober = new Worker(__filename, { workerData: { probe: url } satisfies ProbeInput });
  const probed = new Promise<number[]>((resolve, reject) => {
    prober.on('message', (m: { probed: number[] }) => resolve(m.probed));
    prober.on('error', reject);
  });
  const until = Date.now() + seconds * 1000;
  for (let k = 0; Date.now() < until; k++) {
    const live = k % 2 === 1;
    const t0 = performance.now();
    await (await fetch(`${url}/health${live ? '/live' : ''}`)).text();
    (live ? liveUnderLoadMs : healthUnderLoadMs).push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  prober.postMessage('stop');
  stop = true;
  const elapsed = (performance.now() - started) / 1000;
  loopDelay.disable();
  await Promise.all(load);
  clearInterval(progress);
  const probeThreadHealthMs = await probed;
  await prober.terminate();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const clientLoopDelayMs = { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) };
  return { seconds: elapsed, answered, notModified, healthIdleMs, healthUnderLoadMs, liveUnderLoadMs, probeThreadHealthMs, answerMs, clientLoopDelayMs };
}

/** The prober's thread: nothing else runs on it, so what it measures is the server's answer (and the machine). */
async function probe({ probe: url }: ProbeInput): Promise<void> {
  let stop = false;
  parentPort!.once('message', () => (stop = true));
  const probed: number[] = [];
  while (!stop) {
    const t0 = performance.now();
    await (await fetch(`${url}/health`)).text();
    probed.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort!.postMessage({ probed });
}

if ((workerData as Partial<ProbeInput>).probe !== undefined) void probe(workerData as ProbeInput);
else
  main(workerData as ClientsInput).then(
    (output) => parentPort!.postMessage({ done: output }),
    (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
  );

import { parentPort, workerData } from 'node:worker_threads';

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
  answerMs: number[];
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
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    await health(healthUnderLoadMs);
    await new Promise((r) => setTimeout(r, 50));
  }
  stop = true;
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(load);
  clearInterval(progress);
  return { seconds: elapsed, answered, notModified, healthIdleMs, healthUnderLoadMs, answerMs };
}

main(workerData as ClientsInput).then(
  (output) => parentPort!.postMessage({ done: output }),
  (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
);

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The GraphQL phase's clients, on a thread of their own (as the anonymous load's are), so the
 * server's thread does only the server's work and its CPU per mutation is the server's alone:
 * `clients` loops, each sending one case's mutations in order, the next only when the last was
 * answered. Posts `{ done }` (answered so far) every 250 ms and the figures at the end.
 */

export interface GraphqlRequest {
  type: string;
  token: string;
  body: string;
}

export interface GraphqlClientsInput {
  url: string;
  clients: number;
  /** One entry per case: its mutations, in order. */
  cases: GraphqlRequest[][];
}

export interface GraphqlClientsOutput {
  ms: number[];
  /** CPU of this thread (the clients: fetch, JSON) over the run, in ms; null where /proc is absent. */
  cpuMs: number | null;
}

/** utime + stime of the calling thread in ms (Linux /proc/thread-self; null elsewhere). */
export function threadCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return null;
  }
}

async function main({ url, clients, cases }: GraphqlClientsInput): Promise<GraphqlClientsOutput> {
  const ms: number[] = [];
  const cpuBefore = threadCpuMs();
  const progress = setInterval(() => parentPort!.postMessage({ done: ms.length }), 250);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < cases.length) {
          for (const request of cases[next++]) {
            const t0 = performance.now();
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
              body: request.body,
            });
            const body = (await response.json()) as { errors?: Array<{ message: string }> };
            ms.push(performance.now() - t0);
            if (body.errors) throw new Error(`${request.type} refused: ${body.errors[0].message}`);
          }
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  const cpuAfter = threadCpuMs();
  return { ms, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

if (parentPort && (workerData as Partial<GraphqlClientsInput>)?.cases) {
  main(workerData as GraphqlClientsInput).then(
    (output) => parentPort!.postMessage({ output }),
    (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
  );
}

import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Writable } from 'node:stream';
import { signDevToken } from '../auth/dev-token';
import { listeningUrl, startNetra } from '../bootstrap';
import type { CaseCommand } from '../case/case';
import { messageFor } from '../case/case-command-messages';
import { CaseMutations } from '../api/case-mutations.service';
import type { Actor } from '../case/decide-context';
import { loadConfig } from '../config/config';
import { reportedCaseId } from '../case/reporting/reported-case-id';
import { createLogger } from '../observability/logger';
import { ProjectionService } from '../oversight/projection.service';
import { STORAGE } from '../storage/storage.module';
import type { Storage } from '../storage/storage';
import { BENCH_MASTER_KEY, type BenchTarget } from './targets';
import { latency, pool, type Counter, type Latency } from './stats';
import type { CaseScript } from './workload';
import { selectionOf, type GraphqlSelection } from './console-selection';
import type { GraphqlClientsInput, GraphqlClientsOutput, GraphqlRequest } from './graphql-clients';
import { breakdownLines, traceLag, type LagBreakdown, type TracedWrite } from './lag-timeline';
import { timedWrite, WriteTiming, type WriteMarks } from '../event-store/write-timing';
import { breakdown, type StepTime } from './write-breakdown';
import { threadTime, type ThreadTimeRow } from './thread-time';

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-01';

export interface WriteResult {
  commands: number;
  seconds: number;
  perSecond: number;
  latencyMs: Latency;
  /** CPU per command of the whole process (all threads: the server, the embedded database's thread, the clients) and of its main thread alone (Linux; null elsewhere). */
  cpuMsPerCommand: { process: number; mainThread: number | null; server?: number | null };
  /** GraphQL: the clients' own thread's CPU per mutation (Linux; null elsewhere), inside `process`, outside `mainThread`. */
  clientCpuMsPerCommand?: number | null;
}

/** utime + stime of this process's main thread in ms (Linux /proc; null where there is none). */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return null;
  }
}

/** Starts counting the CPU this process spends; the returned function divides it by the commands done. */
function cpuMeter(): (commands: number) => WriteResult['cpuMsPerCommand'] {
  const all = process.cpuUsage();
  const main = mainThreadCpuMs();
  return (commands) => {
    const spent = process.cpuUsage(all);
    const mainNow = mainThreadCpuMs();
    const per = (ms: number) => Math.round((ms / Math.max(1, commands)) * 100) / 100;
    return { process: per((spent.user + spent.system) / 1000), mainThread: main === null || mainNow === null ? null : per(mainNow - main) };
  };
}

/** Netra in this process, on random ports, logging at info into a sink (the JSON is built, not written). */
export async function startBenchNetra(target: BenchTarget): Promise<{ app: INestApplication; storage: Storage; graphql: string }> {
  const config = loadConfig({
    ...target.env, NETRA_DEMO: '0', PORT: '0', GRPC_PORT: '0', AUTH_DEV_SECRET: BENCH_SECRET, OVERDUE_SCAN_SECONDS: '0',
    MUTATION_RATE_LIMIT_PER_MINUTE: '1000000', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000', NETRA_MASTER_KEY: BENCH_MASTER_KEY,
  });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await startNetra(config, createLogger('info', sink));
  return { app, storage: app.get<Storage>(STORAGE), graphql: `${listeningUrl(app)}/graphql` };
}

/**
 * Commands straight onto the CommandBus, `concurrency` cases at a time (a case's commands in order).
 * Latency is until the append is acknowledged; the projection lag of each write (acknowledged →
 * ProjectionRunner position ≥ its position) is measured beside it, under the same load.
 */
export async function commandBusWrites(app: INestApplication, scripts: CaseScript[], concurrency: number, progress: Counter = { done: 0 }, timed = false) {
  const mutations = app.get(CaseMutations);
  const runner = app.get(ProjectionService).runner;
  // `--breakdown`: each command's steps (write-timing.ts), at the cost of an AsyncLocalStorage context per command.
  const marks: WriteMarks[] = [];
  WriteTiming.enabled = timed;
  const run = async (message: Parameters<CaseMutations['run']>[0]) => {
    if (!timed) return mutations.run(message);
    const done = await timedWrite(() => mutations.run(message));
    marks.push(done.marks);
    return done.result;
  };
  const ms: number[] = [];
  const lags: number[] = [];
  const pending: Array<Promise<void>> = [];
  const started = performance.now();
  const cpu = cpuMeter();
  const thread = timed ? threadTime() : null;
  await pool(scripts, concurrency, async ({ n, commands }) => {
    for (const [c, command] of commands.entries()) {
      const t0 = performance.now();
      const { position } = await run(messageFor(command, `bench:${n}:${c}`));
      const acked = performance.now();
      ms.push(acked - t0);
      progress.done++;
      pending.push(runner.waitFor(position, 30_000).then((seen) => void lags.push(seen ? performance.now() - acked : Infinity)));
    }
  });
  const seconds = (performance.now() - started) / 1000;
  // Measured when the last append is acknowledged: the projection's work still behind it is left out.
  const cpuMs = cpu(ms.length);
  WriteTiming.enabled = false;
  await Promise.all(pending);
  const steps: StepTime[] | null = timed ? breakdown(marks) : null;
  // The projection's work still behind the last append is included: it is the writes' work too.
  const threadRows: ThreadTimeRow[] | null = thread ? thread(ms.length) : null;
  return { write: summary(ms, seconds, cpuMs), lag: latency(lags), steps, threadRows };
}

const MUTATION: Record<string, string> = {
  RecordStudy: 'recordStudy', IssueRecommendation: 'issueRecommendation', DecideSanction: 'decideSanction',
  RecordSanctionExecution: 'recordSanctionExecution', DeclareFollowUpImpossible: 'declareFollowUpImpossible',
};

/**
 * The same commands as GraphQL mutations over HTTP from `clients` concurrent clients, on a thread of
 * their own (graphql-clients.ts): the main thread's CPU per mutation is the server's alone. A
 * mutation answers with the case as the read model shows it after the write (read-your-writes), so
 * its latency includes the projection; it asks back what a liaison's console asks (`selection`).
 */
export async function graphqlWrites(url: string, scripts: CaseScript[], clients: number, progress: Counter = { done: 0 }, selection: GraphqlSelection = 'console'): Promise<WriteResult> {
  const tokens = new Map<string, string>();
  const tokenOf = async (actor: Actor) => {
    const key = `${actor.agency}:${actor.region}`;
    // 11 h, not the default 12 h: signDevToken's iat and exp are read a moment apart, and across a second boundary a 12 h token is refused as 1 s too long.
    if (!tokens.has(key)) tokens.set(key, await signDevToken(BENCH_SECRET, { sub: actor.userId, agency: actor.agency, region: actor.region }, '11h'));
    return tokens.get(key)!;
  };
  const cases: GraphqlRequest[][] = [];
  for (const { n, commands } of scripts) {
    const commandId = `bench-gql:${n}:0`;
    const caseId = reportedCaseId(commands[0].actor, commandId);
    const requests: GraphqlRequest[] = [];
    for (const [c, command] of commands.entries()) {
      const { query, input } = mutationOf(command, caseId, c === 0 ? commandId : `bench-gql:${n}:${c}`, selectionOf(selection));
      requests.push({ type: command.type, token: await tokenOf(command.actor), body: JSON.stringify({ query, variables: { input } }) });
    }
    cases.push(requests);
  }
  const started = performance.now();
  const cpu = cpuMeter();
  const input: GraphqlClientsInput = { url, clients, cases };
  const output = await new Promise<GraphqlClientsOutput>((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'graphql-clients.js'), { workerData: input });
    worker.on('message', (m: { done?: number; output?: GraphqlClientsOutput; failed?: string }) => {
      if (m.done !== undefined) progress.done = m.done;
      if (m.output) resolve(m.output), void worker.terminate();
      if (m.failed) reject(new Error(m.failed)), void worker.terminate();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the GraphQL clients' thread exited with ${code}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  const spent = cpu(output.ms.length);
  progress.done = output.ms.length;
  const clientMs = output.cpuMs === null ? null : Math.round((output.cpuMs / Math.max(1, output.ms.length)) * 100) / 100;
  return { ...summary(output.ms, seconds, spent), clientCpuMsPerCommand: clientMs };
}

function mutationOf(command: CaseCommand, caseId: string, commandId: string, fields: string): { query: string; input: Record<string, unknown> } {
  const input = command.input as unknown as Record<string, unknown>;
  const name = command.type === 'ReportCase' ? 'reportCase' : MUTATION[command.type];
  const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  // Named as the console names them (documents.ts), so each is one document in Apollo's cache.
  const query = `mutation ${type.slice(0, -5)}($input: ${type}!) { ${name}(input: $input) { ${fields} } }`;
  return { query, input: command.type === 'ReportCase' ? { ...input, commandId } : { ...input, caseId, commandId } };
}

const summary = (ms: number[], seconds: number, cpuMsPerCommand: WriteResult['cpuMsPerCommand']): WriteResult => ({
  commands: ms.length, seconds, perSecond: ms.length / seconds, latencyMs: latency(ms), cpuMsPerCommand,
});

export interface SteadyResult {
  /** The rate asked for, and the rate the commands were really sent at (below it if the server fell behind). */
  targetPerSecond: number;
  write: WriteResult;
  lag: Latency;
  /** With `--lag-trace`: where the lag went (lag-timeline.ts). */
  trace?: LagBreakdown;
  traceLines?: string[];
}

/**
 * An open-loop write load: commands are sent at a fixed rate (one every 1/rate s, whoever is free
 * takes the next slot) instead of as fast as they are acknowledged, for `seconds`. The CommandBus
 * phase saturates the process — four writers on the event loop the projection shares, each sending
 * again the moment it is answered — so its lag is mostly the queue for the loop; a steady load below
 * capacity, as an election night's offices send, shows what the projection itself adds. Up to
 * `width` cases are in progress at once (a case's commands in order); the lag is measured as in
 * `commandBusWrites`.
 */
export async function steadyWrites(app: INestApplication, scripts: Iterable<CaseScript>, perSecond: number, seconds: number, progress: Counter = { done: 0 }, width = 64, trace = false): Promise<SteadyResult> {
  const mutations = app.get(CaseMutations);
  const runner = app.get(ProjectionService).runner;
  const ms: number[] = [];
  const lags: number[] = [];
  const pending: Array<Promise<void>> = [];
  const interval = 1000 / perSecond;
  const started = performance.now();
  const until = started + seconds * 1000;
  let slot = started;
  // The next free slot: never earlier than now (a late sender does not get a burst of missed slots).
  const nextSlot = async (): Promise<boolean> => {
    slot = Math.max(slot + interval, performance.now());
    if (slot >= until) return false;
    const wait = slot - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return true;
  };
  const cases = scripts[Symbol.iterator]();
  const traced: TracedWrite[] = [];
  const cut = trace ? traceLag() : null;
  const cpu = cpuMeter();
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let next = cases.next(); !next.done; next = cases.next()) {
        for (const [c, command] of next.value.commands.entries()) {
          if (!(await nextSlot())) return;
          const t0 = performance.now();
          const { position } = await mutations.run(messageFor(command, `bench-steady:${next.value.n}:${c}`));
          const acked = performance.now();
          ms.push(acked - t0);
          progress.done++;
          pending.push(runner.waitFor(position, 30_000).then((seen) => {
            const now = performance.now();
            lags.push(seen ? now - acked : Infinity);
            if (cut) traced.push({ position, acked, seen: now });
          }));
        }
      }
    }),
  );
  const cpuMs = cpu(ms.length);
  await Promise.all(pending);
  const breakdown = cut?.(traced);
  return { targetPerSecond: perSecond, write: summary(ms, (performance.now() - started) / 1000, cpuMs), lag: latency(lags), ...(breakdown ? { trace: breakdown, traceLines: breakdownLines(breakdown) } : {}) };
}

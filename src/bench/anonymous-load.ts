import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { listeningUrl } from '../bootstrap';
import { PgliteThread, type StatementTiming } from '../event-store/pglite/pglite-thread';
import { NetraMetrics } from '../observability/metrics';
import { PublicFiguresCache } from '../oversight/public-figures/public-figures-cache';
import type { ClientsInput, ClientsOutput } from './anonymous-clients';
import { latency, round, type Counter, type Latency } from './stats';

/**
 * Election night: `clients` anonymous clients asking for the public figures, back to back, while
 * /health is probed every 50 ms — from a worker thread, so the load is not generated on the
 * server's thread. The rate limit is lifted for the bench's Netra, so the figure is the serving
 * itself. Reported beside it: how many summaries were really computed (netra_summary_reads_total)
 * and how many answers were 304 Not Modified.
 */

const BUCKET = `key { regionCode regionName election } total byStage { stage count } byStatus { status count }
  recommended { persons } decided { persons } actedOn { persons } waiting { persons }
  overdue actedOnRate medianDaysToExecute p90DaysToExecute medianDaysWaiting p90DaysWaiting maxDaysLate suppressed`;
const summary = (args: string) => `{ followUpSummary${args} { smallCellThreshold position current overall { ${BUCKET} } buckets { ${BUCKET} } } }`;

/** What the public asks on election night: the national figure, by province, by region and by election, one province by region. */
export const ANONYMOUS_QUESTIONS = [
  summary(''),
  summary('(groupBy: [PROVINCE])'),
  summary('(groupBy: [REGION])'),
  summary('(groupBy: [ELECTION, PROVINCE, REGION])'),
  summary('(groupBy: [REGION], filter: { regionPrefix: "16" })'),
];

/**
 * The most expensive question an anonymous caller may ask (issue 13's load figure): three summaries
 * grouped by every dimension allowed without a token and a national one, all with every figure —
 * 1,954 of the anonymous budget of 2,000 (each wide one costs 592: a fourth is refused) — each
 * request with its own alias names, so the cache never answers it.
 */
const WIDE = (alias: string) => `${alias}: followUpSummary(groupBy: [ELECTION, PROVINCE, REGION]) { smallCellThreshold overall { ${BUCKET} } buckets { ${BUCKET} } }`;
export const WORST_ANONYMOUS_QUESTION = `{ ${[0, 1, 2].map((k) => WIDE(`w%N%_${k}`)).join(' ')} n%N%: followUpSummary { overall { ${BUCKET} } } }`;

export interface AnonymousLoadResult {
  clients: number;
  seconds: number;
  cases: number;
  answered: number;
  perSecond: number;
  notModified: number;
  computations: number;
  answerMs: Latency;
  healthIdleMs: Latency;
  healthUnderLoadMs: Latency;
  /** `/health/live` under the load, from the load generator's thread like healthUnderLoadMs. */
  liveUnderLoadMs: Latency;
  /** `/health` under the load probed from a thread of its own (nothing else on it), as an orchestrator probes. */
  probeThreadHealthMs: Latency;
  /** `/health` on the server: from its request event to the last byte handed to the socket (what the handler and its reads cost). */
  healthServerMs: Latency;
  /** Anonymous answers the server finished while a /health it had read waited for its own answer: the line it stood in, whatever the machine's speed. */
  answersAheadOfHealth: Latency;
  /** What a request waited for the read model's checkpoint, and how many distinct reads served the phase's requests. */
  checkpointWaitMs: Latency;
  checkpointReads: number;
  /**
   * Where a `/health` on the server spent its time (embedded store: its statements are timed on the
   * PGlite thread): from the request event to its first statement (reading it, Express, Nest), the
   * statements, from the last answer handled to the last byte; each statement's wait in the
   * thread's queue, its time there, and the wait for the server's thread to take its answer; the
   * other statements the thread ran during the phase; GC pauses of the server's process meanwhile.
   */
  healthSplit: {
    beforeMs: Latency;
    statementsMs: Latency;
    afterMs: Latency;
    queueMs: Latency;
    workerMs: Latency;
    replyMs: Latency;
    otherStatements: number;
    otherWorkerMs: Latency;
    gcDuringHealthMs: Latency;
    gcPauses: number;
    gcTotalMs: number;
    gcMaxMs: number;
    /** /health whose statements shared the PGlite thread with another statement (a summary being computed), and the others: their time on the server. */
    behindOtherMs: Latency;
    /** /health whose statements overlapped an open transaction on the PGlite thread (a statement outside one waits for it to end). */
    behindTransactionMs: Latency;
    transactions: number;
    transactionMs: Latency;
    aloneMs: Latency;
    /** The other statements, slowest first (their text's start and time on the thread). */
    slowestOther: string[];
  } | null;
  /** GC pauses of the server's thread during the load by kind (minor = scavenge, major = mark-compact), and the heap after it. */
  gcByKind?: Record<string, { count: number; totalMs: number; maxMs: number }>;
  heapUsedMiB?: number;
  /** Event-loop delay of the server's thread during the load (ms, monitorEventLoopDelay). */
  serverLoopDelayMs: { p50: number; p99: number; max: number };
  /** The same on the load generator's thread: the part of its /health figures that is its own queue. */
  clientLoopDelayMs: { p50: number; p99: number; max: number };
  /** Share of the phase the server's thread was busy (event-loop utilisation): near 1, the server is the limit; well below, the clients or the machine are. */
  serverBusy: number;
  /**
   * CPU the server's thread itself spent per answer (Linux: the main thread's utime+stime), and the
   * answers per second one idle core would give at that cost: on a machine shared with other
   * work, wall-clock rates say how the machine was shared; this says what the serving costs.
   */
  serverCpuMsPerAnswer: number | null;
  answersPerServerCpuSecond: number | null;
}

/** The main thread's CPU seconds so far (its task id is the process id), or null off Linux. */
function mainThreadCpuSeconds(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export async function anonymousLoad(app: INestApplication, o: { seconds: number; clients: number; cases: number; worst?: boolean }, progress: Counter = { done: 0 }): Promise<AnonymousLoadResult> {
  const reads = async () => ((await app.get(NetraMetrics).summaryReads.get()).values.find((v) => v.labels.outcome === 'answered')?.value ?? 0);
  const before = await reads();
  const loop = performance.eventLoopUtilization();
  const cpuBefore = mainThreadCpuSeconds();
  const server = app.getHttpServer() as Server;
  const healthServerMs: number[] = [];
  const answersAhead: number[] = [];
  const healthWindows: Array<[number, number]> = [];
  let graphqlAnswers = 0;
  const epoch = () => performance.timeOrigin + performance.now();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/graphql') return void res.once('finish', () => graphqlAnswers++);
    if (req.url !== '/health') return;
    const t0 = performance.now();
    const e0 = epoch();
    const before = graphqlAnswers;
    res.once('finish', () => {
      healthServerMs.push(performance.now() - t0);
      healthWindows.push([e0, epoch()]);
      answersAhead.push(graphqlAnswers - before);
    });
  };
  server.prependListener('request', onRequest);
  const statements: StatementTiming[] = [];
  PgliteThread.timing = (t) => void statements.push(t);
  const gcs: Array<[number, number]> = [];
  const gcKinds: Record<string, number[]> = {};
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs.push([performance.timeOrigin + e.startTime, e.duration]);
      const kind = String((e as unknown as { detail?: { kind?: number } }).detail?.kind ?? '?');
      (gcKinds[kind] ??= []).push(e.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  // What each anonymous request waits for its checkpoint (PostgreSQL: a statement shared by the
  // requests that came meanwhile; embedded: the projection's position in memory), and how many reads.
  const cache = app.get(PublicFiguresCache);
  const position = cache.position;
  const checkpointWaitMs: number[] = [];
  const checkpointReads = new Set<Promise<bigint>>();
  cache.position = function (this: PublicFiguresCache) {
    const t0 = performance.now();
    const read = position.call(this);
    checkpointReads.add(read);
    void read.then(() => checkpointWaitMs.push(performance.now() - t0), () => undefined);
    return read;
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const input: ClientsInput = { url: listeningUrl(app), seconds: o.seconds, clients: o.clients, queries: o.worst ? [WORST_ANONYMOUS_QUESTION] : ANONYMOUS_QUESTIONS, unique: o.worst === true };
  const output = await new Promise<ClientsOutput>((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'anonymous-clients.js'), { workerData: input });
    worker.on('message', (m: { answered?: number; done?: ClientsOutput; failed?: string }) => {
      if (m.answered !== undefined) progress.done = m.answered;
      if (m.done) {
        resolve(m.done);
        void worker.terminate();
      }
      if (m.failed) reject(new Error(m.failed));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the anonymous clients' thread exited with ${code}`)));
  });
  const cpuAfter = mainThreadCpuSeconds();
  loopDelay.disable();
  PgliteThread.timing = null;
  gcObserver.disconnect();
  server.off('request', onRequest);
  cache.position = position;
  const ms = (ns: number) => round(ns / 1e6);
  const cpu = cpuBefore !== null && cpuAfter !== null && output.answered > 0 ? (cpuAfter - cpuBefore) / output.answered : null;
  return {
    clients: o.clients,
    seconds: round(output.seconds, 1),
    cases: o.cases,
    answered: output.answered,
    perSecond: round(output.answered / output.seconds, 0),
    notModified: output.notModified,
    computations: (await reads()) - before,
    answerMs: latency(output.answerMs),
    healthIdleMs: latency(output.healthIdleMs),
    healthUnderLoadMs: latency(output.healthUnderLoadMs),
    liveUnderLoadMs: latency(output.liveUnderLoadMs),
    probeThreadHealthMs: latency(output.probeThreadHealthMs),
    healthServerMs: latency(healthServerMs),
    answersAheadOfHealth: latency(answersAhead),
    checkpointWaitMs: latency(checkpointWaitMs),
    checkpointReads: checkpointReads.size,
    healthSplit: split(healthWindows, statements, gcs),
    gcByKind: Object.fromEntries(Object.entries(gcKinds).map(([kind, d]) => [{ '1': 'minor', '2': 'major', '4': 'incremental', '8': 'weakcb' }[kind] ?? kind, { count: d.length, totalMs: round(d.reduce((a, b) => a + b, 0)), maxMs: round(Math.max(...d)) }])),
    heapUsedMiB: round(process.memoryUsage().heapUsed / 2 ** 20),
    serverLoopDelayMs: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
    clientLoopDelayMs: output.clientLoopDelayMs,
    serverBusy: round(performance.eventLoopUtilization(loop).utilization, 2),
    serverCpuMsPerAnswer: cpu === null ? null : round(cpu * 1000, 3),
    answersPerServerCpuSecond: cpu === null || cpu === 0 ? null : round(1 / cpu, 0),
  };
}

/** Each /health's window on the server cut at its statements (those posted inside it: SELECT 1 and the calendar's count). */
function split(windows: Array<[number, number]>, statements: StatementTiming[], gcs: Array<[number, number]>): AnonymousLoadResult['healthSplit'] {
  if (statements.length === 0) return null;
  const isHealth = (t: StatementTiming) => t.sql === 'SELECT 1' || t.sql.includes('due_at_provisional');
  const health = statements.filter(isHealth);
  const other = statements.filter((t) => !isHealth(t) && t.op !== 'begin' && t.op !== 'end');
  // PGlite runs one transaction at a time, so the k-th begin pairs with the k-th end: the spans in which a statement outside them waits.
  const begins = statements.filter((t) => t.op === 'begin').sort((a, b) => a.received - b.received);
  const ends = statements.filter((t) => t.op === 'end').sort((a, b) => a.replied - b.replied);
  const spans = begins.slice(0, ends.length).map((b, k): [number, number] => [b.received, ends[k].replied]);
  const before: number[] = [];
  const during: number[] = [];
  const after: number[] = [];
  const gcDuring: number[] = [];
  const behindOther: number[] = [];
  const behindTransaction: number[] = [];
  const alone: number[] = [];
  for (const [start, end] of windows) {
    const mine = health.filter((t) => t.posted >= start && t.posted <= end);
    const from = Math.min(...mine.map((t) => t.posted));
    const to = Math.max(...mine.map((t) => t.replied));
    (other.some((t) => t.received < to && t.replied > from) ? behindOther : alone).push(end - start);
    if (spans.some(([b, e]) => b < to && e > from)) behindTransaction.push(end - start);
    gcDuring.push(gcs.filter(([at, d]) => at + d >= start && at <= end).reduce((sum, [at, d]) => sum + Math.min(end, at + d) - Math.max(start, at), 0));
    if (mine.length === 0) continue;
    const first = Math.min(...mine.map((t) => t.posted));
    const last = Math.max(...mine.map((t) => t.handled));
    before.push(first - start);
    during.push(last - first);
    after.push(end - last);
  }
  return {
    beforeMs: latency(before),
    statementsMs: latency(during),
    afterMs: latency(after),
    queueMs: latency(health.map((t) => t.received - t.posted)),
    workerMs: latency(health.map((t) => t.replied - t.received)),
    replyMs: latency(health.map((t) => t.handled - t.replied)),
    otherStatements: other.length,
    otherWorkerMs: latency(other.map((t) => t.replied - t.received)),
    gcDuringHealthMs: latency(gcDuring),
    gcPauses: gcs.length,
    gcTotalMs: round(gcs.reduce((sum, [, d]) => sum + d, 0)),
    gcMaxMs: round(Math.max(0, ...gcs.map(([, d]) => d))),
    behindOtherMs: latency(behindOther),
    behindTransactionMs: latency(behindTransaction),
    transactions: spans.length,
    transactionMs: latency(spans.map(([b, e]) => e - b)),
    aloneMs: latency(alone),
    slowestOther: [...other]
      .sort((a, b) => b.replied - b.received - (a.replied - a.received))
      .slice(0, 8)
      .map((t) => `${round(t.replied - t.received)} ms: ${t.sql.replace(/\s+/g, ' ').slice(0, 100)}`),
  };
}

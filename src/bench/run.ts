import type { PGlite } from '@electric-sql/pglite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { loadConfig } from '../config/config';
import { syntheticHistory } from '../demo/synthetic-history';
import { openStorage } from '../storage/storage';
import { durableAppendCost } from './durable-append';
import { exportFollowUpsCsv } from './export';
import { rawInsertPglite, rawInsertPostgres } from './raw-insert';
import { casesInLog, loadHistory, rebuild, reads, sequentialRead } from './replay';
import { startupTimes, stopStartupChildren } from './startup';
import { storeAppend } from './store-append';
import { profiled } from './profiler';
import { anonymousLoad, type AnonymousLoadResult } from './anonymous-load';
import { targetRows } from './issue-targets';
import { PhaseLog, say } from './phases';
import { printTable } from './report';
import { round, RssSampler, type Counter } from './stats';
import { BENCH_MASTER_KEY, embeddedTarget, postgresTarget, type BenchTarget } from './targets';
import { caseScripts, caseScriptStream } from './workload';
import { options, USAGE, type Options } from './options';
import { breakdownLines } from './write-breakdown';
import { threadTimeLines } from './thread-time';
import { serverCpuMeter } from './server-cpu';
import { commandBusWrites, graphqlWrites, startBenchNetra, steadyWrites, type SteadyResult } from './write-path';

/**
 * `npm run bench [-- --quick] [--stores=embedded,postgres] [--replay-cases=N]`: Netra's write path,
 * projection lag, anonymous figures under load, replay and reads on each store, each beside the limit
 * of that store measured in the same run. Prints each phase as it ends, then a table and issue 17's
 * targets met or missed, and writes bench-results/<timestamp>.json (…-partial.json when stopped).
 */

const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const lat = (l: { p50: number; p99: number }) => `p50 ${n(l.p50, 1)} ms, p99 ${n(l.p99, 1)} ms`;
/** Where /health's time goes under the anonymous load: the probes' own thread, the server's handler, each thread's event-loop delay. */
const loadDetail = (a: AnonymousLoadResult) =>
  `/health/live ${lat(a.liveUnderLoadMs)}; /health from a prober thread ${lat(a.probeThreadHealthMs)}; /health on the server ${lat(a.healthServerMs)} with p50 ${n(a.answersAheadOfHealth.p50)}, p99 ${n(a.answersAheadOfHealth.p99)} anonymous answers written meanwhile; checkpoint wait per request ${lat(a.checkpointWaitMs)} (${n(a.checkpointReads)} distinct reads for ${n(a.checkpointWaitMs.count)} requests); event-loop delay p99 server ${n(a.serverLoopDelayMs.p99, 1)} ms (max ${n(a.serverLoopDelayMs.max, 1)}), load thread ${n(a.clientLoopDelayMs.p99, 1)} ms (max ${n(a.clientLoopDelayMs.max, 1)})${a.healthSplit ? `; /health on the server split: before its statements ${lat(a.healthSplit.beforeMs)}, statements ${lat(a.healthSplit.statementsMs)}, after ${lat(a.healthSplit.afterMs)}; each statement: PGlite queue ${lat(a.healthSplit.queueMs)}, on the PGlite thread ${lat(a.healthSplit.workerMs)}, answer waiting for the server's thread ${lat(a.healthSplit.replyMs)}; other statements on the PGlite thread ${n(a.healthSplit.otherStatements)} (${lat(a.healthSplit.otherWorkerMs)}); GC ${n(a.healthSplit.gcPauses)} pauses, ${n(a.healthSplit.gcTotalMs, 1)} ms in all, max ${n(a.healthSplit.gcMaxMs, 1)} ms, during a /health ${lat(a.healthSplit.gcDuringHealthMs)}; /health sharing the PGlite thread with another statement ${lat(a.healthSplit.behindOtherMs)} (${n(a.healthSplit.behindOtherMs.count)}), alone ${lat(a.healthSplit.aloneMs)} (${n(a.healthSplit.aloneMs.count)}); /health overlapping one of the ${n(a.healthSplit.transactions)} transactions on the PGlite thread (${lat(a.healthSplit.transactionMs)} from begin to end) ${lat(a.healthSplit.behindTransactionMs)} (${n(a.healthSplit.behindTransactionMs.count)})` : ''}`;
/** The workload's cases from number `from` on, as many as a phase takes (the steady phase's come after both write phases'). */
function* casesFrom(from: number) {
  for (const script of caseScriptStream(2024)) if (script.n >= from) yield script;
}
const cpuLine = (c: { process: number; mainThread: number | null; server?: number | null }) =>
  `CPU ${n(c.process, 2)} ms all threads${c.mainThread === null ? '' : `, ${n(c.mainThread, 2)} ms main thread`}${c.server == null ? '' : `, ${n(c.server, 2)} ms PostgreSQL's backends`}`;

async function benchStore(target: BenchTarget, o: Options, log: PhaseLog, result: Record<string, unknown>) {
  const peakRssMiB: Record<string, number> = {};
  result.peakRssMiB = peakRssMiB;
  const said = new Set<string>();
  /** Each of issue 17's targets once, as soon as the phases it needs have run. */
  const targetsSoFar = () => {
    for (const t of targetRows(result)) if (!said.has(t.id)) say(`  target: ${t.target} — ${t.measured}: ${t.verdict.toUpperCase()}`), said.add(t.id);
  };
  /** Runs a phase (unless --phases leaves it out); `keep` files its figures in the result before the targets are judged. */
  const phase = async <T>(name: string, work: (progress: Counter) => Promise<T>, line: (r: T) => string, unit?: string, keep?: (r: T) => void): Promise<T | undefined> => {
    if (o.phases && !o.phases.has(name) && name !== 'start' && !(name === 'rebuildProjection' && o.phases.has('rebuild'))) return undefined;
    const r = await log.run(target.name, name, peakRssMiB, work, line, unit);
    keep?.(r);
    targetsSoFar();
    return r;
  };
  const { app, storage, graphql } = (await phase('start', () => startBenchNetra(target), () => 'Netra started'))!;
  try {
    const payload = JSON.stringify(syntheticHistory(1).next().value!.events[0]);
    const client = (storage.readDb as unknown as { $client: Pool | PGlite }).$client;
    // First, so that each write phase's ratio to it is judged as soon as that phase ends.
    await phase(
      'rawInsert',
      async () =>
        target.name === 'postgres'
          ? [await rawInsertPostgres(client as Pool, payload, o.rawOperations, 1), await rawInsertPostgres(client as Pool, payload, o.rawOperations, o.clients)]
          : [await rawInsertPglite(client as PGlite, payload, o.rawOperations)],
      (r) => r.map((x) => `${n(x.perSecond)} insert+commit/s on ${x.concurrency} connection(s)`).join(', '),
      '',
      (r) => (result.rawInsert = r),
    );
    if (target.name === 'postgres') {
      await phase(
        'storeAppend',
        (progress) => storeAppend(client as Pool, target.url!, payload, o.rawOperations, 8, progress),
        (r) =>
          `Netra ${n(r.perSecond)} appends/s from ${r.clients} writers (${lat(r.latencyMs)}) = ${r.ratio}× raw ${n(r.raw.perSecond)}/s on ${r.clients} connections; ` +
          ('failed' in r.peer ? `${r.peer.store} failed: ${r.peer.failed}` : `${r.peer.store} ${n(r.peer.perSecond)} appends/s (${lat(r.peer.latencyMs)}) = ${r.peer.ratio}× raw`),
        'appends',
        (r) => (result.storeAppend = r),
      );
    }
    const scripts = caseScripts(0, o.writeCases);
    await phase(
      'commandBus',
      async (progress) => {
        const server = target.name === 'postgres' ? await serverCpuMeter(client as Pool, new URL(target.url!).pathname.slice(1)) : null;
        const measured = await profiled(o.profile, `${target.name}-commandBus`, () => commandBusWrites(app, scripts, o.clients, progress, o.breakdown));
        // PostgreSQL's backends on the bench's database, the projection's work behind the last append included.
        if (server) measured.write.cpuMsPerCommand.server = await server(measured.write.commands);
        result.commandBus = measured.write;
        result.projectionLagMs = measured.lag;
        if (measured.steps) (result.commandSteps = measured.steps), say(`${target.name} commandBus, where a command's latency goes:\n${breakdownLines(measured.steps).join('\n')}`);
        if (measured.threadRows?.length) (result.commandThreadTime = measured.threadRows), say(`${target.name} commandBus, the embedded database's thread per command:\n${threadTimeLines(measured.threadRows).join('\n')}`);
        return measured;
      },
      (m) => `${n(m.write.perSecond)} cmd/s (${m.write.commands} commands; ${lat(m.write.latencyMs)}; ${cpuLine(m.write.cpuMsPerCommand)} per command); projection lag ${lat(m.lag)}`,
      'commands',
    );
    await phase(
      'steadyLag',
      async (progress) => {
        const rate = o.steadyRate ?? Math.max(1, Math.round(((result.commandBus as { perSecond?: number } | undefined)?.perSecond ?? 100) / 2));
        const steady = await profiled(o.profile, `${target.name}-steadyLag`, () => steadyWrites(app, casesFrom(2 * o.writeCases), rate, o.steadySeconds, progress, 64, o.lagTrace));
        result.steadyLag = steady;
        return steady;
      },
      (m: SteadyResult) => `${n(m.write.perSecond)} cmd/s sent at a steady ${n(m.targetPerSecond)}/s (${m.write.commands} commands; ${lat(m.write.latencyMs)}); projection lag ${lat(m.lag)}, ${cpuLine(m.write.cpuMsPerCommand)} per command${m.traceLines ? `\n${m.traceLines.join('\n')}` : ''}`,
      'commands',
    );
    const more = caseScripts(o.writeCases, o.writeCases);
    await phase(
      'graphql',
      (progress) => profiled(o.profile, `${target.name}-graphql`, () => graphqlWrites(graphql, more, o.clients, progress, o.graphqlSelection)),
      (w) =>
        `${n(w.perSecond)} mutations/s (${w.commands}, ${o.graphqlSelection} selection; ${lat(w.latencyMs)}; ${cpuLine(w.cpuMsPerCommand)} (the server's)${w.clientCpuMsPerCommand == null ? '' : `, ${n(w.clientCpuMsPerCommand, 2)} ms the clients' thread`} per mutation)`,
      'mutations',
      (w) => (result.graphql = w),
    );
    await phase(
      'anonymousLoad',
      (progress) => profiled(o.profile, `${target.name}-anonymousLoad`, () => anonymousLoad(app, { seconds: o.anonymousSeconds, clients: o.anonymousClients, cases: 2 * o.writeCases }, progress)),
      (a) => `${n(a.perSecond)} req/s from ${a.clients} clients (${a.computations} computations, ${n(a.notModified)} × 304; server thread busy ${Math.round(a.serverBusy * 100)} %${a.serverCpuMsPerAnswer === null ? '' : `, ${a.serverCpuMsPerAnswer} ms of its CPU per answer = ${n(a.answersPerServerCpuSecond ?? 0)} answers per CPU second`}); /health ${lat(a.healthUnderLoadMs)} (idle ${lat(a.healthIdleMs)}); ${loadDetail(a)}`,
      'answers',
      (a) => (result.anonymousLoad = a),
    );
    await phase(
      'anonymousWorst',
      (progress) => profiled(o.profile, `${target.name}-anonymousWorst`, () => anonymousLoad(app, { seconds: o.anonymousSeconds, clients: o.worstClients, cases: 2 * o.writeCases, worst: true }, progress)),
      (a) => `${a.clients} clients asking the most expensive anonymous question, never cached: ${n(a.perSecond)} req/s (${a.computations} summaries computed; server thread busy ${Math.round(a.serverBusy * 100)} %); /health ${lat(a.healthUnderLoadMs)} (idle ${lat(a.healthIdleMs)})`,
      'answers',
      (a) => (result.anonymousWorst = a),
    );
  } finally {
    await app.close();
  }
  // After Netra is closed: it opens two embedded databases of its own, which beside Netra's would be counted in Netra's peak RSS.
  if (target.name === 'embedded') {
    await phase('durableAppend', () => durableAppendCost(o.rawOperations), (r) => r.map((d) => `sync ${d.sync}: ${n(d.perSecond)} appends/s`).join(', '), '', (r) => (result.durableAppend = r));
  }
  const replayStorage = await openStorage(loadConfig({ ...target.env, NETRA_MASTER_KEY: BENCH_MASTER_KEY, AUTH_DEV_SECRET: 'x'.repeat(40) }));
  try {
    const extra = Math.max(0, o.replayCases - 2 * o.writeCases);
    const storage = replayStorage;
    if (extra > 0) {
      await phase('load', (progress) => loadHistory(storage, extra, o.loadConcurrency ?? (target.name === 'postgres' ? 256 : 1), progress), (l) => `${n(l.cases)} cases, ${n(l.events)} events at ${n(l.eventsPerSecond)} events/s`, 'cases', (l) => (result.load = l));
    }
    const events = Number(await storage.store.headPosition());
    result.history = { cases: await casesInLog(storage, target, 2 * o.writeCases + extra), events };
    await phase('sequentialRead', (progress) => sequentialRead(storage, progress), (r) => `readAll ${n(r.events)} events at ${n(r.eventsPerSecond)} events/s`, 'events', (r) => (result.sequentialRead = r));
    if (o.rebuild !== 'bulk') {
      await phase(
        'rebuildProjection',
        (progress) => profiled(o.profile, `${target.name}-rebuildProjection`, () => rebuild(storage, target, events, 'projection', progress)),
        (r) => `old path (live projection's runner from 0): ${n(r.eventsPerSecond)} events/s (${n(r.seconds, 1)} s)`,
        '',
        (r) => (result[o.rebuild === 'both' ? 'rebuildProjection' : 'rebuild'] = { ...r, method: 'projection' }),
      );
    }
    if (o.rebuild !== 'projection') {
      await phase(
        'rebuild',
        (progress) => profiled(o.profile, `${target.name}-rebuild`, () => rebuild(storage, target, events, 'bulk', progress)),
        (r) => `bulk: ${n(r.eventsPerSecond)} events/s (${n(r.seconds, 1)} s)`,
        'events',
        (r) => (result.rebuild = { ...r, method: 'bulk' }),
      );
    }
    await phase(
      'reads',
      (progress) => reads(storage, o.readIterations, progress),
      (r) => `${n(r.readModelCases)} cases in the read model${r.readModelCases < extra ? ` (this run loaded ${n(extra)} into the log: add the rebuild phase)` : ''}: summary p95 ${n(r.summaryOverallMs.p95, 1)} ms, by region ${n(r.summaryByRegionMs.p95, 1)} ms, as of ${n(r.summaryAsOfMs.p95, 1)} ms (its day's checkpoint, and the ladder's, made in ${n(r.asOfCheckpointMs / 1000, 1)} s first); followUps page ${n(r.followUpsPageMs.p95, 1)} ms, for a regional unit ${n(r.followUpsRegionalPageMs.p95, 1)} ms; first as-of question of a new day ${n(r.summaryAsOfNewDayMs.p95, 1)} ms (next to one asked), ${n(r.summaryAsOfFarDayMs.p95, 1)} ms (days 9 days apart, a week or more from any asked)`,
      'queries',
      (r) => (result.reads = r),
    );
    await phase('export', () => exportFollowUpsCsv(storage), (e) => `${n(e.rows)} rows at ${n(e.rowsPerSecond)} rows/s`, '', (e) => (result.export = e));
  } finally {
    await replayStorage.close();
  }
  return result;
}

/** The run so far: what a stop (Ctrl-C, SIGTERM) writes and prints. */
interface Run {
  report: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  log: PhaseLog;
  target: BenchTarget | null;
}

function finish(run: Run, started: number): string {
  const { report } = run;
  report.machine.loadAverageAtEnd = loadavg().map((l) => round(l));
  report.seconds = round((Date.now() - started) / 1000, 1);
  printTable(report);
  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', `${String(report.startedAt).replace(/[:.]/g, '-')}${report.interrupted ? '-partial' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** On the first SIGINT/SIGTERM: the partial results file and the tables so far, the throwaway database dropped; a second signal exits at once. */
function keepWhatWasMeasured(run: Run, started: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    run.report.interrupted = { signal, phase: run.log.current };
    const file = finish(run, started);
    say(`\nstopped by ${signal} during ${run.log.current}; what was measured is in ${file}`);
    stopStartupChildren();
    const dispose = run.target?.dispose().catch(() => undefined) ?? Promise.resolve();
    void Promise.race([dispose, new Promise((r) => setTimeout(r, 5000))]).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const o = options(process.argv.slice(2));
  const started = Date.now();
  const rss = new RssSampler();
  const log = new PhaseLog(rss, o.quick ? 5 : 10);
  const stores: Array<Record<string, unknown>> = [];
  const run: Run = {
    log,
    target: null,
    report: {
      startedAt: new Date(started).toISOString(),
      mode: o.quick ? 'quick' : 'full',
      options: { ...o, postgresUrl: undefined },
      machine: { cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, loadAverageAtStart: loadavg().map((l) => round(l)) },
      stores,
    },
  };
  keepWhatWasMeasured(run, started);
  say(`Netra bench (${run.report.mode}): ${run.report.machine.cores} cores, load ${run.report.machine.loadAverageAtStart.join(' ')}; each phase prints as it ends`);
  if (!o.phases || o.phases.has('startup')) {
    log.current = 'start-up';
    const startup = await startupTimes();
    run.report.startup = startup;
    say(
      `start-up on the embedded store: first ${startup.firstStartSeconds} s (with the demo cases), second ${startup.secondStartSeconds} s ` +
        `(node dist/main.js on Node ${startup.node}${startup.secondStartMainThreadCpuSeconds === null ? '' : `; CPU ${startup.secondStartMainThreadCpuSeconds} s on its main thread, ${startup.secondStartAllThreadsCpuSeconds} s on all threads`}), ` +
        `${startup.secondNpmStartSeconds} s with npm start: target < ${startup.targetSeconds} s ${startup.met ? 'met' : 'missed'}`,
    );
  }
  for (const name of o.stores) {
    const target = name === 'postgres' ? await postgresTarget(o.postgresUrl, { keep: o.keep, existing: o.database }).catch((error: Error) => ({ skipped: error.message })) : embeddedTarget();
    if ('skipped' in target) {
      stores.push({ store: name, skipped: `no PostgreSQL at ${o.postgresUrl}: ${target.skipped}` });
      say(`${name}: skipped, no PostgreSQL at ${o.postgresUrl}`);
      continue;
    }
    run.target = target;
    if (target.kept) say(`${name}: database ${target.kept} is kept (measure it again with --database=${target.kept}; drop it with DROP DATABASE ${target.kept})`);
    const result: Record<string, unknown> = { store: target.name };
    stores.push(result);
    try {
      await benchStore(target, o, log, result);
    } finally {
      run.target = null;
      await target.dispose();
    }
  }
  rss.stop();
  log.current = 'the end';
  const file = finish(run, started);
  say(`\nwritten to ${file} in ${run.report.seconds} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

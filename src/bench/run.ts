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
import { loadHistory, rebuild, reads, sequentialRead } from './replay';
import { startupTimes } from './startup';
import { profiled } from './profiler';
import { printTable } from './report';
import { round, RssSampler } from './stats';
import { BENCH_MASTER_KEY, embeddedTarget, postgresTarget, type BenchTarget } from './targets';
import { caseScripts } from './workload';
import { commandBusWrites, graphqlWrites, startBenchNetra } from './write-path';

/**
 * `npm run bench [-- --quick] [--stores=embedded,postgres] [--replay-cases=N]`: Netra's write path,
 * projection lag, replay and reads on each store, each beside the limit of that store measured in
 * the same run. Prints a table and writes bench-results/<timestamp>.json.
 */

interface Options {
  quick: boolean;
  stores: string[];
  writeCases: number;
  replayCases: number;
  clients: number;
  rawOperations: number;
  readIterations: number;
  postgresUrl: string;
  /** Write a CPU profile of the CommandBus, GraphQL and rebuild phases (bench-results/<store>-<phase>.cpuprofile). */
  profile: boolean;
}

function options(argv: string[]): Options {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  return {
    quick,
    stores: (arg('stores') ?? 'embedded,postgres').split(','),
    // Half the cases through the CommandBus, half through GraphQL: 2,000 cases in all (Pilkada-sized).
    writeCases: Number(arg('write-cases') ?? (quick ? 150 : 1000)),
    replayCases: Number(arg('replay-cases') ?? (quick ? 300 : 20_000)),
    clients: Number(arg('clients') ?? 4),
    rawOperations: Number(arg('raw-operations') ?? (quick ? 200 : 2000)),
    readIterations: Number(arg('read-iterations') ?? (quick ? 20 : 100)),
    profile: argv.includes('--profile'),
    postgresUrl: arg('postgres') ?? process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

async function benchStore(target: BenchTarget, o: Options, rss: RssSampler) {
  const result: Record<string, unknown> = { store: target.name };
  const peakRssMiB: Record<string, number> = {};
  rss.phase();
  const { app, storage, graphql } = await startBenchNetra(target);
  peakRssMiB.start = rss.phase();
  try {
    const scripts = caseScripts(0, o.writeCases);
    const { write, lag } = await profiled(o.profile, `${target.name}-commandBus`, () => commandBusWrites(app, scripts, o.clients));
    result.commandBus = write;
    result.projectionLagMs = lag;
    peakRssMiB.commandBus = rss.phase();
    const more = caseScripts(o.writeCases, o.writeCases);
    result.graphql = await profiled(o.profile, `${target.name}-graphql`, () => graphqlWrites(graphql, more, o.clients));
    peakRssMiB.graphql = rss.phase();
    const payload = JSON.stringify(syntheticHistory(1).next().value!.events[0]);
    const client = (storage.readDb as unknown as { $client: Pool | PGlite }).$client;
    result.rawInsert =
      target.name === 'postgres'
        ? [await rawInsertPostgres(client as Pool, payload, o.rawOperations, 1), await rawInsertPostgres(client as Pool, payload, o.rawOperations, o.clients)]
        : [await rawInsertPglite(client as PGlite, payload, o.rawOperations)];
    peakRssMiB.rawInsert = rss.phase();
    if (target.name === 'embedded') result.durableAppend = await durableAppendCost(o.rawOperations);
  } finally {
    await app.close();
  }
  const replayStorage = await openStorage(loadConfig({ ...target.env, NETRA_MASTER_KEY: BENCH_MASTER_KEY, AUTH_DEV_SECRET: 'x'.repeat(40) }));
  try {
    const extra = Math.max(0, o.replayCases - 2 * o.writeCases);
    const storage = replayStorage;
    if (extra > 0) result.load = await loadHistory(storage, extra, target.name === 'postgres' ? o.clients : 1);
    peakRssMiB.load = rss.phase();
    const events = Number(await storage.store.headPosition());
    result.history = { cases: 2 * o.writeCases + extra, events };
    result.sequentialRead = await sequentialRead(storage);
    peakRssMiB.sequentialRead = rss.phase();
    result.rebuild = await profiled(o.profile, `${target.name}-rebuild`, () => rebuild(storage, target, events));
    peakRssMiB.rebuild = rss.phase();
    result.reads = await reads(storage, o.readIterations);
    peakRssMiB.reads = rss.phase();
    result.export = await exportFollowUpsCsv(storage);
    peakRssMiB.export = rss.phase();
  } finally {
    await replayStorage.close();
  }
  result.peakRssMiB = peakRssMiB;
  return result;
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const started = Date.now();
  const rss = new RssSampler();
  const machine = { cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, loadAverageAtStart: loadavg().map((l) => round(l)) };
  const startup = await startupTimes();
  process.stdout.write(
    `start-up on the embedded store: first ${startup.firstStartSeconds} s (with the demo cases), second ${startup.secondStartSeconds} s ` +
      `(node dist/main.js), ${startup.secondNpmStartSeconds} s with npm start: target < ${startup.targetSeconds} s ${startup.met ? 'met' : 'missed'}\n`,
  );
  const stores: Array<Record<string, unknown>> = [];
  for (const name of o.stores) {
    const target = name === 'postgres' ? await postgresTarget(o.postgresUrl).catch((error: Error) => ({ skipped: error.message })) : embeddedTarget();
    if ('skipped' in target) {
      stores.push({ store: name, skipped: `no PostgreSQL at ${o.postgresUrl}: ${target.skipped}` });
      continue;
    }
    try {
      stores.push(await benchStore(target, o, rss));
    } finally {
      await target.dispose();
    }
  }
  rss.stop();
  const report = {
    startedAt: new Date(started).toISOString(),
    mode: o.quick ? 'quick' : 'full',
    options: { ...o, postgresUrl: undefined },
    machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => round(l)) },
    seconds: round((Date.now() - started) / 1000, 1),
    startup,
    stores,
  };
  printTable(report);
  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${file} in ${report.seconds} s\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

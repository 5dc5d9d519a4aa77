/**
 * `npm run soak -- --kills N --store embedded|postgres`: SIGKILL under load, N times, on one store.
 * Each round starts the built server (dist/main.js) on the same store, lets three writers report and
 * study cases with commandIds, and kills it with SIGKILL at a random moment. At the end a last start
 * must show every acknowledged command (a case reported, a study recorded), and the read model must
 * equal a full replay of the log. Prints acknowledged / lost / mismatches; exits 1 on any loss.
 * The postgres store needs PG_TEST_URL (or DATABASE_URL); it runs in a throwaway database.
 */
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { ProjectionRunner } from '../../src/oversight/projection/projection-runner';
import { openPgliteReadDb } from '../../src/oversight/read-model/open-read-db';
import type { ReadDb } from '../../src/storage/read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { KeyStore } from '../../src/privacy/key-store';
import { resolveMasterKey } from '../../src/privacy/master-key';
import { aLaporan, GET_CASE, RECORD_STUDY, REPORT_CASE, type CaseResult } from '../e2e/fixtures';
import { spawnNetra } from '../support/netra-process';
import { createThrowawayDatabase, POSTGRES_URL } from '../support/throwaway-database';
import { bawaslu, compareWithRebuild, FAULT_MASTER_KEY } from './fault-load';

interface Options {
  kills: number;
  store: 'embedded' | 'postgres';
}

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const kills = Number(value('--kills') ?? '10');
  if (!Number.isInteger(kills) || kills < 1 || kills > 10_000) fail('--kills must be a whole number 1–10000');
  const store = value('--store') ?? 'embedded';
  if (store !== 'embedded' && store !== 'postgres') fail('--store must be embedded or postgres');
  if (store === 'postgres' && !POSTGRES_URL) fail('--store postgres needs PG_TEST_URL (or DATABASE_URL) naming a PostgreSQL server');
  return { kills, store };
}

function fail(message: string): never {
  process.stderr.write(`soak: ${message}\n`);
  process.exit(2);
}

/** A start after SIGKILL recovers the embedded database first; on a shared, loaded machine that can take a minute. */
const START_TIMEOUT_MS = 300_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What was acknowledged per case: reported, and whether the study was acknowledged too. */
type Acknowledged = Map<string, { studied: boolean }>;

async function round(env: Record<string, string>, acknowledged: Acknowledged): Promise<number> {
  const netra = await spawnNetra(env, undefined, START_TIMEOUT_MS);
  const client = await bawaslu(netra.url);
  let writing = true;
  let acks = 0;
  const writer = async () => {
    while (writing) {
      try {
        const commandId = `soak-${randomUUID()}`;
        const { reportCase } = await client.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan({ commandId }) });
        const entry = { studied: false };
        acknowledged.set(reportCase.id, entry);
        acks++;
        await client.request(RECORD_STUDY, {
          input: {
            commandId: `${commandId}-study`,
            caseId: reportCase.id,
            studiedAt: '2024-09-30T10:00:00+07:00',
            findings: [
              { respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] },
              { respondentId: 'R2', outcome: 'NO_VIOLATION' },
            ],
          },
        });
        entry.studied = true;
        acks++;
      } catch {
        return; // killed under us: what was in flight was never acknowledged
      }
    }
  };
  const writers = [writer(), writer(), writer()];
  // Killed 0.3–1.5 s after the first acknowledgement (a loaded machine can take seconds to answer the first one).
  for (const giveUp = Date.now() + 20_000; acks === 0 && Date.now() < giveUp; ) await sleep(50);
  await sleep(300 + Math.random() * 1200);
  netra.child.kill('SIGKILL');
  writing = false;
  await Promise.all(writers);
  await netra.exited;
  return acks;
}

async function check(env: Record<string, string>, acknowledged: Acknowledged): Promise<{ lost: string[]; mismatches: string[] }> {
  const netra = await spawnNetra(env, undefined, START_TIMEOUT_MS);
  const client = await bawaslu(netra.url);
  const lost: string[] = [];
  const mismatches: string[] = [];
  const ids = [...acknowledged.keys()];
  const worker = async () => {
    for (let id = ids.pop(); id !== undefined; id = ids.pop()) {
      const { case: found } = await client.request<{ case: CaseResult | null }>(GET_CASE, { id });
      if (!found) lost.push(`${id}: reported, not found`);
      else if (acknowledged.get(id)!.studied && found.stage !== 'STUDIED') lost.push(`${id}: study acknowledged, case at ${found.stage}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  netra.child.kill('SIGTERM');
  if ((await netra.exited) !== 0) mismatches.push('the last start did not stop cleanly on SIGTERM');
  return { lost, mismatches };
}

/** Table by table, the rows that differ between the read model and a full replay of the log. */
function differences(live: Record<string, string[]>, rebuilt: Record<string, string[]>): string[] {
  return Object.keys(rebuilt).flatMap((table) => {
    const a = new Set(live[table]);
    const b = new Set(rebuilt[table]);
    const differ = [...a].filter((row) => !b.has(row)).length + [...b].filter((row) => !a.has(row)).length;
    return differ > 0 ? [`${table}: ${differ} rows differ from a full replay`] : [];
  });
}

async function embeddedReplay(dir: string): Promise<string[]> {
  let disk: PGlite | null = null;
  let spare: PGlite | null = null;
  try {
    disk = await openPglite(dir);
    const live = await dumpReadModel(await openPgliteReadDb(disk));
    spare = await openPglite('memory:');
    const rebuilt = await openPgliteReadDb(spare);
    const keys = new KeyStore(drizzle(disk) as unknown as ReadDb, resolveMasterKey(null, dir, false).key);
    const runner = new ProjectionRunner(new PgliteEventStore(disk), rebuilt, { keys });
    await runner.start();
    await runner.stop();
    return differences(live, await dumpReadModel(rebuilt));
  } finally {
    await disk?.close();
    await spare?.close();
  }
}

async function main(): Promise<void> {
  const { kills, store } = options(process.argv.slice(2));
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'netra-soak-'));
  const database = store === 'postgres' ? await createThrowawayDatabase(2) : null;
  // DATABASE_URL emptied: the embedded run keeps its read model on disk even when the shell names a server.
  const env: Record<string, string> = database
    ? { EVENT_STORE_URL: database.url, NETRA_MASTER_KEY: FAULT_MASTER_KEY, DATABASE_URL: '' }
    : { EVENT_STORE_URL: `file:${dir}`, DATABASE_URL: '' };
  const acknowledged: Acknowledged = new Map();
  let commands = 0;
  try {
    for (let kill = 1; kill <= kills; kill++) {
      commands += await round(env, acknowledged);
      if (kill % 5 === 0 || kill === kills) process.stdout.write(`soak ${store}: ${kill}/${kills} kills, ${commands} commands acknowledged\n`);
    }
    const { lost, mismatches } = await check(env, acknowledged);
    if (database) {
      const { live, rebuilt } = await compareWithRebuild(database.url);
      mismatches.push(...differences(live, rebuilt));
    } else {
      mismatches.push(...(await embeddedReplay(dir)));
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(
      `soak ${store}: ${kills} SIGKILLs under load in ${seconds} s — acknowledged ${commands} commands on ${acknowledged.size} cases, lost ${lost.length}, mismatches ${mismatches.length}\n`,
    );
    for (const line of [...lost, ...mismatches].slice(0, 20)) process.stdout.write(`  ${line}\n`);
    process.exitCode = lost.length + mismatches.length > 0 ? 1 : 0;
  } finally {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`soak: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

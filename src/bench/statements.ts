import { Client } from 'pg';
import { RssSampler } from './stats';
import { postgresTarget } from './targets';
import { caseScripts } from './workload';
import { commandBusWrites, startBenchNetra } from './write-path';
import { openStorage } from '../storage/storage';
import { loadConfig } from '../config/config';
import { BENCH_MASTER_KEY } from './targets';
import { rebuild } from './replay';

/**
 * `node dist/bench/statements.js [cases]`: on PostgreSQL, every statement Netra sends during the
 * CommandBus write path and during a rebuild, counted and timed (client side, send → result) by its
 * SQL text: where the round trips of a command and of a replayed event go. Queries issued with a
 * callback (pg's `pool.query` path: the stream load, the append, the retry check) are timed through
 * their callback. `--no-rebuild`: the write path only.
 */

interface Tally { count: number; ms: number }
const tallies = new Map<string, Tally>();
let recording = false;

const original = Client.prototype.query as (...args: unknown[]) => unknown;
(Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '?';
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  const t0 = performance.now();
  // pg's pool.query passes a callback (the last argument) and gets no promise: time it through the callback.
  const callback = args.length > 1 && typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as (...a: unknown[]) => unknown) : null;
  if (recording && callback) {
    args[args.length - 1] = (...a: unknown[]) => {
      tally(key, performance.now() - t0);
      return callback(...a);
    };
  }
  const result = original.apply(this, args);
  if (recording && result instanceof Promise) {
    void result.then(
      () => tally(key, performance.now() - t0),
      () => tally(key, performance.now() - t0),
    );
  }
  return result;
};

function tally(key: string, ms: number) {
  const t = tallies.get(key) ?? { count: 0, ms: 0 };
  t.count++;
  t.ms += ms;
  tallies.set(key, t);
}

function print(title: string, per: number, unit: string) {
  const rows = [...tallies.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const count = rows.reduce((s, [, t]) => s + t.count, 0);
  const ms = rows.reduce((s, [, t]) => s + t.ms, 0);
  process.stdout.write(`\n${title}: ${(count / per).toFixed(1)} statements per ${unit}, ${(ms / per).toFixed(2)} ms of statement time per ${unit}\n`);
  for (const [key, t] of rows.slice(0, 18)) {
    process.stdout.write(`${(t.count / per).toFixed(2).padStart(6)}/${unit}  ${(t.ms / t.count).toFixed(2).padStart(6)} ms avg  ${key}\n`);
  }
  tallies.clear();
}

async function main() {
  const cases = Number(process.argv[2] ?? 200);
  const target = await postgresTarget(process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const rss = new RssSampler();
  try {
    const { app } = await startBenchNetra(target);
    const scripts = caseScripts(0, cases);
    const commands = scripts.reduce((s, c) => s + c.commands.length, 0);
    recording = true;
    const { write } = await commandBusWrites(app, scripts, 4);
    recording = false;
    print(`CommandBus, ${commands} commands at ${write.perSecond.toFixed(0)}/s (write side and the projection it feeds)`, commands, 'command');
    await app.close();
    if (process.argv.includes('--no-rebuild')) return;
    const storage = await openStorage(loadConfig({ ...target.env, NETRA_MASTER_KEY: BENCH_MASTER_KEY }));
    const events = Number(await storage.store.headPosition());
    recording = true;
    await rebuild(storage, target, events);
    recording = false;
    print(`rebuild of ${events} events`, events, 'event');
    await storage.close();
  } finally {
    rss.stop();
    await target.dispose();
  }
}

void main().then(() => process.exit(0), (error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});

import type { GraphqlSelection } from './console-selection';

/** The bench's command line (`npm run bench -- --quick --stores=postgres …`), parsed. */
export interface Options {
  quick: boolean;
  stores: string[];
  writeCases: number;
  replayCases: number;
  clients: number;
  rawOperations: number;
  readIterations: number;
  /** `--phases=graphql,anonymousLoad`: run only these phases (and what they need: start, the history); all when absent. */
  phases: Set<string> | null;
  /** The anonymous-load phase: how long, and how many concurrent anonymous clients. */
  anonymousSeconds: number;
  anonymousClients: number;
  /** The worst-case anonymous phase: clients sending the most expensive anonymous question (issue 13: 20). */
  worstClients: number;
  postgresUrl: string;
  /** `--rebuild=bulk` (default), `projection` (the old replay through the live runner), or `both` (projection first, then bulk: an A/B in one run). */
  rebuild: 'bulk' | 'projection' | 'both';
  /** Appends in flight while loading the replay history (default 256 on PostgreSQL, where they are group-committed; 1 embedded). */
  loadConcurrency: number | null;
  /** The steady-load phase: commands per second (default: half the CommandBus phase's rate in this run) and for how long. */
  steadyRate: number | null;
  steadySeconds: number;
  /** `--lag-trace`: cut the steady phase's lag at each projection batch's marks (lag-timeline.ts). */
  lagTrace: boolean;
  /** `--keep`: the PostgreSQL database is not dropped at the end (its name is printed); `--database=<name>`: run on a database an earlier run kept. */
  keep: boolean;
  database: string | undefined;
  /** Write a CPU profile of the CommandBus, GraphQL and rebuild phases (bench-results/<store>-<phase>.cpuprofile). */
  profile: boolean;
  /** `--graphql-selection=console` (default: what the console asks back from a mutation) or `minimal` (`{ id version }`, the bench before session 10). */
  graphqlSelection: GraphqlSelection;
  /** Break each CommandBus command's latency into its steps (write-timing.ts) and print them after the phase. */
  breakdown: boolean;
}

/** The phases `--phases=` may name, in the order a run takes them. */
export const PHASES = ['rawInsert', 'storeAppend', 'commandBus', 'steadyLag', 'graphql', 'durableAppend', 'load', 'sequentialRead', 'rebuild', 'rebuildProjection', 'reads', 'export', 'anonymousLoad', 'anonymousWorst', 'startup'] as const;
const VALUED = ['stores', 'write-cases', 'replay-cases', 'clients', 'raw-operations', 'read-iterations', 'phases', 'anonymous-seconds', 'anonymous-clients', 'worst-clients', 'graphql-selection', 'steady-rate', 'steady-seconds', 'rebuild', 'load-concurrency', 'postgres', 'database'];
const SWITCHES = ['quick', 'profile', 'lag-trace', 'keep', 'breakdown', 'help'];

export const USAGE = `npm run bench -- [options]   (or: node dist/bench/run.js [options])
  --quick                 CI's smoke: the smallest sizes, nothing judged
  --stores=embedded,postgres
  --phases=<names>        only these phases, comma-separated: ${PHASES.join(', ')}
  --write-cases=N --replay-cases=N --clients=N --raw-operations=N --read-iterations=N
  --anonymous-seconds=N --anonymous-clients=N --worst-clients=N
  --steady-rate=N --steady-seconds=N --lag-trace --breakdown --profile
  --graphql-selection=console|minimal --rebuild=bulk|projection|both --load-concurrency=N
  --postgres=<url> (or PG_BENCH_URL) --keep --database=netra_bench_<10 hex>
  --help                  this text (runs nothing)`;

/** Refuses what the bench would otherwise ignore and then run in full (a typo, or \`--help\` before it existed, started a full run). */
function checkArguments(argv: string[]): void {
  for (const a of argv) {
    const flag = a.slice(2).split('=')[0];
    const valued = a.includes('=');
    if (!a.startsWith('--') || (valued ? !VALUED.includes(flag) : !SWITCHES.includes(flag))) {
      throw new Error(`${a}: not an option of the bench (--help lists them)`);
    }
  }
  const phases = argv.find((a) => a.startsWith('--phases='))?.slice('--phases='.length);
  for (const p of phases ? phases.split(',') : []) {
    if (!(PHASES as readonly string[]).includes(p)) throw new Error(`--phases: no phase named ${JSON.stringify(p)} (phases: ${PHASES.join(', ')})`);
  }
}

/** `--quick` is CI's smoke (every phase runs and prints, nothing is judged): the smallest sizes that still do each phase's work. */
export function options(argv: string[]): Options {
  checkArguments(argv);
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const quick = argv.includes('--quick');
  const database = arg('database');
  if (database !== undefined && !/^netra_bench_[0-9a-f]{10}$/.test(database)) {
    throw new Error(`--database: expected the name of a database a bench run kept (netra_bench_ and 10 hex digits), got ${JSON.stringify(database)}`);
  }
  return {
    quick,
    stores: (arg('stores') ?? 'embedded,postgres').split(','),
    // Half the cases through the CommandBus, half through GraphQL: 2,000 cases in all (Pilkada-sized).
    writeCases: Number(arg('write-cases') ?? (quick ? 50 : 1000)),
    replayCases: Number(arg('replay-cases') ?? (quick ? 150 : 20_000)),
    clients: Number(arg('clients') ?? 4),
    rawOperations: Number(arg('raw-operations') ?? (quick ? 50 : 2000)),
    readIterations: Number(arg('read-iterations') ?? (quick ? 5 : 100)),
    phases: arg('phases') ? new Set(arg('phases')!.split(',')) : null,
    anonymousSeconds: Number(arg('anonymous-seconds') ?? (quick ? 1 : 15)),
    anonymousClients: Number(arg('anonymous-clients') ?? 200),
    worstClients: Number(arg('worst-clients') ?? 20),
    profile: argv.includes('--profile'),
    graphqlSelection: arg('graphql-selection') === 'minimal' ? 'minimal' : 'console',
    lagTrace: argv.includes('--lag-trace'),
    keep: argv.includes('--keep'),
    database,
    breakdown: argv.includes('--breakdown'),
    steadyRate: arg('steady-rate') ? Number(arg('steady-rate')) : null,
    steadySeconds: Number(arg('steady-seconds') ?? (quick ? 3 : 20)),
    rebuild: (arg('rebuild') ?? 'bulk') as Options['rebuild'],
    loadConcurrency: arg('load-concurrency') ? Number(arg('load-concurrency')) : null,
    postgresUrl: arg('postgres') ?? process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listeningUrl, startNetra } from '../bootstrap';
import { loadConfig } from '../config/config';
import { createLogger } from '../observability/logger';

/**
 * `npx ts-node --transpile-only src/bench/anonymous-load.ts [--seconds=30] [--clients=20]`:
 * /health latency while `clients` anonymous clients send, back to back, the most expensive
 * question allowed without a token (every allowed grouping, every figure), on the embedded store
 * loaded with the synthetic Pilkada 2020 history (2,034 persons). The rate limit is lifted for the
 * run, so the figure is the work itself, not the limiter turning clients away.
 */

const BUCKET = `key { regionCode regionName election } total cases byStage { stage count cases } byStatus { status count cases }
  recommended { persons cases } decided { persons cases } actedOn { persons cases } waiting { persons cases }
  overdue overdueCases actedOnRate medianDaysToExecute p90DaysToExecute medianDaysWaiting p90DaysWaiting maxDaysLate suppressed`;
const HEAVIEST = `{ followUpSummary(groupBy: [ELECTION, PROVINCE, REGION]) { smallCellThreshold position overall { ${BUCKET} } buckets { ${BUCKET} } } }`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main(): Promise<void> {
  const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const seconds = arg('seconds', 30);
  const clients = arg('clients', 20);
  const dir = mkdtempSync(join(tmpdir(), 'netra-load-'));
  const config = loadConfig({
    EVENT_STORE_URL: `file:${dir}`,
    NETRA_DEMO: 'pilkada-2020',
    PORT: '0',
    GRPC_PORT: '0',
    OVERDUE_SCAN_SECONDS: '0',
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_DEV_SECRET: 'load-test-secret-load-test-secret-0123',
  });
  const app = await startNetra(config, createLogger('warn'));
  const url = listeningUrl(app);
  try {
    // The demo loads in the background: wait until the figures hold every person.
    for (let total = 0; total < 2034; await new Promise((r) => setTimeout(r, 1000))) {
      const answer = (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HEAVIEST }) })).json()) as {
        data?: { followUpSummary: { overall: { total: number | null } } };
      };
      total = answer.data?.followUpSummary.overall.total ?? 0;
    }
    const health = async (ms: number[]) => {
      const started = performance.now();
      await (await fetch(`${url}/health`)).text();
      ms.push(performance.now() - started);
    };
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) await health(idle);
    let stop = false;
    const answered: number[] = [];
    const load = Array.from({ length: clients }, async () => {
      while (!stop) {
        const started = performance.now();
        const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HEAVIEST }) });
        if (response.status !== 200) throw new Error(`the heaviest anonymous question answered ${response.status}`);
        await response.text();
        answered.push(performance.now() - started);
      }
    });
    const busy: number[] = [];
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      await health(busy);
      await new Promise((r) => setTimeout(r, 50));
    }
    stop = true;
    await Promise.all(load);
    const summary = (ms: number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return { n: sorted.length, p50: Math.round(percentile(sorted, 0.5)), p99: Math.round(percentile(sorted, 0.99)), max: Math.round(sorted[sorted.length - 1]) };
    };
    process.stdout.write(
      `${JSON.stringify({ seconds, clients, healthIdleMs: summary(idle), healthUnderLoadMs: summary(busy), heaviestAnonymousMs: summary(answered), perSecond: Math.round(answered.length / seconds) }, null, 2)}\n`,
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

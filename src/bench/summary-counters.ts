import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../case/decide-context';
import { syntheticHistory } from '../demo/synthetic-history';
import { openPglite } from '../event-store/pglite/open-pglite';
import type { RecordedEvent } from '../event-store/event-store';
import { SummaryDimension } from '../oversight/models/summary.model';
import { projectCaseEvents } from '../oversight/projection/case-projection';
import { FollowUpSummaryReader } from '../oversight/queries/follow-up-summary';
import { readSource, type ReadSource } from '../oversight/queries/read-source';
import { openPgliteReadDb, openPostgresReadDb } from '../oversight/read-model/open-read-db';
import type { ReadDb } from '../storage/read-db';
import { latency } from './stats';

/**
 * `node dist/bench/summary-counters.js [cases] [postgres-url]`: followUpSummary read from the
 * counters beside the same answer aggregated from every row (what every summary did before), and
 * as of a date through validity intervals beside the DISTINCT ON over every version it replaced —
 * both in one process, on one read model, at the same load. The read model is projected from the
 * synthetic history in batches of 500 events (the projection's batch), so the projection's rate
 * with counters is printed too. Embedded PGlite in memory, or a throwaway schema on PostgreSQL.
 */
const OVERSIGHT: Actor = { agency: 'OVERSIGHT', region: null, userId: 'bench-oversight' };
const AS_OF = new Date('2025-01-01T00:00:00Z');

/** The as-of source as it was before validity intervals: the latest version per row, by DISTINCT ON. */
function distinctOnSource(asOf: Date): ReadSource {
  const t = sql`${asOf.toISOString()}::timestamptz`;
  return {
    at: asOf,
    asOf,
    cases: sql`(SELECT DISTINCT ON (id) * FROM rm_case_versions WHERE valid_from <= ${t} ORDER BY id, version DESC)`,
    followUps: sql`(SELECT DISTINCT ON (v.case_id, v.respondent_id) v.*, cur.nip, cur.nrp, cur.nik
      FROM rm_follow_up_versions v LEFT JOIN rm_follow_ups cur ON cur.case_id = v.case_id AND cur.respondent_id = v.respondent_id
      WHERE v.valid_from <= ${t} ORDER BY v.case_id, v.respondent_id, v.case_version DESC)`,
  };
}

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 20_000);
  const url = process.argv[3];
  const iterations = Number(process.env.ITERATIONS ?? 30);
  const schema = `netra_counters_bench_${process.pid}`;
  let db: ReadDb;
  let close: () => Promise<unknown>;
  if (url) {
    const opened = await openPostgresReadDb(url, schema);
    db = opened.db;
    close = async () => {
      await opened.pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await opened.pool.end();
    };
  } else {
    const pglite = await openPglite('memory:');
    db = await openPgliteReadDb(pglite);
    close = () => pglite.close();
  }
  console.log(`${url ? 'PostgreSQL' : 'embedded (PGlite, in memory)'}: ${cases} cases; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    let position = 0n;
    let pending: RecordedEvent[] = [];
    let events = 0;
    const t0 = performance.now();
    const flush = async () => {
      const batch = pending;
      pending = [];
      await db.transaction(async (tx) => projectCaseEvents(tx as unknown as ReadDb, batch));
    };
    for (const { streamId, events: caseEvents } of syntheticHistory(cases)) {
      caseEvents.forEach((e, i) => pending.push({ ...e, streamId, version: i + 1, position: (position += 1n) }));
      events += caseEvents.length;
      if (pending.length >= 500) await flush();
    }
    await flush();
    const seconds = (performance.now() - t0) / 1000;
    const { rows } = (await db.execute(sql`SELECT (SELECT count(*) FROM rm_summary_counts)::int AS counts, (SELECT count(*) FROM rm_summary_values)::int AS vals`)) as unknown as {
      rows: Array<{ counts: number; vals: number }>;
    };
    const { counts, vals } = rows[0];
    console.log(`projected ${events} events in ${seconds.toFixed(1)} s: ${Math.round(events / seconds)} events/s (with counters); ${counts} counter rows, ${vals} value rows`);

    const reader = new FollowUpSummaryReader(db);
    const time = async (label: string, query: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await query();
      const ms: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await query();
        ms.push(performance.now() - started);
      }
      const l = latency(ms);
      console.log(`${label.padEnd(52)} p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms`);
    };
    const now = () => readSource(null, new Date());
    for (const [name, groupBy] of [
      ['overall', []],
      ['by region', [SummaryDimension.REGION]],
      ['by election × region', [SummaryDimension.ELECTION, SummaryDimension.REGION]],
      ['by province × violation (not covered)', [SummaryDimension.PROVINCE, SummaryDimension.VIOLATION]],
    ] as Array<[string, SummaryDimension[]]>) {
      reader.readFromCounters = false;
      await time(`followUpSummary ${name}, aggregating rows`, () => reader.summary(groupBy, undefined, OVERSIGHT, now()));
      reader.readFromCounters = true;
      await time(`followUpSummary ${name}, from counters`, () => reader.summary(groupBy, undefined, OVERSIGHT, now()));
    }
    await time('followUpSummary by region as of, DISTINCT ON', () => reader.summary([SummaryDimension.REGION], undefined, OVERSIGHT, distinctOnSource(AS_OF)));
    await time('followUpSummary by region as of, validity intervals', () => reader.summary([SummaryDimension.REGION], undefined, OVERSIGHT, readSource(AS_OF, new Date())));
    console.log(`load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

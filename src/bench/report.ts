/** The tables `npm run bench` prints: every figure beside its limit on the same store, and issue 17's targets met or missed. */
import { targetRows } from './issue-targets';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const n = (x: number | undefined, digits = 0) => (x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: digits }));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${Math.round((a / b) * 100)}%` : '–');
const ms = (l: Json | undefined, p: 'p50' | 'p95' | 'p99') => (l ? `${n(l[p], 1)} ms` : '–');

/** The rows of one store's figures; a phase that did not run (an interrupted run) has no row. */
function storeRows(s: Json, clients: number): string[][] {
  if (s.skipped) return [[s.store, 'skipped', s.skipped, '', '']];
  const rows: string[][] = [];
  const add = (when: unknown, row: () => string[]) => void (when ? rows.push([s.store, ...row()]) : undefined);
  const raw1 = s.rawInsert?.[0];
  const rawN = s.rawInsert?.[s.rawInsert.length - 1];
  const limit = rawN ? `${n(rawN.perSecond)} insert+commit/s (${rawN.concurrency} conn)` : '';
  add(s.commandBus, () => [`CommandBus, ${s.commandBus.commands} commands, ${clients} cases at a time`, `${n(s.commandBus.perSecond)} cmd/s; p50 ${ms(s.commandBus.latencyMs, 'p50')}, p99 ${ms(s.commandBus.latencyMs, 'p99')}`, limit, ratio(s.commandBus.perSecond, rawN?.perSecond)]);
  add(s.graphql, () => [`GraphQL/HTTP, ${s.graphql.commands} mutations, ${clients} clients`, `${n(s.graphql.perSecond)} cmd/s; p50 ${ms(s.graphql.latencyMs, 'p50')}, p99 ${ms(s.graphql.latencyMs, 'p99')}`, limit, ratio(s.graphql.perSecond, rawN?.perSecond)]);
  add(s.anonymousLoad, () => [`anonymous followUpSummary, ${s.anonymousLoad.clients} clients, ${n(s.anonymousLoad.cases)} cases`, `${n(s.anonymousLoad.perSecond)} req/s (${s.anonymousLoad.computations} computations, ${n(s.anonymousLoad.notModified)} × 304); /health p50 ${ms(s.anonymousLoad.healthUnderLoadMs, 'p50')}, p99 ${ms(s.anonymousLoad.healthUnderLoadMs, 'p99')}${s.anonymousLoad.probeThreadHealthMs ? `; from a prober thread p50 ${ms(s.anonymousLoad.probeThreadHealthMs, 'p50')}, p99 ${ms(s.anonymousLoad.probeThreadHealthMs, 'p99')}` : ''}`, `/health idle p99 ${ms(s.anonymousLoad.healthIdleMs, 'p99')}`, '']);
  add(s.anonymousWorst, () => [`most expensive anonymous question, ${s.anonymousWorst.clients} clients, never cached`, `${n(s.anonymousWorst.perSecond)} req/s (${s.anonymousWorst.computations} summaries computed); /health p50 ${ms(s.anonymousWorst.healthUnderLoadMs, 'p50')}, p99 ${ms(s.anonymousWorst.healthUnderLoadMs, 'p99')}`, `/health idle p99 ${ms(s.anonymousWorst.healthIdleMs, 'p99')}`, '']);
  add(s.storeAppend, () => [`store-level append, ${s.storeAppend.clients} writers, single events`, `${n(s.storeAppend.perSecond)} appends/s; p50 ${ms(s.storeAppend.latencyMs, 'p50')}, p99 ${ms(s.storeAppend.latencyMs, 'p99')}`, `${n(s.storeAppend.raw.perSecond)} insert+commit/s (${s.storeAppend.clients} conn)`, ratio(s.storeAppend.perSecond, s.storeAppend.raw.perSecond)]);
  add(s.storeAppend?.peer?.perSecond, () => [`the same appends on ${s.storeAppend.peer.store}`, `${n(s.storeAppend.peer.perSecond)} appends/s; p50 ${ms(s.storeAppend.peer.latencyMs, 'p50')}, p99 ${ms(s.storeAppend.peer.latencyMs, 'p99')}`, `${n(s.storeAppend.raw.perSecond)} insert+commit/s (${s.storeAppend.clients} conn)`, ratio(s.storeAppend.peer.perSecond, s.storeAppend.raw.perSecond)]);
  add(raw1, () => ['raw insert+commit, 1 connection', `${n(raw1.perSecond)} /s`, '', '']);
  for (const d of s.durableAppend ?? []) rows.push([s.store, `single-event append, one at a time, NETRA_EMBEDDED_SYNC=${d.sync}`, `${n(d.perSecond)} /s; p50 ${ms(d.latencyMs, 'p50')}, p99 ${ms(d.latencyMs, 'p99')}`, '', '']);
  add(s.projectionLagMs, () => ['projection lag under CommandBus load', `p50 ${ms(s.projectionLagMs, 'p50')}, p99 ${ms(s.projectionLagMs, 'p99')}`, '', '']);
  add(s.steadyLag, () => [`projection lag at a steady ${n(s.steadyLag.write.perSecond)} cmd/s`, `p50 ${ms(s.steadyLag.lag, 'p50')}, p99 ${ms(s.steadyLag.lag, 'p99')}`, '', '']);
  add(s.history, () => [`history for replay: ${n(s.history.cases)} cases, ${n(s.history.events)} events`, s.load ? `loaded at ${n(s.load.eventsPerSecond)} events/s` : '', '', '']);
  add(s.rebuild, () => ['rebuild of the read model', `${n(s.rebuild.eventsPerSecond)} events/s (${n(s.rebuild.seconds, 1)} s)`, s.sequentialRead ? `${n(s.sequentialRead.eventsPerSecond)} events/s readAll` : '', ratio(s.rebuild.eventsPerSecond, s.sequentialRead?.eventsPerSecond)]);
  add(s.rebuildProjection, () => ['rebuild, old path (live runner from 0), same history', `${n(s.rebuildProjection.eventsPerSecond)} events/s (${n(s.rebuildProjection.seconds, 1)} s)`, '', ratio(s.rebuildProjection.eventsPerSecond, s.sequentialRead?.eventsPerSecond)]);
  add(s.rebuild && s.history.events < 1e6, () => ['rebuild of 1M events, EXTRAPOLATED linearly', `≈ ${n(1e6 / s.rebuild.eventsPerSecond / 60, 1)} min`, s.sequentialRead ? `readAll ≈ ${n(1e6 / s.sequentialRead.eventsPerSecond, 0)} s` : '', '']);
  const cases = n(s.reads?.readModelCases ?? s.history?.cases);
  add(s.reads, () => [`followUpSummary (overall), ${cases} cases in the read model`, `p50 ${ms(s.reads.summaryOverallMs, 'p50')}, p95 ${ms(s.reads.summaryOverallMs, 'p95')}`, '', '']);
  add(s.reads, () => ['followUpSummary by REGION', `p50 ${ms(s.reads.summaryByRegionMs, 'p50')}, p95 ${ms(s.reads.summaryByRegionMs, 'p95')}`, '', '']);
  add(s.reads, () => ['followUpSummary by REGION, asOf 1 Jan 2025', `p50 ${ms(s.reads.summaryAsOfMs, 'p50')}, p95 ${ms(s.reads.summaryAsOfMs, 'p95')}`, '', '']);
  add(s.reads, () => ['followUps page (16, AS_RECOMMENDED, 20)', `p50 ${ms(s.reads.followUpsPageMs, 'p50')}, p95 ${ms(s.reads.followUpsPageMs, 'p95')}`, '', '']);
  add(s.export, () => [`follow-ups CSV export, ${n(s.export.rows)} rows (${n(s.export.megabytes, 1)} MB)`, `${n(s.export.rowsPerSecond)} rows/s (${n(s.export.seconds, 1)} s); RSS +${s.export.rssGrowthMiB} MiB, live heap +${s.export.liveHeapGrowthMiB} MiB`, '', '']);
  add(s.peakRssMiB && Object.keys(s.peakRssMiB).length > 0, () => ['peak RSS MiB per phase', Object.entries(s.peakRssMiB).map(([k, v]) => `${k} ${v}`).join(', '), '', '']);
  return rows;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return `${line(rows[0])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.slice(1).map(line).join('\n')}\n`;
}

export function printTable(report: Json): void {
  const m = report.machine;
  const stopped = report.interrupted ? ` — STOPPED by ${report.interrupted.signal} during ${report.interrupted.phase}: the figures measured until then` : '';
  process.stdout.write(`\nNetra bench (${report.mode}): ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAverageAtStart.join(' ')} → ${(m.loadAverageAtEnd ?? []).join(' ')}${stopped}\n`);
  const rows = (report.stores as Json[]).flatMap((s) => storeRows(s, report.options.clients));
  if (rows.length > 0) process.stdout.write(table([['store', 'measure', 'figure', 'limit (same run)', 'ratio'], ...rows]));
  printTargets(report);
}

/** Issue 17's targets, each beside the figure measured in this run: met, missed, or not measured. */
export function printTargets(report: Json): void {
  const rows: string[][] = [];
  if (report.startup) {
    const st = report.startup;
    rows.push(['embedded', `start-up < ${st.targetSeconds} s (second start, npm start)`, `${st.secondNpmStartSeconds} s`, st.met ? 'met' : 'missed']);
  }
  for (const s of report.stores as Json[]) {
    if (!s.skipped) for (const t of targetRows(s)) rows.push([s.store, t.target, t.measured, t.verdict]);
  }
  if (rows.length === 0) return;
  process.stdout.write(`\nTargets (issue 17; ratios measured in this run):\n${table([['store', 'target', 'measured', 'verdict'], ...rows])}`);
}

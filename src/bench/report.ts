/** The table `npm run bench` prints: every figure beside its limit on the same store, and the ratio. */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const n = (x: number | undefined, digits = 0) => (x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: digits }));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${Math.round((a / b) * 100)}%` : '–');
const ms = (l: Json | undefined, p: 'p50' | 'p95' | 'p99') => (l ? `${n(l[p], 1)} ms` : '–');

export function printTable(report: Json): void {
  const rows: string[][] = [['store', 'measure', 'figure', 'limit (same run)', 'ratio']];
  for (const s of report.stores as Json[]) {
    if (s.skipped) {
      rows.push([s.store, 'skipped', s.skipped, '', '']);
      continue;
    }
    const raw1 = s.rawInsert?.[0];
    const rawN = s.rawInsert?.[s.rawInsert.length - 1];
    rows.push(
      [s.store, `CommandBus, ${s.commandBus.commands} commands, ${report.options.clients} cases at a time`, `${n(s.commandBus.perSecond)} cmd/s; p50 ${ms(s.commandBus.latencyMs, 'p50')}, p99 ${ms(s.commandBus.latencyMs, 'p99')}`,
        `${n(rawN.perSecond)} insert+commit/s (${rawN.concurrency} conn)`, ratio(s.commandBus.perSecond, rawN.perSecond)],
      [s.store, `GraphQL/HTTP, ${s.graphql.commands} mutations, ${report.options.clients} clients`, `${n(s.graphql.perSecond)} cmd/s; p50 ${ms(s.graphql.latencyMs, 'p50')}, p99 ${ms(s.graphql.latencyMs, 'p99')}`,
        `${n(rawN.perSecond)} insert+commit/s (${rawN.concurrency} conn)`, ratio(s.graphql.perSecond, rawN.perSecond)],
      [s.store, 'raw insert+commit, 1 connection', `${n(raw1.perSecond)} /s`, '', ''],
      ...(s.durableAppend ?? []).map((d: Json) => [s.store, `single-event append, one at a time, NETRA_EMBEDDED_SYNC=${d.sync}`, `${n(d.perSecond)} /s; p50 ${ms(d.latencyMs, 'p50')}, p99 ${ms(d.latencyMs, 'p99')}`, '', '']),
      [s.store, 'projection lag under CommandBus load', `p50 ${ms(s.projectionLagMs, 'p50')}, p99 ${ms(s.projectionLagMs, 'p99')}`, 'target p99 < 50 ms', ''],
      [s.store, `history for replay: ${n(s.history.cases)} cases, ${n(s.history.events)} events`, s.load ? `loaded at ${n(s.load.eventsPerSecond)} events/s` : '', '', ''],
      [s.store, 'rebuild of the read model', `${n(s.rebuild.eventsPerSecond)} events/s (${n(s.rebuild.seconds, 1)} s)`, `${n(s.sequentialRead.eventsPerSecond)} events/s readAll`, ratio(s.rebuild.eventsPerSecond, s.sequentialRead.eventsPerSecond)],
      [s.store, 'rebuild of 1M events, EXTRAPOLATED linearly', `≈ ${n(1e6 / s.rebuild.eventsPerSecond / 60, 1)} min`, `readAll ≈ ${n(1e6 / s.sequentialRead.eventsPerSecond, 0)} s`, ''],
      [s.store, `followUpSummary (overall) at ${n(s.history.cases)} cases`, `p50 ${ms(s.reads.summaryOverallMs, 'p50')}, p95 ${ms(s.reads.summaryOverallMs, 'p95')}`, 'target p95 < 50 ms', ''],
      [s.store, 'followUpSummary by REGION', `p50 ${ms(s.reads.summaryByRegionMs, 'p50')}, p95 ${ms(s.reads.summaryByRegionMs, 'p95')}`, '', ''],
      [s.store, 'followUpSummary by REGION, asOf 1 Jan 2025', `p50 ${ms(s.reads.summaryAsOfMs, 'p50')}, p95 ${ms(s.reads.summaryAsOfMs, 'p95')}`, '', ''],
      [s.store, 'followUps page (16, AS_RECOMMENDED, 20)', `p50 ${ms(s.reads.followUpsPageMs, 'p50')}, p95 ${ms(s.reads.followUpsPageMs, 'p95')}`, '', ''],
      [s.store, `follow-ups CSV export, ${n(s.export.rows)} rows (${n(s.export.megabytes, 1)} MB)`, `${n(s.export.rowsPerSecond)} rows/s (${n(s.export.seconds, 1)} s); RSS +${s.export.rssGrowthMiB} MiB, live heap +${s.export.liveHeapGrowthMiB} MiB`, '', ''],
      [s.store, 'peak RSS MiB per phase', Object.entries(s.peakRssMiB).map(([k, v]) => `${k} ${v}`).join(', '), '', ''],
    );
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const m = report.machine;
  process.stdout.write(`Netra bench (${report.mode}): ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAverageAtStart.join(' ')} → ${m.loadAverageAtEnd.join(' ')}\n`);
  process.stdout.write(`${line(rows[0])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.slice(1).map(line).join('\n')}\n`);
}

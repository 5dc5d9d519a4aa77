import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseInstant } from '../case/validation/dates';
import { loadConfig } from '../config/config';
import { compareSummaries } from '../oversight/figures/compare-summaries';
import { recomputeFigures } from '../oversight/figures/recompute';
import { SummaryDimension, type FollowUpSummary } from '../oversight/models/summary.model';
import type { FollowUpFilter } from '../oversight/queries/filters.input';
import { openEventStore, type Closer } from '../storage/storage';
import { operatorMessage } from '../observability/loggable-error';

/**
 * `npm run figures -- --position P --as-of T [--current] [--group-by PROVINCE,PPK] [--filter JSON] [--expect FILE]`:
 * recomputes followUpSummary from the raw events of EVENT_STORE_URL up to log position P as of T,
 * without the read model, and prints it as JSON. With --expect (a saved followUpSummary answer, or
 * the whole GraphQL response) it compares and exits 1 on any difference. P and T default to the
 * answer's own `position` and `asOf` when --expect is given, else to the head of the log and now.
 * --current recomputes an answer given without asOf (every event up to P counts, whatever its date);
 * it follows the answer's `current` with --expect, and is the default without --as-of.
 * The embedded store is read with its server stopped (the data directory is one process's).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      position: { type: 'string' },
      'as-of': { type: 'string' },
      'group-by': { type: 'string' },
      filter: { type: 'string' },
      expect: { type: 'string' },
      current: { type: 'boolean' },
    },
  });
  const expected = values.expect ? readAnswer(values.expect) : null;
  const groupBy = (values['group-by'] ?? '').split(',').filter(Boolean).map(dimensionOf);
  const filter = values.filter ? filterOf(values.filter) : undefined;
  const closers: Closer[] = [];
  try {
    const { store } = await openEventStore(loadConfig().eventStore, closers);
    const position = BigInt(values.position ?? expected?.position ?? (await store.headPosition()));
    const asOf = values['as-of'] ? parseInstant(values['as-of'], 'as-of') : expected ? new Date(String(expected.asOf)) : new Date();
    const current = values.current ?? (expected ? expected.current === true : !values['as-of']);
    const figures = await recomputeFigures(store, { position, asOf, current, groupBy, filter });
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    if (expected) {
      const differences = compareSummaries(expected, figures);
      differences.forEach((line) => process.stderr.write(`differs: ${line}\n`));
      process.stderr.write(differences.length === 0 ? 'netra figures: the answer matches the events\n' : `netra figures: ${differences.length} difference(s)\n`);
      process.exitCode = differences.length === 0 ? 0 : 1;
    }
  } finally {
    for (const close of closers) await close();
  }
}

function readAnswer(file: string): FollowUpSummary {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return (json?.data?.followUpSummary ?? json?.followUpSummary ?? json) as FollowUpSummary;
}

function dimensionOf(name: string): SummaryDimension {
  if (!(name in SummaryDimension)) throw new Error(`--group-by: ${name} is not one of ${Object.keys(SummaryDimension).join(', ')}`);
  return name as SummaryDimension;
}

function filterOf(json: string): FollowUpFilter {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const filter = { ...raw } as FollowUpFilter;
  if (typeof raw.receivedFrom === 'string') filter.receivedFrom = parseInstant(raw.receivedFrom, 'filter.receivedFrom');
  if (typeof raw.receivedTo === 'string') filter.receivedTo = parseInstant(raw.receivedTo, 'filter.receivedTo');
  return filter;
}

main().catch((error) => {
  process.stderr.write(`netra figures: ${operatorMessage(error)}\n`);
  process.exit(2);
});

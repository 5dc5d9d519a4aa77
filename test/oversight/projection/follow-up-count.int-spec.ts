import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { EMPLOYMENTS } from '../../../src/case/case-vocabulary';
import type { Actor } from '../../../src/case/decide-context';
import { syntheticHistory } from '../../../src/demo/synthetic-history';
import { random } from '../../../src/demo/synthetic-commands';
import { openPglite } from '../../../src/event-store/pglite/open-pglite';
import type { RecordedEvent } from '../../../src/event-store/event-store';
import { projectCaseEvents } from '../../../src/oversight/projection/case-projection';
import { resetReadModel } from '../../../src/oversight/projection/projection-runner';
import { openPgliteReadDb } from '../../../src/oversight/read-model/open-read-db';
import { CaseReader } from '../../../src/oversight/queries/case-reader';
import { countFromCounters } from '../../../src/oversight/queries/follow-up-count';
import { followUpConditions, whereAll } from '../../../src/oversight/queries/follow-up-conditions';
import type { FollowUpFilter } from '../../../src/oversight/queries/filters.input';
import { readSource } from '../../../src/oversight/queries/read-source';
import type { ReadDb } from '../../../src/storage/read-db';

/**
 * followUps' totalCount from the summary counters (follow-up-count.ts) equals the count of the rows
 * for random filters after random histories — elections, kinds and region codes varied, some of
 * them not dotted Kemendagri codes (`1601`, `16x`: their province is their first two characters, and
 * a region prefix must not count them) — and so does the number of rows a reader pages through,
 * none twice, also while more cases are projected between its pages. On an in-memory PGlite.
 */

const national: Actor = { agency: 'OVERSIGHT', region: null, userId: 'satgas' };
const regional: Actor = { agency: 'BAWASLU', region: '16.73', userId: 'bawaslu-16.73' };
const NOW = new Date('2026-01-01T00:00:00Z');

/** Region codes of institutions and PPKs: dotted codes in and around province 16, and a few of other shapes. */
const CODES = ['16', '16.71', '16.73', '16.73.01', '16.73.01.1001', '13.72', '64', '1601', '16x', '16.7', '16.73x', '1', '164'];

function history(cases: number, seed: number): RecordedEvent[][] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  return [...syntheticHistory(cases, seed)].map(({ streamId, events }) => {
    const election = pick([{ kind: 'PILKADA', year: 2024 }, { kind: 'PEMILU', year: 2024 }, { kind: 'PILKADA', year: 2020 }]);
    return events.map((e, i) => {
      const data = structuredClone(e.data) as Record<string, any>;
      if (e.type === 'CaseReported') {
        data.election = { ...data.election, ...election };
        for (const r of data.respondents) {
          r.employment = pick(EMPLOYMENTS);
          if (rnd() < 0.6) r.institutionRegionCode = pick(CODES);
        }
      }
      if (e.type === 'SanctionDecided' && data.ppk && rnd() < 0.5) data.ppk = { ...data.ppk, regionCode: pick(CODES) };
      return { ...e, data, streamId, version: i + 1, position: 0n };
    });
  });
}

/** The streams interleaved, numbered and split into batches of `size` events. */
function batches(streams: RecordedEvent[][], order: number[], size: number): RecordedEvent[][] {
  const queues = streams.map((s) => [...s]);
  const log: RecordedEvent[] = [];
  for (let i = 0; queues.some((q) => q.length > 0); i++) {
    const open = queues.filter((q) => q.length > 0);
    log.push({ ...open[order[i % order.length] % open.length].shift()!, position: BigInt(log.length + 1) });
  }
  const out: RecordedEvent[][] = [];
  for (let at = 0; at < log.length; at += size) out.push(log.slice(at, at + size));
  return out;
}

async function rowCount(db: ReadDb, filter: FollowUpFilter, actor: Actor): Promise<number> {
  const source = readSource(null, NOW);
  const join = actor === national ? sql`` : sql` JOIN rm_cases c ON c.id = f.case_id`;
  const result = (await db.execute(sql`SELECT count(*) AS n FROM rm_follow_ups f${join} ${whereAll(followUpConditions(filter, actor, source))}`)) as unknown as {
    rows: Array<{ n: unknown }>;
  };
  return Number(result.rows[0].n);
}

async function fromCounters(db: ReadDb, filter: FollowUpFilter, actor: Actor = national): Promise<number | null> {
  const statement = countFromCounters(filter, actor, readSource(null, NOW));
  if (statement === null) return null;
  return Number(((await db.execute(statement)) as unknown as { rows: Array<{ n: unknown }> }).rows[0].n);
}

/** Every key the reader pages through, `between` run after each page. */
async function pageThrough(reader: CaseReader, filter: FollowUpFilter, actor: Actor, first: number, between: () => Promise<void> = async () => {}) {
  const keys: string[] = [];
  let after: string | undefined;
  let totalCount = -1;
  for (;;) {
    const page = await reader.followUps(filter, first, after, actor, readSource(null, NOW));
    if (totalCount < 0) totalCount = page.totalCount;
    keys.push(...page.edges.map((e) => `${e.node.caseId}/${e.node.respondentId}`));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor!;
    await between();
  }
  return { keys, totalCount };
}

const served = {
  electionKind: fc.constantFrom('PILKADA', 'PEMILU'),
  electionYear: fc.constantFrom(2024, 2020),
  regionPrefix: fc.constantFrom('16', '16.73', '16.71', '13', '13.72', '64', '16.01', '01'),
  waitingOn: fc.constantFrom('PPK', 'BAWASLU', 'BKN'),
  stage: fc.constantFrom('STUDIED', 'RECOMMENDED', 'SANCTION_DECIDED', 'SANCTION_EXECUTED', 'NO_VIOLATION', 'CLEARED'),
  followUpStatus: fc.constantFrom('PENDING', 'AS_RECOMMENDED', 'NOT_AS_RECOMMENDED', 'CANNOT_BE_ACTED_ON'),
};
const filters: fc.Arbitrary<FollowUpFilter> = fc.oneof(
  { weight: 6, arbitrary: fc.record(served, { requiredKeys: [] }) as fc.Arbitrary<FollowUpFilter> },
  { weight: 1, arbitrary: fc.record({ ...served, regionPrefix: fc.constantFrom('16.73.01', '1', '16x') }, { requiredKeys: ['regionPrefix'] }) as fc.Arbitrary<FollowUpFilter> },
  { weight: 1, arbitrary: fc.record({ ...served, overdue: fc.boolean(), respondentKinds: fc.constant(['TNI']), violation: fc.constant('NETRALITAS') }, { requiredKeys: [] }) as fc.Arbitrary<FollowUpFilter> },
);

/** Regional units: provinces and regencies (served from the counters), a district and a malformed region (counted from the rows). */
const units = fc.constantFrom('16', '16.73', '16.71', '13', '64', '16.01', '16.73.01', '1601');

/**
 * What the counters must serve: only their filters, a province or regency prefix, not with an agency waited on, not stage and status
 * together; for a regional unit (a province or regency) no region filter and no agency waited on.
 */
function servable(f: FollowUpFilter, actor: Actor = national): boolean {
  const keys = Object.keys(f).filter((k) => (f as Record<string, unknown>)[k] !== undefined);
  if (keys.some((k) => !(k in served))) return false;
  if (actor.region !== null && (!/^\d{2}(\.\d{2})?$/.test(actor.region) || f.regionPrefix || f.waitingOn)) return false;
  if (f.regionPrefix && !/^\d{2}(\.\d{2})?$/.test(f.regionPrefix)) return false;
  if (f.regionPrefix && f.waitingOn) return false;
  return !(f.stage && f.followUpStatus);
}

describe("followUps' totalCount from the counters", () => {
  let pglite: PGlite;
  let db: ReadDb;
  let reader: CaseReader;

  beforeAll(async () => {
    pglite = await openPglite('memory:');
    db = await openPgliteReadDb(pglite);
    reader = new CaseReader(db, () => NOW);
  }, 60_000);
  afterAll(() => pglite.close());

  it('equals the count of the rows for random filters, and the rows paged through, none twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 3, max: 16 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(filters, { minLength: 4, maxLength: 8 }),
        fc.array(units, { minLength: 2, maxLength: 4 }),
        async (seed, cases, order, size, asked, regions) => {
          await resetReadModel(db);
          for (const batch of batches(history(cases, seed), order, size)) await db.transaction(async (tx) => projectCaseEvents(tx as unknown as ReadDb, batch));
          for (const filter of asked) {
            const rows = await rowCount(db, filter, national);
            const counted = await fromCounters(db, filter);
            expect(counted !== null).toBe(servable(filter));
            if (counted !== null) expect({ filter, counted }).toEqual({ filter, counted: rows });
          }
          // A regional Bawaslu unit: the rows of every case in its scope (whatever each row's own region), as the rows count them.
          for (const [i, region] of regions.entries()) {
            const unit: Actor = { agency: 'BAWASLU', region, userId: `bawaslu-${region}` };
            const filter = i === 0 ? {} : asked[i % asked.length];
            const counted = await fromCounters(db, filter, unit);
            expect(counted !== null).toBe(servable(filter, unit));
            if (counted !== null) expect({ region, filter, counted }).toEqual({ region, filter, counted: await rowCount(db, filter, unit) });
          }
          const [filter] = asked;
          for (const actor of [national, regional]) {
            const { keys, totalCount } = await pageThrough(reader, filter, actor, 7);
            expect(new Set(keys).size).toBe(keys.length);
            expect(keys.length).toBe(totalCount);
            expect(totalCount).toBe(await rowCount(db, filter, actor));
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 15), endOnFailure: true, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  }, 300_000);

  it("a regional unit's count adds the rows of cases with several scope codes whose counting region lies outside its region", async () => {
    await resetReadModel(db);
    for (const batch of batches(history(40, 7), [0, 3, 1], 25)) await db.transaction(async (tx) => projectCaseEvents(tx as unknown as ReadDb, batch));
    // The histories hold such rows for 16.73 (a case of handling unit 16.73 with a respondent of institution 13.72, say), so the correction is not idle.
    const outside = (await db.execute(sql`SELECT count(*) AS n FROM rm_follow_ups f JOIN rm_cases c ON c.id = f.case_id
      WHERE EXISTS (SELECT 1 FROM unnest(c.scope_codes) code WHERE code = '16.73' OR code LIKE '16.73.%') AND NOT (f.region_code = '16.73' OR f.region_code LIKE '16.73.%')`)) as unknown as {
      rows: Array<{ n: unknown }>;
    };
    expect(Number(outside.rows[0].n)).toBeGreaterThan(0);
    for (const region of ['16', '16.73', '13.72', '64']) {
      const unit: Actor = { agency: 'BAWASLU', region, userId: `bawaslu-${region}` };
      expect({ region, n: await fromCounters(db, {}, unit) }).toEqual({ region, n: await rowCount(db, {}, unit) });
    }
  }, 60_000);

  it('the histories hold region codes of other shapes, found through the partial index', async () => {
    await resetReadModel(db);
    for (const batch of batches(history(40, 7), [0, 3, 1], 25)) await db.transaction(async (tx) => projectCaseEvents(tx as unknown as ReadDb, batch));
    const shapes = (await db.execute(sql`SELECT DISTINCT region_code FROM rm_follow_ups WHERE region_code !~ '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$'`)) as unknown as {
      rows: Array<{ region_code: string }>;
    };
    expect(shapes.rows.length).toBeGreaterThan(0);
    // Province 16 counted from the counters: the codes `1601`, `16x`, `164` lie in its bucket but not within `16`.
    expect(await fromCounters(db, { regionPrefix: '16' })).toBe(await rowCount(db, { regionPrefix: '16' }, national));
  }, 60_000);

  it('pages through every row that was there when the first page was read, once, while more cases are projected between pages', async () => {
    await resetReadModel(db);
    const log = batches(history(60, 11), [2, 5, 1, 0], 20);
    const first = log.slice(0, Math.ceil(log.length / 2));
    const later = log.slice(first.length);
    for (const batch of first) await db.transaction(async (tx) => projectCaseEvents(tx as unknown as ReadDb, batch));
    const before = ((await db.execute(sql`SELECT case_id, respondent_id FROM rm_follow_ups`)) as unknown as { rows: Array<{ case_id: string; respondent_id: string }> }).rows.map(
      (r) => `${r.case_id}/${r.respondent_id}`,
    );
    const { keys } = await pageThrough(reader, {}, national, 5, async () => {
      const batch = later.shift();
      if (batch) await db.transaction(async (tx) => projectCaseEvents(tx as unknown as ReadDb, batch));
    });
    expect(new Set(keys).size).toBe(keys.length);
    const seen = new Set(keys);
    expect(before.filter((k) => !seen.has(k))).toEqual([]);
  }, 60_000);
});

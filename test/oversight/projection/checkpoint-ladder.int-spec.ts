import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Actor } from '../../../src/case/decide-context';
import { syntheticHistory } from '../../../src/demo/synthetic-history';
import { openPglite } from '../../../src/event-store/pglite/open-pglite';
import type { RecordedEvent } from '../../../src/event-store/event-store';
import { SummaryDimension } from '../../../src/oversight/models/summary.model';
import { projectCaseEvents } from '../../../src/oversight/projection/case-projection';
import { resetReadModel } from '../../../src/oversight/projection/projection-runner';
import { changedDays, placeRungs, type ChangedDay } from '../../../src/oversight/queries/checkpoint-ladder';
import { FollowUpSummaryReader } from '../../../src/oversight/queries/follow-up-summary';
import { readSource } from '../../../src/oversight/queries/read-source';
import * as checkpoints from '../../../src/oversight/queries/summary-checkpoints';
import { checkpointFor, dayStart, makeCheckpoint, MAX_CHECKPOINTS } from '../../../src/oversight/queries/summary-checkpoints';
import { openPgliteReadDb } from '../../../src/oversight/read-model/open-read-db';
import type { ReadDb } from '../../../src/storage/read-db';

/**
 * The checkpoint ladder (queries/checkpoint-ladder.ts): rungs spread over the history by changed
 * cases, at most as many as allowed; made in the background after a question, so that a day nobody
 * asked about has a checkpoint a bounded number of changed cases away; kept when other checkpoints
 * are dropped; and answers from them equal the rows.
 */

const national: Actor = { agency: 'OVERSIGHT', region: null, userId: 'satgas' };
const DAY = 86_400_000;
const rows = async (db: ReadDb, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

/** The changed cases in [from, to) (days' starts). */
const changedBetween = (days: readonly ChangedDay[], from: number, to: number) => days.filter((d) => d.day.getTime() >= from && d.day.getTime() < to).reduce((n, d) => n + d.cases, 0);

describe('checkpoint ladder', () => {
  it('places at most maxRungs rungs at days’ starts, ascending, at most a spacing of changed cases apart, the narrowest spacing that fits, and keeps them as days are added', () => {
    const start = Date.UTC(2024, 8, 1);
    const toDays = (counts: number[]) => counts.map((cases, i) => ({ day: new Date(start + i * DAY), cases }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5_000 }), fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 30 }), (counts, maxRungs, minSpacing, later) => {
        const days = toDays(counts);
        const { rungs, spacing } = placeRungs(days, maxRungs, minSpacing);
        expect(rungs.length).toBeLessThanOrEqual(maxRungs);
        for (const [i, r] of rungs.entries()) {
          expect(r.getTime() % DAY).toBe(0);
          if (i > 0) expect(r.getTime()).toBeGreaterThan(rungs[i - 1].getTime());
        }
        // Half a spacing before the first rung and after the last, a spacing between two (a day holding more is a gap of its own).
        const widest = Math.max(...counts);
        const edges = [start, ...rungs.map((r) => r.getTime()), start + counts.length * DAY];
        for (let i = 1; i < edges.length; i++) {
          const half = i === 1 || i === edges.length - 1;
          expect(changedBetween(days, edges[i - 1], edges[i])).toBeLessThanOrEqual(Math.max(half ? spacing / 2 : spacing, widest));
        }
        // The narrowest: half the spacing would place too many.
        if (spacing > minSpacing) expect(placeRungs(days, maxRungs, spacing / 2).spacing).toBe(spacing);
        // Days added after the last leave the rungs before them where they were, while the spacing holds.
        const grown = placeRungs(toDays([...counts, ...later]), maxRungs, minSpacing);
        if (grown.spacing === spacing) {
          const settled = rungs.filter((r) => r.getTime() < start + counts.length * DAY);
          expect(grown.rungs.slice(0, settled.length)).toEqual(settled);
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('on a read model', () => {
    let pglite: PGlite;
    let db: ReadDb;

    beforeAll(async () => {
      pglite = await openPglite('memory:');
      db = await openPgliteReadDb(pglite);
    }, 60_000);
    afterAll(() => pglite.close());

    /** Projects a synthetic history, its streams interleaved, in batches of 40 events. */
    async function load(cases: number, seed: number): Promise<void> {
      await resetReadModel(db);
      const queues = [...syntheticHistory(cases, seed)].map(({ streamId, events }) => events.map((e, i) => ({ ...e, streamId, version: i + 1 }) as RecordedEvent));
      const log: RecordedEvent[] = [];
      for (let i = 0; queues.some((q) => q.length > 0); i++) {
        const open = queues.filter((q) => q.length > 0);
        log.push({ ...open[(i * 7) % open.length].shift()!, position: BigInt(log.length + 1) });
      }
      for (let at = 0; at < log.length; at += 40) {
        const batch = log.slice(at, at + 40);
        await db.transaction(async (tx) => {
          await projectCaseEvents(tx as unknown as ReadDb, batch, new Map());
          await tx.execute(sql`INSERT INTO rm_checkpoints (name, position) VALUES ('cases', ${Number(batch[batch.length - 1].position)})
            ON CONFLICT (name) DO UPDATE SET position = excluded.position`);
        });
      }
    }

    it('after one question, every rung is made, each day is a bounded number of changed cases from a checkpoint, and answers from them equal the rows', async () => {
      await load(30, 17);
      const run = (query: ReturnType<typeof sql>) => rows(db, query);
      const days = await changedDays(run);
      expect(days.length).toBeGreaterThan(10);
      const reader = new FollowUpSummaryReader(db);
      Object.assign(reader.ladder, { maxRungs: 5, minSpacing: 3 });
      const { rungs, spacing } = placeRungs(days, 5, 3);
      expect(rungs.length).toBeGreaterThan(2);
      const asked = days[Math.floor(days.length / 2)].day;
      await reader.summary([SummaryDimension.REGION], {}, national, readSource(asked, new Date('2030-01-01T00:00:00Z')));
      await reader.checkpointMade();
      const made = (await run(sql`SELECT at FROM rm_summary_checkpoints`)).map((r) => new Date(r.at as string).getTime());
      for (const r of rungs) expect(made).toContain(r.getTime());
      // The asked day and its neighbours, and the rungs: nothing else.
      expect(made.length).toBeLessThanOrEqual(3 + rungs.length);
      const bound = Math.max(spacing, ...days.map((d) => d.cases));
      reader.makeCheckpoints = false;
      for (const d of days) {
        const t = new Date(d.day.getTime() + 5 * 3_600_000);
        const { checkpoint } = await checkpointFor(run, t);
        expect(checkpoint).not.toBeNull();
        const [lo, hi] = [Math.min(checkpoint!.at.getTime(), t.getTime()), Math.max(checkpoint!.at.getTime(), t.getTime())];
        expect(changedBetween(days, dayStart(new Date(lo)).getTime(), hi)).toBeLessThanOrEqual(bound);
      }
      for (const d of days.filter((_, i) => i % 3 === 0)) {
        const source = readSource(new Date(d.day.getTime() + 5 * 3_600_000), new Date('2030-01-01T00:00:00Z'));
        reader.readFromCheckpoints = true;
        const fromCheckpoint = await reader.summary([SummaryDimension.REGION], {}, national, source);
        reader.readFromCheckpoints = false;
        expect(fromCheckpoint).toEqual(await reader.summary([SummaryDimension.REGION], {}, national, source));
      }
    }, 300_000);

    it('stopping the reader (a shutdown) does not wait for the ladder: nothing waiting or left on it is made after, at most the one being made finishes', async () => {
      await load(30, 17);
      const run = (query: ReturnType<typeof sql>) => rows(db, query);
      const days = await changedDays(run);
      const { rungs } = placeRungs(days, 8, 3);
      expect(rungs.length).toBeGreaterThan(4);
      const reader = new FollowUpSummaryReader(db);
      Object.assign(reader.ladder, { maxRungs: 8, minSpacing: 3 });
      const made = jest.spyOn(checkpoints, 'makeCheckpoint');
      try {
        await reader.summary([SummaryDimension.REGION], {}, national, readSource(days[Math.floor(days.length / 2)].day, new Date('2030-01-01T00:00:00Z')));
        // The question asked for its day, the days either side and the ladder's rungs (3 + rungs to make); the process stops at once.
        reader.onModuleDestroy();
        await reader.checkpointMade();
        expect(made.mock.calls.length).toBeLessThanOrEqual(1);
        // And a question after the stop asks for nothing.
        await reader.summary([SummaryDimension.REGION], {}, national, readSource(days[1].day, new Date('2030-01-01T00:00:00Z')));
        await reader.checkpointMade();
        expect(made.mock.calls.length).toBeLessThanOrEqual(1);
      } finally {
        made.mockRestore();
      }
      expect((await run(sql`SELECT at FROM rm_summary_checkpoints`)).length).toBeLessThanOrEqual(1);
    }, 300_000);

    it('a new process plans the ladder before it makes a checkpoint: the rungs an earlier one made are not dropped for the cap', async () => {
      await load(30, 17);
      const run = (query: ReturnType<typeof sql>) => rows(db, query);
      const { rungs } = placeRungs(await changedDays(run), 5, 3);
      for (const r of rungs) await makeCheckpoint(db, r, rungs);
      // As many others as the cap, at the same position and later than every rung (the cap drops the earliest first).
      const other = (n: number) => new Date(Date.UTC(2031, 0, 1 + n));
      for (let n = 0; n < MAX_CHECKPOINTS; n++) await makeCheckpoint(db, other(n), rungs);
      const reader = new FollowUpSummaryReader(db);
      Object.assign(reader.ladder, { maxRungs: 5, minSpacing: 3 });
      const made = jest.spyOn(checkpoints, 'makeCheckpoint');
      try {
        await reader.summary([SummaryDimension.REGION], {}, national, readSource(other(MAX_CHECKPOINTS + 5), new Date('2032-01-01T00:00:00Z')));
        await reader.checkpointMade();
        // Its own day and the days either side, made keeping the rungs: none of those dropped and made again.
        expect(made.mock.calls.map(([, at]) => at.getTime()).filter((t) => rungs.some((r) => r.getTime() === t))).toEqual([]);
      } finally {
        made.mockRestore();
      }
      const kept = (await run(sql`SELECT at FROM rm_summary_checkpoints`)).map((r) => new Date(r.at as string).getTime());
      for (const r of rungs) expect(kept).toContain(r.getTime());
      expect(kept).toContain(dayStart(other(MAX_CHECKPOINTS + 5)).getTime());
    }, 300_000);

    it(`keeps the rungs when more than ${MAX_CHECKPOINTS} other checkpoints are made, and drops the others beyond the cap`, async () => {
      await load(6, 4242);
      const rungs = [new Date(Date.UTC(2023, 0, 1)), new Date(Date.UTC(2023, 5, 1))];
      for (const r of rungs) await makeCheckpoint(db, r, rungs);
      const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n));
      for (let n = 0; n < MAX_CHECKPOINTS + 3; n++) await makeCheckpoint(db, day(n), rungs);
      const kept = (await rows(db, sql`SELECT at FROM rm_summary_checkpoints`)).map((r) => new Date(r.at as string).getTime());
      for (const r of rungs) expect(kept).toContain(r.getTime());
      expect(kept).toContain(day(MAX_CHECKPOINTS + 2).getTime());
      expect(kept.length).toBe(MAX_CHECKPOINTS + rungs.length);
    }, 120_000);
  });
});

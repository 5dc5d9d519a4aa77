import type { CaseEvent } from '../../../src/case/case';
import { CASE_STREAM_PREFIX } from '../../../src/case/case-events';
import type { RecordedEvent } from '../../../src/event-store/event-store';
import { planCaseBatch, type CaseBatch, type StoredCase } from '../../../src/oversight/projection/case-batch';
import { GROUP, MEASURE, type CounterRow } from '../../../src/oversight/projection/summary-counters';
import { DAY_MS } from '../../../src/oversight/figures/figure-math';
import { CASE_ID, caseReported, caseStudied, recommendationIssued, sanctionDecided, sanctionExecuted } from '../../case/case-fixtures';
import { wib } from '../../case/given';

/**
 * The projection in sentences: given these events, in these batches, then these follow-up rows,
 * track versions, timeline lines and counters. Pure: the batches are planned as the projection plans
 * them (case-batch.ts), and what it would write is kept in memory the way the tables keep it.
 */

interface ReadModel {
  stored: Map<string, StoredCase>;
  trackVersions: CaseBatch['trackVersions'];
  timeline: CaseBatch['timeline'];
  counts: Map<string, CounterRow>;
  values: Map<string, number[]>;
  last: CaseBatch;
}

let position = 0n;
function recorded(events: CaseEvent[], from: number): RecordedEvent[] {
  return events.map((e, i) => ({
    id: `event-${from + i}`,
    type: e.type,
    data: e.data as unknown as Record<string, unknown>,
    metadata: { commandId: `command-${from + i}`, agency: 'BAWASLU', unit: '16.73', userId: 'bawaslu-16.73', recordedAt: wib('2024-12-01 10:00') },
    streamId: `${CASE_STREAM_PREFIX}${CASE_ID}`,
    version: from + i,
    position: (position += 1n),
  }));
}

/** Projects each array as one batch, as the projection would, keeping what the tables would hold. */
function given(...batches: CaseEvent[][]): ReadModel {
  const model: ReadModel = { stored: new Map(), trackVersions: [], timeline: [], counts: new Map(), values: new Map(), last: null! };
  let version = 1;
  for (const events of batches) model.last = project(model, recorded(events, version)), (version += events.length);
  return model;
}

/** Applies one batch of already recorded events (a replay may repeat versions). */
function project(model: ReadModel, events: RecordedEvent[]): CaseBatch {
  const batch = planCaseBatch(new Map([[CASE_ID, events]]), model.stored);
  for (const close of batch.closing.tracks) {
    const open = model.trackVersions.find((v) => v.respondentId === close.respondentId && v.validTo === null && v.caseVersion < close.caseVersion);
    if (open) open.validTo = close.validFrom;
  }
  model.trackVersions.push(...batch.trackVersions);
  model.timeline.push(...batch.timeline);
  for (const c of batch.changed) model.stored.set(CASE_ID, { state: c.state, effective: c.effective, counted: c.followUps });
  for (const [id, row] of batch.counters.counts) {
    const sum = model.counts.get(id) ?? { ...row, counts: {} };
    for (const [figure, n] of Object.entries(row.counts)) sum.counts[figure] = (sum.counts[figure] ?? 0) + n;
    // Like the table: a bucket nobody is counted in any more is gone.
    if (sum.counts.total === 0) model.counts.delete(id);
    else model.counts.set(id, sum);
  }
  for (const [id, row] of batch.counters.values) {
    const list = model.values.get(id) ?? [];
    for (const [v, times] of row.values) {
      for (let i = 0; i < times; i++) list.push(v);
      for (let i = 0; i > times; i--) list.splice(list.indexOf(v), 1);
    }
    model.values.set(id, list.sort((a, b) => a - b));
  }
  return batch;
}

/** The civil-service bucket of a grouping whose key has these values, as non-zero counts. */
function counted(model: ReadModel, grouping: number, key: Partial<CounterRow> = {}): Record<string, number> | undefined {
  const row = [...model.counts.values()].find(
    (r) => r.grouping === grouping && r.kind === 'CIVIL_SERVICE' && Object.entries(key).every(([k, v]) => r[k as keyof CounterRow] === v),
  );
  return row && Object.fromEntries(Object.entries(row.counts).filter(([, n]) => n !== 0));
}

const values = (model: ReadModel, measure: number) =>
  [...model.values.entries()].filter(([id]) => id.startsWith('0\u001f') && id.split('\u001f')[9] === String(measure)).flatMap(([, v]) => v);

const NATIONAL = 0;
const reportedAndStudied = () => [caseReported(), caseStudied()];

describe('projecting a case', () => {
  describe('when a case with two respondents was reported and studied', () => {
    const model = given(reportedAndStudied());

    it('each respondent has a follow-up row waiting on Bawaslu for the recommendation', () => {
      const rows = model.last.changed[0].followUps;
      expect(rows.map((r) => [r.respondentId, r.stage, r.waitingOn, r.dueAt])).toEqual([
        ['R1', 'STUDIED', 'BAWASLU', new Date(wib('2024-10-07 14:00'))],
        ['R2', 'STUDIED', 'BAWASLU', new Date(wib('2024-10-07 14:00'))],
      ]);
    });

    it('the timeline has one line per event, dated when it happened', () => {
      expect(model.timeline.map((t) => [t.version, t.type, t.occurredAt])).toEqual([
        [1, 'CaseReported', new Date(wib('2024-09-27 10:00'))],
        [2, 'CaseStudied', new Date(wib('2024-09-30 14:00'))],
      ]);
    });

    it('the national counters hold two persons in one case, both waiting, none decided', () => {
      expect(counted(model, NATIONAL)).toEqual({ total: 2, cases: 1, stage_STUDIED: 2, stage_STUDIED_cases: 1, waiting: 2, waiting_cases: 1 });
    });

    it('by violation, each person is counted under the violation proven against them', () => {
      expect(counted(model, GROUP.VIOLATION, { violation: 'ACTIVE_SUPPORT_AT_CAMPAIGN' })).toEqual(
        expect.objectContaining({ total: 1, cases: 1 }),
      );
      expect(counted(model, GROUP.VIOLATION, { violation: 'SOCIAL_MEDIA_ENGAGEMENT' })).toEqual(expect.objectContaining({ total: 1, cases: 1 }));
    });

    it('the case is overdue from its earliest due time: one due time per waiting person, one per case', () => {
      expect(values(model, MEASURE.DUE)).toEqual([Date.parse(wib('2024-10-07 14:00')), Date.parse(wib('2024-10-07 14:00'))]);
      expect(values(model, MEASURE.CASE_DUE)).toEqual([Date.parse(wib('2024-10-07 14:00'))]);
    });
  });

  describe('when the recommendation, a decision and its execution arrived in later batches', () => {
    const model = given(reportedAndStudied(), [recommendationIssued()], [sanctionDecided()], [sanctionExecuted()]);

    it("R1's versions tile its history: each valid until the next one took effect, the last one open", () => {
      const r1 = model.trackVersions.filter((v) => v.respondentId === 'R1');
      expect(r1.map((v) => [v.stage, v.validFrom, v.validTo])).toEqual([
        ['REPORTED', new Date(wib('2024-09-27 10:00')), new Date(wib('2024-09-30 14:00'))],
        ['STUDIED', new Date(wib('2024-09-30 14:00')), new Date(wib('2024-10-02 09:00'))],
        ['RECOMMENDED', new Date(wib('2024-10-02 09:00')), new Date(wib('2024-10-14 10:00'))],
        ['SANCTION_DECIDED', new Date(wib('2024-10-14 10:00')), new Date(wib('2024-11-11 09:00'))],
        ['SANCTION_EXECUTED', new Date(wib('2024-11-11 09:00')), null],
      ]);
    });

    it('the counters move R1 from waiting to acted on, and keep R2 waiting on BKN', () => {
      expect(counted(model, NATIONAL)).toEqual({
        total: 2,
        cases: 1,
        stage_RECOMMENDED: 1,
        stage_RECOMMENDED_cases: 1,
        stage_SANCTION_EXECUTED: 1,
        stage_SANCTION_EXECUTED_cases: 1,
        status_AS_RECOMMENDED: 1,
        status_AS_RECOMMENDED_cases: 1,
        recommended: 2,
        recommended_cases: 1,
        decided: 1,
        decided_cases: 1,
        acted_on: 1,
        acted_on_cases: 1,
        waiting: 1,
        waiting_cases: 1,
      });
      expect(counted(model, GROUP.WAITING_ON, { waitingOn: 'BKN' })).toEqual(expect.objectContaining({ total: 1, cases: 1, waiting: 1 }));
      expect(counted(model, GROUP.WAITING_ON, { waitingOn: 'PPK' })).toBeUndefined();
    });

    it('the days to execute are kept exactly: decree date minus decision date', () => {
      expect(values(model, MEASURE.EXECUTE)).toEqual([Date.parse(wib('2024-11-11 09:00')) - Date.parse(wib('2024-10-14 10:00'))]);
      expect(values(model, MEASURE.EXECUTE)[0] / DAY_MS).toBeCloseTo(27.96, 2);
    });

    it('a batch replayed after it was applied changes no row and no counter', () => {
      const again = project(model, recorded([sanctionExecuted()], 5));
      expect(again.timeline).toEqual([]);
      expect(again.trackVersions).toEqual([]);
      expect([...again.counters.counts.values()].every((r) => Object.values(r.counts).every((n) => n === 0))).toBe(true);
      expect([...again.counters.values.values()].every((r) => [...r.values.values()].every((n) => n === 0))).toBe(true);
    });
  });

  describe('when a batch rewrites a case\'s rows without moving a counted field', () => {
    const model = given(reportedAndStudied());
    const before = JSON.stringify([...model.counts.values()]);
    // A replayed batch (already applied): the rows are written again, the same.
    const again = project(model, recorded(reportedAndStudied(), 1));

    it('the counters are not touched: no bucket is computed, none written', () => {
      expect(again.changed).toHaveLength(1);
      expect(again.counters.counts.size).toBe(0);
      expect(again.counters.values.size).toBe(0);
      expect(JSON.stringify([...model.counts.values()])).toBe(before);
    });
  });
});

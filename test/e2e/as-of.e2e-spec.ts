import { gql } from 'graphql-request';
import { CaseWorkflowClient } from '../grpc/grpc-client';
import { codeOf, messageOf, startTestNetra, type RunningNetra } from '../support/netra-app';
import {
  aRecommendation,
  aSanctionDecision,
  aStudy,
  anExecution,
  DECIDE,
  EXECUTE,
  FULL_CASE,
  mutate,
  RECOMMEND,
  REPORT,
  STUDY,
  type FullCase,
} from './case-steps';
import { aLaporan, NIP_CAMAT } from './fixtures';
import { compareSummaries } from '../../src/oversight/figures/compare-summaries';
import { recomputeFigures } from '../../src/oversight/figures/recompute';
import type { FollowUpSummary } from '../../src/oversight/models/summary.model';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import { SUMMARY_QUERY } from '../oversight/summary-fields';

/**
 * Issue 5 item 4: every oversight query answers "as of" an instant from the history. A laporan of
 * 26 Sep 2024 is studied, recommended and decided; the PPK executes late, on 20 Nov.
 */

const CASE_AS_OF = gql`query ($id: ID!, $asOf: DateTime) { case(id: $id, asOf: $asOf) { ...FullCase } } ${FULL_CASE}`;
const CASES_AS_OF = gql`query ($asOf: DateTime, $filter: CaseFilter) { cases(asOf: $asOf, filter: $filter, first: 10) { totalCount edges { node { id stage version } } } }`;
const FOLLOW_UPS_AS_OF = gql`query ($asOf: DateTime, $filter: FollowUpFilter) {
  followUps(asOf: $asOf, filter: $filter, first: 10) { totalCount edges { node { respondentId nip stage waitingOn overdue daysLate daysWaiting followUpStatus } } }
}`;

describe('as-of queries', () => {
  let netra: RunningNetra;
  let caseId: string;
  let dueAt: string;

  beforeAll(async () => {
    netra = await startTestNetra();
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const bkn = await netra.client('BKN');
    const ppk = await netra.client('PPK', '16.73');
    caseId = (await mutate(bawaslu, REPORT, aLaporan())).id;
    await mutate(bawaslu, STUDY, aStudy(caseId, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(caseId, ['R1']));
    const decided = await mutate(bkn, DECIDE, aSanctionDecision(caseId, 'R1'));
    dueAt = decided.respondents.find((r) => r.respondentId === 'R1')!.dueAt!;
    await mutate(ppk, EXECUTE, anExecution(caseId, 'R1', { executedAt: '2024-11-20T10:00:00+07:00' }));
  });
  afterAll(() => netra.close());

  const caseAsOf = async (asOf?: string) =>
    (await (await netra.client('BAWASLU', '16.73')).request<{ case: FullCase | null }>(CASE_AS_OF, { id: caseId, asOf })).case;

  it('shows the case as it stood at each step, with the timeline up to then', async () => {
    expect(await caseAsOf('2024-09-20T00:00:00+07:00')).toBeNull();
    const reported = await caseAsOf('2024-09-27T00:00:00+07:00');
    expect(reported).toMatchObject({ stage: 'REPORTED', version: 1 });
    expect(reported!.respondents.map((r) => r.stage)).toEqual(['REPORTED', 'REPORTED']);
    expect(reported!.timeline.map((t) => t.type)).toEqual(['CaseReported']);
    expect(reported!.reporter?.name).toBe(aLaporan().reporter.name);

    const decided = await caseAsOf('2024-10-08T00:00:00+07:00');
    expect(decided!.timeline.map((t) => t.type)).toEqual(['CaseReported', 'CaseStudied', 'RecommendationIssued', 'SanctionDecided']);
    expect(decided!.respondents[0]).toMatchObject({ stage: 'SANCTION_DECIDED', waitingOn: 'PPK', followUpStatus: 'PENDING', nip: NIP_CAMAT });
    expect(decided!.respondents[1]).toMatchObject({ stage: 'NO_VIOLATION', waitingOn: null });

    const now = await caseAsOf();
    expect(now!.respondents[0]).toMatchObject({ stage: 'SANCTION_EXECUTED', followUpStatus: 'AS_RECOMMENDED' });
    expect(now!.version).toBe(5);
  });

  it('computes overdue and days late at the instant asked about', async () => {
    const oversight = await netra.client('OVERSIGHT');
    const lateAt = new Date(new Date(dueAt).getTime() + 3.5 * 86_400_000).toISOString();
    const late = (await oversight.request<{ followUps: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> } }>(FOLLOW_UPS_AS_OF, { asOf: lateAt, filter: { waitingOn: 'PPK' } })).followUps;
    expect(late.totalCount).toBe(1);
    expect(late.edges[0].node).toMatchObject({ respondentId: 'R1', overdue: true, daysLate: 3, followUpStatus: 'PENDING' });
    const onTime = new Date(new Date(dueAt).getTime() - 86_400_000).toISOString();
    const early = (await oversight.request<{ followUps: { edges: Array<{ node: Record<string, unknown> }> } }>(FOLLOW_UPS_AS_OF, { asOf: onTime, filter: { waitingOn: 'PPK' } })).followUps;
    expect(early.edges[0].node).toMatchObject({ overdue: false, daysLate: null });
    const now = (await oversight.request<{ followUps: { totalCount: number } }>(FOLLOW_UPS_AS_OF, { filter: { waitingOn: 'PPK' } })).followUps;
    expect(now.totalCount).toBe(0);
  });

  it('lists cases by their stage at the time, and keeps region scoping as it is now', async () => {
    const oversight = await netra.client('OVERSIGHT');
    const list = (asOf: string, filter?: object) => oversight.request<{ cases: { totalCount: number; edges: Array<{ node: { stage: string; version: number } }> } }>(CASES_AS_OF, { asOf, filter });
    expect((await list('2024-09-01T00:00:00Z')).cases.totalCount).toBe(0);
    expect((await list('2024-09-29T00:00:00+07:00')).cases.edges[0].node).toMatchObject({ stage: 'STUDIED', version: 2 });
    expect((await list('2024-09-29T00:00:00+07:00', { stage: 'REPORTED' })).cases.totalCount).toBe(0);
    const elsewhere = await netra.client('BAWASLU', '13.72');
    expect((await elsewhere.request<{ cases: { totalCount: number } }>(CASES_AS_OF, { asOf: '2024-10-08T00:00:00+07:00' })).cases.totalCount).toBe(0);
    const ppkElsewhere = await netra.client('PPK', '16.05');
    expect((await ppkElsewhere.request<{ case: unknown }>(CASE_AS_OF, { id: caseId, asOf: '2024-10-08T00:00:00+07:00' })).case).toBeNull();
  });

  it('counts a decree typed in late from its own date, even after a later decree of another respondent', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const bkn = await netra.client('BKN');
    const ppk = await netra.client('PPK', '16.73');
    const id = (await mutate(bawaslu, REPORT, aLaporan())).id;
    await mutate(bawaslu, STUDY, aStudy(id, { R1: 'VIOLATION', R2: 'VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(id, ['R1', 'R2']));
    await mutate(bkn, DECIDE, aSanctionDecision(id, 'R1'));
    await mutate(bkn, DECIDE, aSanctionDecision(id, 'R2'));
    await mutate(ppk, EXECUTE, anExecution(id, 'R1', { executedAt: '2024-11-20T10:00:00+07:00' }));
    await mutate(ppk, EXECUTE, anExecution(id, 'R2', { executedAt: '2024-10-14T10:00:00+07:00' }));

    const asOf = '2024-11-01T00:00:00+07:00';
    const oversight = await netra.client('OVERSIGHT');
    const tracks = (await oversight.request<{ case: FullCase }>(CASE_AS_OF, { id, asOf })).case.respondents;
    expect(tracks.map((t) => [t.respondentId, t.stage])).toEqual([['R1', 'SANCTION_DECIDED'], ['R2', 'SANCTION_EXECUTED']]);
    const { followUpSummary } = await oversight.request<{ followUpSummary: FollowUpSummary }>(SUMMARY_QUERY, { groupBy: [], asOf, filter: { caseId: id } });
    expect(followUpSummary.overall.actedOn.persons).toBe(1);
    const all = (await oversight.request<{ followUpSummary: FollowUpSummary }>(SUMMARY_QUERY, { groupBy: [], asOf })).followUpSummary;
    const storage = netra.app.get<Storage>(STORAGE);
    const recomputed = await recomputeFigures(storage.store, { position: BigInt(all.position), asOf: new Date(asOf), groupBy: [] });
    expect(compareSummaries(all, recomputed)).toEqual([]);
    expect(recomputed.overall.actedOn.persons).toBe(1); // the first case's decree is dated 20 Nov
  });

  it('refuses a question about the future, naming asOf', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const request = netra.anonymous().request(gql`query ($asOf: DateTime) { followUpSummary(asOf: $asOf) { position } }`, { asOf: future });
    expect(await codeOf(request)).toBe('BAD_USER_INPUT');
    expect(await messageOf(netra.anonymous().request(gql`query ($asOf: DateTime) { followUpSummary(asOf: $asOf) { position } }`, { asOf: future }))).toMatch(/asOf/);
  });

  it('answers GetCase and ListFollowUps over gRPC as of an instant', async () => {
    const client = new CaseWorkflowClient(netra.grpcAddress);
    try {
      const oversight = { agency: 'OVERSIGHT' as const };
      const past = (await client.call('GetCase', { caseId, asOf: '2024-09-29T00:00:00+07:00' }, oversight)).case;
      expect(past.version).toBe(2);
      expect(past.timeline).toHaveLength(2);
      const waiting = await client.call('ListFollowUps', { asOf: '2024-10-08T00:00:00+07:00', filter: {} }, oversight);
      expect(waiting.followUps.map((f: { respondentId: string; stage: string }) => [f.respondentId, f.stage])).toEqual(
        expect.arrayContaining([['R1', 'RESPONDENT_STAGE_SANCTION_DECIDED']]),
      );
    } finally {
      client.raw.close();
    }
  });
});

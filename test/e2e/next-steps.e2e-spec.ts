import { gql } from 'graphql-request';
import { REPORT_CASE, aLaporan, type CaseResult } from './fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';

/**
 * `Case.nextSteps` over real HTTP: what the caller of the request may do next, per respondent, as the
 * decider judges it (src/case/next-steps.ts) — the console renders its forms from this.
 */
const NEXT = gql`
  query Next($id: ID!) { case(id: $id) { id respondents { respondentId } nextSteps { step respondentIds escalationKinds deadlineStep overridesLegalHold } } }
`;
interface Next {
  case: { id: string; respondents: Array<{ respondentId: string }>; nextSteps: Array<{ step: string; respondentIds: string[]; escalationKinds: string[] | null; deadlineStep: string | null; overridesLegalHold: boolean | null }> };
}

describe('the next steps of a case, per caller', () => {
  let netra: RunningNetra;
  let caseId: string;
  let respondents: string[];
  beforeAll(async () => {
    netra = await startTestNetra();
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const { reportCase } = await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() });
    caseId = reportCase.id;
    respondents = reportCase.respondents.map((r) => r.respondentId);
  }, 60_000);
  afterAll(() => netra?.close());

  const allStepsOf = async (agency: Parameters<RunningNetra['client']>[0], region: string | null) =>
    (await (await netra.client(agency, region)).request<Next>(NEXT, { id: caseId })).case.nextSteps;
  /** The lifecycle's steps; attaching a document is offered beside them (its own test below). */
  const stepsOf = async (agency: Parameters<RunningNetra['client']>[0], region: string | null) =>
    (await allStepsOf(agency, region)).filter((s) => s.step !== 'attachDocument');

  it('attaching a document is offered to who may attach, for the whole case and the tracks it may, as the decider judges an upload', async () => {
    const attach = (steps: Next['case']['nextSteps']) => steps.filter((s) => s.step === 'attachDocument').map((s) => s.respondentIds.slice().sort());
    expect(attach(await allStepsOf('BAWASLU', '16.73'))).toEqual([[], [...respondents].sort()]);
    // Oversight reads but attaches nothing; the PPK attaches only where a sanction decision names it (none yet).
    expect(attach(await allStepsOf('OVERSIGHT', null))).toEqual([]);
    expect(attach(await allStepsOf('PPK', '16.73'))).toEqual([]);
  });

  it('the handling Bawaslu unit is offered the study of both respondents and the extension of its own due time', async () => {
    const steps = await stepsOf('BAWASLU', '16.73');
    expect(steps.map((s) => s.step).sort()).toEqual(['extendDeadline', 'recordStudy']);
    expect(steps.find((s) => s.step === 'recordStudy')!.respondentIds.sort()).toEqual([...respondents].sort());
    // The extension names the due time it moves, so the console can title its form without knowing the stages.
    expect(steps.find((s) => s.step === 'extendDeadline')).toMatchObject({ deadlineStep: 'STUDY', escalationKinds: null });
  });

  it('Bawaslu RI may erase only by overriding the legal hold; BKN, oversight and the PPK have nothing to do yet', async () => {
    const national = await stepsOf('BAWASLU', null);
    expect(national.find((s) => s.step === 'erasePersonalData')).toEqual({ step: 'erasePersonalData', respondentIds: [], escalationKinds: null, deadlineStep: null, overridesLegalHold: true });
    expect(await stepsOf('BKN', null)).toEqual([]);
    expect(await stepsOf('OVERSIGHT', null)).toEqual([]);
    expect(await stepsOf('PPK', '16.73')).toEqual([]);
  });

  it('after the study is recorded, the same unit is offered the recommendation for the proven respondent only', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    await bawaslu.request(
      gql`mutation S($input: RecordStudyInput!) { recordStudy(input: $input) { id } }`,
      {
        input: {
          caseId,
          studiedAt: '2024-09-30T10:00:00+07:00',
          findings: [
            { respondentId: respondents[0], outcome: 'VIOLATION', violations: ['PARTISAN_ACTIVITY'] },
            { respondentId: respondents[1], outcome: 'NO_VIOLATION' },
          ],
        },
      },
    );
    const steps = await stepsOf('BAWASLU', '16.73');
    expect(steps.find((s) => s.step === 'issueRecommendation')!.respondentIds).toEqual([respondents[0]]);
    expect(steps.find((s) => s.step === 'recordStudy')).toBeUndefined();
  });

  it("a mutation's answer offers the steps of the case it wrote, as a read afterwards does, without reading the case's stream again", async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const { reportCase } = await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() });
    const [first, second] = reportCase.respondents.map((r) => r.respondentId);
    const store = netra.app.get<EventStore>(EVENT_STORE);
    const read = jest.spyOn(store, 'readStream');
    try {
      const { recordStudy } = await bawaslu.request<{ recordStudy: Next['case'] & { version: number } }>(
        gql`mutation S($input: RecordStudyInput!) { recordStudy(input: $input) { id version nextSteps { step respondentIds escalationKinds deadlineStep overridesLegalHold } } }`,
        {
          input: {
            caseId: reportCase.id,
            studiedAt: '2024-09-30T10:00:00+07:00',
            findings: [
              { respondentId: first, outcome: 'VIOLATION', violations: ['PARTISAN_ACTIVITY'] },
              { respondentId: second, outcome: 'NO_VIOLATION' },
            ],
          },
        },
      );
      // The command decided on the state this process kept, and nextSteps asked the state it wrote.
      expect(read.mock.calls.filter(([stream]) => stream.includes(reportCase.id))).toEqual([]);
      const after = (await bawaslu.request<Next>(NEXT, { id: reportCase.id })).case.nextSteps;
      expect(recordStudy.nextSteps).toEqual(after);
      expect(recordStudy.nextSteps.find((s) => s.step === 'issueRecommendation')!.respondentIds).toEqual([first]);
    } finally {
      read.mockRestore();
    }
  });

  it('only a national KemenPANRB unit is told it may publish the holiday calendar, as publishCalendar would judge it', async () => {
    const may = async (agency: Parameters<RunningNetra['client']>[0], region: string | null) =>
      (await (await netra.client(agency, region)).request<{ mayPublishCalendar: boolean }>(gql`{ mayPublishCalendar }`)).mayPublishCalendar;
    expect(await may('KEMENPANRB', null)).toBe(true);
    expect(await may('KEMENPANRB', '16')).toBe(false);
    expect(await may('BAWASLU', null)).toBe(false);
    expect(await may('BKN', null)).toBe(false);
  });
});

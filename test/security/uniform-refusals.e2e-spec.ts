import { gql, type GraphQLClient } from 'graphql-request';
import { randomUUID } from 'node:crypto';
import { CaseWorkflowClient, refusal } from '../grpc/grpc-client';
import type { RunningNetra } from '../support/netra-app';
import { onBothStores } from '../support/on-both-stores';
import { appendedSince, storeHead } from './security-support';

/**
 * Issue 13, "Uniform refusals": a unit that may not read a case gets NOT_FOUND for every operation
 * on it, whatever else is wrong — the very answer a case that does not exist gets, so no refusal
 * tells it the handling unit, the PPK regions, the respondents, the version or which command ids
 * were used. And only the PPK of the region a decision names executes it.
 */

const AT = {
  occurredAt: '2024-09-25T08:00:00+07:00',
  knownAt: '2024-09-25T12:00:00+07:00',
  receivedAt: '2024-09-26T09:00:00+07:00',
  studiedAt: '2024-09-28T10:00:00+07:00',
  issuedAt: '2024-10-01T10:00:00+07:00',
  decidedAt: '2024-10-14T10:00:00+07:00',
  executedAt: '2024-10-20T10:00:00+07:00',
  future: '2099-01-01T10:00:00+07:00',
};
const STUDY_COMMAND = 'lubuk-linggau-study-0001';

const REPORT = {
  source: 'FINDING',
  election: { kind: 'PILKADA', year: 2024, regionCode: '16.73' },
  handlingUnit: '16.73',
  occurredAt: AT.occurredAt,
  knownAt: AT.knownAt,
  receivedAt: AT.receivedAt,
  summary: 'A camat wore a candidate’s T-shirt at a sub-district event.',
  violations: ['PARTISAN_ACTIVITY'],
  respondents: [{ name: 'Ahmad Fauzi', nip: '198203152008011002', employment: 'PNS', position: 'Camat', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' }],
};

const DOCUMENT = (name: string, input: string) => gql`mutation ($input: ${input}!) { ${name}(input: $input) { id version stage } }`;

/** Every step on an existing case, with a valid input for a case waiting on the PPK. */
const STEPS: Record<string, { input: string; valid: (caseId: string) => Record<string, unknown>; bad: Record<string, unknown> }> = {
  recordStudy: { input: 'RecordStudyInput', valid: (caseId) => ({ caseId, studiedAt: AT.studiedAt, findings: [{ respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }] }), bad: { studiedAt: AT.future } },
  issueRecommendation: { input: 'IssueRecommendationInput', valid: (caseId) => ({ caseId, respondentIds: ['R1'], recipient: 'BKN', letterNumber: '0101/PP.01.02/K.SS-16.73/10/2024', issuedAt: AT.issuedAt }), bad: { issuedAt: AT.future } },
  decideSanction: {
    input: 'DecideSanctionInput',
    valid: (caseId) => ({ caseId, respondentId: 'R1', decision: 'SANCTION', letterNumber: 'B-1444/JP.01/10/2024', decidedAt: AT.decidedAt, sanction: 'MORAL_OPEN', ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' } }),
    bad: { decidedAt: AT.future },
  },
  recordSanctionExecution: { input: 'RecordSanctionExecutionInput', valid: (caseId) => ({ caseId, respondentId: 'R1', decreeNumber: '800/77/KPTS/2024', executedAt: AT.executedAt, sanction: 'MORAL_OPEN' }), bad: { executedAt: AT.future } },
  declareFollowUpImpossible: { input: 'DeclareFollowUpImpossibleInput', valid: (caseId) => ({ caseId, respondentId: 'R1', reason: 'RETIRED', note: 'Pensiun', declaredAt: AT.executedAt }), bad: { declaredAt: AT.future } },
  extendDeadline: { input: 'ExtendDeadlineInput', valid: (caseId) => ({ caseId, respondentId: 'R1', newDueAt: '2024-12-31T10:00:00+07:00', legalBasis: 'Surat BKN' }), bad: { newDueAt: '2000-01-01T00:00:00+07:00' } },
  recordEscalation: { input: 'RecordEscalationInput', valid: (caseId) => ({ caseId, respondentId: 'R1', kind: 'KEMENDAGRI_REPRIMAND', letterNumber: '800/1/OTDA', escalatedAt: AT.executedAt }), bad: { escalatedAt: AT.future } },
  erasePersonalData: { input: 'ErasePersonalDataInput', valid: (caseId) => ({ caseId, reason: 'Permintaan subjek data' }), bad: { reason: '' } },
};

/** What is wrong besides the caller: each variant would give a telling refusal to a reader of the case. */
const VARIANTS: Record<string, (input: Record<string, unknown>, bad: Record<string, unknown>) => Record<string, unknown>> = {
  'a valid input': (input) => input,
  'a stale expectedVersion': (input) => ({ ...input, expectedVersion: 1 }),
  'a command id the case already used': (input) => ({ ...input, commandId: STUDY_COMMAND }),
  'an unknown respondent': (input) => ('respondentId' in input ? { ...input, respondentId: 'R9' } : { ...input, expectedVersion: 99 }),
  'an invalid field': (input, bad) => ({ ...input, ...bad }),
};

interface Refusal {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

async function refusalOf(client: GraphQLClient, step: string, input: Record<string, unknown>): Promise<Refusal> {
  try {
    await client.request(DOCUMENT(step, STEPS[step].input), { input });
    return { code: 'OK', message: '', extensions: {} };
  } catch (error) {
    const first = (error as { response?: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }).response?.errors?.[0];
    return { code: String(first?.extensions?.code ?? error), message: first?.message ?? '', extensions: first?.extensions ?? {} };
  }
}

/** A refusal with the case id taken out: what a caller can compare between two cases. */
const anonymised = (r: Refusal, caseId: string) => JSON.parse(JSON.stringify(r).split(caseId).join('<case>'));

onBothStores('uniform refusals', (start) => {
  let netra: RunningNetra;
  let cleanup: () => Promise<void>;
  let bawaslu: GraphQLClient;
  let bkn: GraphQLClient;
  let caseId: string;

  beforeAll(async () => {
    ({ netra, cleanup } = await start());
    bawaslu = await netra.client('BAWASLU', '16.73');
    bkn = await netra.client('BKN');
    caseId = (await bawaslu.request<{ reportCase: { id: string } }>(DOCUMENT('reportCase', 'ReportCaseInput'), { input: { ...REPORT, commandId: 'lubuk-linggau-0001' } })).reportCase.id;
    await bawaslu.request(DOCUMENT('recordStudy', 'RecordStudyInput'), { input: { ...STEPS.recordStudy.valid(caseId), commandId: STUDY_COMMAND } });
    await bawaslu.request(DOCUMENT('issueRecommendation', 'IssueRecommendationInput'), { input: STEPS.issueRecommendation.valid(caseId) });
    await bkn.request(DOCUMENT('decideSanction', 'DecideSanctionInput'), { input: STEPS.decideSanction.valid(caseId) });
  });
  afterAll(() => cleanup());

  /** Units of Kota Solok (13.72) and Prabumulih (16.74): none may read a Lubuk Linggau case. */
  const OUTSIDERS = [
    ['BAWASLU', '13.72'],
    ['PPK', '16.74'],
    ['KEMENDAGRI', '13.72'],
  ] as const;

  describe.each(OUTSIDERS)('%s %s, which may not read the case', (agency, region) => {
    it.each(Object.keys(STEPS).flatMap((step) => Object.keys(VARIANTS).map((variant) => [step, variant])))(
      '%s with %s is NOT_FOUND, exactly as for a case that does not exist, and appends nothing',
      async (step, variant) => {
        const caller = await netra.client(agency, region);
        const missing = randomUUID();
        const head = await storeHead(netra);

        const onTheCase = await refusalOf(caller, step, VARIANTS[variant](STEPS[step].valid(caseId), STEPS[step].bad));
        const onNothing = await refusalOf(caller, step, VARIANTS[variant](STEPS[step].valid(missing), STEPS[step].bad));

        expect(onTheCase.code).toBe('NOT_FOUND');
        expect(anonymised(onTheCase, caseId)).toEqual(anonymised(onNothing, missing));
        for (const told of ['16.73', 'R1', 'version', 'stage', 'commandId', 'Walikota']) expect(onTheCase.message).not.toContain(told);
        expect(await appendedSince(netra, head)).toEqual([]);
      },
    );
  });

  it('over gRPC too: GetCase and every kind of write answer NOT_FOUND, as for no case', async () => {
    const grpc = new CaseWorkflowClient(netra.grpcAddress);
    try {
      const outsider = { agency: 'BAWASLU' as const, region: '13.72' };
      const missing = randomUUID();
      const calls: Array<[string, (id: string) => Record<string, unknown>]> = [
        ['GetCase', (id) => ({ caseId: id })],
        ['RecordStudy', (id) => ({ caseId: id, expectedVersion: 1, studiedAt: AT.studiedAt, findings: [{ respondentId: 'R1', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }] })],
        ['RecordSanctionExecution', (id) => ({ caseId: id, commandId: STUDY_COMMAND, respondentId: 'R1', decreeNumber: '800/77', executedAt: AT.future, sanction: 'SANCTION_KIND_MORAL_OPEN' })],
        ['DeclareFollowUpImpossible', (id) => ({ caseId: id, respondentId: 'R9', reason: 'IMPOSSIBILITY_REASON_RETIRED', note: 'x', declaredAt: AT.executedAt })],
      ];
      for (const [method, request] of calls) {
        const onTheCase = await refusal(grpc.call(method, request(caseId), outsider));
        const onNothing = await refusal(grpc.call(method, request(missing), outsider));
        expect([method, onTheCase.netraCode]).toEqual([method, 'NOT_FOUND']);
        expect([method, onTheCase.code, onTheCase.details.split(caseId).join('<case>')]).toEqual([method, onNothing.code, onNothing.details.split(missing).join('<case>')]);
      }
    } finally {
      grpc.close();
    }
  });

  it('another unit sending a command id Lubuk Linggau used for its report opens a case of its own', async () => {
    const solok = await netra.client('BAWASLU', '13.72');
    const input = { ...REPORT, commandId: 'lubuk-linggau-0001', election: { kind: 'PILKADA', year: 2024, regionCode: '13.72' }, handlingUnit: '13.72', respondents: [{ ...REPORT.respondents[0], institutionRegionCode: '13.72' }] };
    const opened = await solok.request<{ reportCase: { id: string; version: number } }>(DOCUMENT('reportCase', 'ReportCaseInput'), { input });
    expect(opened.reportCase.id).not.toBe(caseId);
    expect(opened.reportCase.version).toBe(1);
  });

  describe('only the PPK of the region the decision names executes it', () => {
    async function decided(ppk: { title: string; regionCode: string }): Promise<string> {
      const id = (await bawaslu.request<{ reportCase: { id: string } }>(DOCUMENT('reportCase', 'ReportCaseInput'), { input: REPORT })).reportCase.id;
      await bawaslu.request(DOCUMENT('recordStudy', 'RecordStudyInput'), { input: STEPS.recordStudy.valid(id) });
      await bawaslu.request(DOCUMENT('issueRecommendation', 'IssueRecommendationInput'), { input: STEPS.issueRecommendation.valid(id) });
      await bkn.request(DOCUMENT('decideSanction', 'DecideSanctionInput'), { input: { ...STEPS.decideSanction.valid(id), ppk } });
      return id;
    }
    const execute = async (region: string, id: string) => (await refusalOf(await netra.client('PPK', region), 'recordSanctionExecution', STEPS.recordSanctionExecution.valid(id))).code;

    it('a sanction addressed to the Walikota Lubuk Linggau: the province’s PPK is FORBIDDEN, the city’s executes it', async () => {
      const id = await decided({ title: 'Walikota Lubuk Linggau', regionCode: '16.73' });
      const head = await storeHead(netra);
      expect(await execute('16', id)).toBe('FORBIDDEN');
      expect(await appendedSince(netra, head)).toEqual([]);
      expect(await execute('16.73', id)).toBe('OK');
    });

    it('a sanction addressed to the Gubernur Sumatera Selatan: the city’s PPK is FORBIDDEN, the province’s executes it — on gRPC as well', async () => {
      const id = await decided({ title: 'Gubernur Sumatera Selatan', regionCode: '16' });
      expect(await execute('16.73', id)).toBe('FORBIDDEN');
      const grpc = new CaseWorkflowClient(netra.grpcAddress);
      try {
        const request = { caseId: id, respondentId: 'R1', decreeNumber: '800/1/GUB/2024', executedAt: AT.executedAt, sanction: 'SANCTION_KIND_MORAL_OPEN' };
        expect((await refusal(grpc.call('RecordSanctionExecution', request, { agency: 'PPK', region: '16.73' }))).netraCode).toBe('FORBIDDEN');
        expect((await refusal(grpc.call('RecordSanctionExecution', request, { agency: 'PPK', region: '16' }))).code).toBe(0);
      } finally {
        grpc.close();
      }
    });
  });
  // A few hundred refused writes from three tokens: the mutation rate limit has its own suite.
}, { MUTATION_RATE_LIMIT_PER_MINUTE: '100000' });

import { credentials, loadPackageDefinition, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { protoPath as HEALTH_PROTO } from 'grpc-health-check';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { aLaporan, BAWASLU_LUBUK_LINGGAU, BKN, CaseWorkflowClient, OVERSIGHT, PPK_LUBUK_LINGGAU, refusal, type Caller } from './grpc-client';

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const WALIKOTA = { title: 'Walikota Lubuk Linggau', regionCode: '16.73' };

describe('the gRPC API (netra.v1.CaseWorkflow)', () => {
  let netra: RunningNetra;
  let client: CaseWorkflowClient;
  beforeAll(async () => {
    netra = await startTestNetra();
    client = new CaseWorkflowClient(netra.grpcAddress);
  });
  afterAll(async () => {
    client.close();
    await netra.close();
  });

  const call = (method: string, request: Message, caller: Caller | null) => client.call(method, request, caller);
  const report = async (overrides: Message = {}) => (await call('ReportCase', aLaporan(overrides), BAWASLU_LUBUK_LINGGAU)).case;

  describe('a case driven through its whole lifecycle', () => {
    it('goes from laporan to executed sanction, each step answering the case as the read model shows it', async () => {
      const reported = await report({ commandId: `grpc-life-${randomUUID()}` });
      expect(reported).toMatchObject({ source: 'CASE_SOURCE_REPORT', stage: 'CASE_STAGE_REPORTED', version: 1, handlingUnit: '16.73' });
      expect(reported.reporter).toMatchObject({ name: 'Rina Marlina' });
      expect(reported.respondents.map((r: Message) => [r.respondentId, r.nip, r.waitingOn])).toEqual([
        ['R1', '198203152008011002', 'AGENCY_BAWASLU'],
        ['R2', '199001202015032001', 'AGENCY_BAWASLU'],
      ]);
      const caseId = reported.id;

      const studied = (await call('RecordStudy', {
        caseId,
        studiedAt: '2024-09-28T10:00:00+07:00',
        findings: [
          { respondentId: 'R1', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] },
          { respondentId: 'R2', outcome: 'STUDY_OUTCOME_NO_VIOLATION', note: 'Tidak terbukti' },
        ],
      }, BAWASLU_LUBUK_LINGGAU)).case;
      expect(studied.stage).toBe('CASE_STAGE_STUDIED');
      expect(studied.respondents.map((r: Message) => r.stage)).toEqual(['RESPONDENT_STAGE_STUDIED', 'RESPONDENT_STAGE_NO_VIOLATION']);

      const recommended = (await call('IssueRecommendation', {
        caseId, respondentIds: ['R1'], recipient: 'RECOMMENDATION_RECIPIENT_BKN', letterNumber: '0456/PP.01.02/K.SS-16.73/09/2024', issuedAt: '2024-09-30',
      }, BAWASLU_LUBUK_LINGGAU)).case;
      expect(recommended.respondents[0]).toMatchObject({ stage: 'RESPONDENT_STAGE_RECOMMENDED', waitingOn: 'AGENCY_BKN', recommendationRecipient: 'RECOMMENDATION_RECIPIENT_BKN' });

      const decided = (await call('DecideSanction', {
        caseId, respondentId: 'R1', decision: 'SANCTION_DECISION_SANCTION', letterNumber: 'B-1444/JP.01/10/2024', decidedAt: '2024-10-07T10:00:00+07:00',
        sanction: 'SANCTION_KIND_WRITTEN_REPRIMAND', ppk: WALIKOTA,
      }, BKN)).case;
      expect(decided.respondents[0]).toMatchObject({
        stage: 'RESPONDENT_STAGE_SANCTION_DECIDED', waitingOn: 'AGENCY_PPK', followUpStatus: 'FOLLOW_UP_STATUS_PENDING',
        recommendedSanction: 'SANCTION_KIND_WRITTEN_REPRIMAND', decidedBy: 'AGENCY_BKN', ppk: { title: WALIKOTA.title, regionCode: '16.73', regionName: 'Kota Lubuk Linggau' },
      });
      // BKN is not the handling Bawaslu unit: no reporter for it.
      expect(decided.reporter).toBeUndefined();

      const executed = (await call('RecordSanctionExecution', {
        caseId, respondentId: 'R1', decreeNumber: '800/101/KPTS/BKPSDM/2024', executedAt: '2024-10-14', sanction: 'SANCTION_KIND_MORAL_OPEN', expectedVersion: 4,
      }, PPK_LUBUK_LINGGAU)).case;
      expect(executed).toMatchObject({ stage: 'CASE_STAGE_SANCTION_EXECUTED', version: 5 });
      expect(executed.respondents[0]).toMatchObject({
        stage: 'RESPONDENT_STAGE_SANCTION_EXECUTED', executedSanction: 'SANCTION_KIND_MORAL_OPEN', followUpStatus: 'FOLLOW_UP_STATUS_NOT_AS_RECOMMENDED',
      });
      expect(executed.respondents[0].waitingOn).toBeUndefined();
      expect(executed.timeline.map((t: Message) => [t.version, t.type, t.agency])).toEqual([
        [1, 'CaseReported', 'AGENCY_BAWASLU'],
        [2, 'CaseStudied', 'AGENCY_BAWASLU'],
        [3, 'RecommendationIssued', 'AGENCY_BAWASLU'],
        [4, 'SanctionDecided', 'AGENCY_BKN'],
        [5, 'SanctionExecuted', 'AGENCY_PPK'],
      ]);

      const read = (await call('GetCase', { caseId }, BAWASLU_LUBUK_LINGGAU)).case;
      const { reporter: _reporter, ...rest } = read;
      expect(rest).toEqual({ ...executed, respondents: read.respondents });
      expect(read.reporter).toMatchObject({ name: 'Rina Marlina', phone: '+62 812 0000 1111' });
      expect((await call('GetCase', { caseId }, OVERSIGHT)).case.reporter).toBeUndefined();
    });

    it('declares a follow-up impossible and clears a respondent', async () => {
      const { id: caseId } = await report();
      await call('RecordStudy', { caseId, studiedAt: '2024-09-28', findings: [{ respondentId: 'R1', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }, { respondentId: 'R2', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }] }, BAWASLU_LUBUK_LINGGAU);
      await call('IssueRecommendation', { caseId, respondentIds: ['R1', 'R2'], recipient: 'RECOMMENDATION_RECIPIENT_BKN', letterNumber: '0457/2024', issuedAt: '2024-09-30' }, BAWASLU_LUBUK_LINGGAU);
      await call('DecideSanction', { caseId, respondentId: 'R1', decision: 'SANCTION_DECISION_SANCTION', letterNumber: 'B-1/2024', decidedAt: '2024-10-07', sanction: 'SANCTION_KIND_MORAL_OPEN', ppk: WALIKOTA }, BKN);
      await call('DecideSanction', { caseId, respondentId: 'R2', decision: 'SANCTION_DECISION_CLEAR', letterNumber: 'B-2/2024', decidedAt: '2024-10-07' }, BKN);
      const closed = (await call('DeclareFollowUpImpossible', { caseId, respondentId: 'R1', reason: 'IMPOSSIBILITY_REASON_RETIRED', note: 'Pensiun (BUP) per 1 Oktober 2024', declaredAt: '2024-10-15' }, PPK_LUBUK_LINGGAU)).case;
      expect(closed.stage).toBe('CASE_STAGE_CLOSED');
      expect(closed.respondents.map((r: Message) => [r.stage, r.followUpStatus, r.impossibleReason])).toEqual([
        ['RESPONDENT_STAGE_FOLLOW_UP_IMPOSSIBLE', 'FOLLOW_UP_STATUS_CANNOT_BE_ACTED_ON', 'IMPOSSIBILITY_REASON_RETIRED'],
        ['RESPONDENT_STAGE_CLEARED', undefined, undefined],
      ]);
    });

    it('answers a retried command with its first result and appends nothing', async () => {
      const commandId = `grpc-retry-${randomUUID()}`;
      const first = await report({ commandId });
      const again = await report({ commandId });
      expect(again.id).toBe(first.id);
      expect(again.version).toBe(1);
    });

    it('pages follow-ups with a token, within the caller’s region', async () => {
      const { id: caseId } = await report();
      const filter = { caseId };
      const page1 = await call('ListFollowUps', { filter, pageSize: 1 }, PPK_LUBUK_LINGGAU);
      expect(page1.totalCount).toBe(2);
      expect(page1.followUps).toHaveLength(1);
      expect(page1.nextPageToken).not.toBe('');
      const page2 = await call('ListFollowUps', { filter, pageSize: 1, pageToken: page1.nextPageToken }, PPK_LUBUK_LINGGAU);
      expect(page2.followUps).toHaveLength(1);
      expect(page2.nextPageToken ?? '').toBe('');
      expect([page1.followUps[0].respondentId, page2.followUps[0].respondentId].sort()).toEqual(['R1', 'R2']);
      expect((await call('ListFollowUps', { filter }, { agency: 'PPK', region: '13.72' })).totalCount ?? 0).toBe(0);
      const waiting = await call('ListFollowUps', { filter: { caseId, waitingOn: 'AGENCY_BAWASLU', stage: 'RESPONDENT_STAGE_REPORTED' } }, OVERSIGHT);
      expect(waiting.totalCount).toBe(2);
    });
  });

  describe('refusals map the contract’s codes to gRPC status codes and append nothing', () => {
    it('no token: UNAUTHENTICATED; a forged token: UNAUTHENTICATED', async () => {
      expect(await refusal(call('ReportCase', aLaporan(), null))).toMatchObject({ code: status.UNAUTHENTICATED, netraCode: 'UNAUTHENTICATED' });
      const forged = new Metadata();
      forged.set('authorization', 'Bearer not-a-token');
      const result = await refusal(new Promise((resolve, reject) => client.raw.GetCase({ caseId: randomUUID() }, forged, (e, r) => (e ? reject(e) : resolve(r)))));
      expect(result.code).toBe(status.UNAUTHENTICATED);
    });

    it('an agency that may not do this: PERMISSION_DENIED', async () => {
      expect(await refusal(call('ReportCase', aLaporan(), PPK_LUBUK_LINGGAU))).toMatchObject({ code: status.PERMISSION_DENIED, netraCode: 'FORBIDDEN' });
      expect(await refusal(call('ReportCase', aLaporan(), { agency: 'BAWASLU', region: '16.05' }))).toMatchObject({ code: status.PERMISSION_DENIED });
    });

    it('a NIP that is not 18 digits: INVALID_ARGUMENT naming the field', async () => {
      const bad = aLaporan();
      bad.respondents[0].nip = '19820315200801100';
      const result = await refusal(call('ReportCase', bad, BAWASLU_LUBUK_LINGGAU));
      expect(result).toMatchObject({ code: status.INVALID_ARGUMENT, netraCode: 'BAD_USER_INPUT', field: 'respondents[0].nip' });
      expect(result.details).toMatch(/^respondents\[0\]\.nip: /);
      expect(await refusal(call('ReportCase', aLaporan({ receivedAt: '2024-09-31' }), BAWASLU_LUBUK_LINGGAU))).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'received_at' });
      expect(await refusal(call('ReportCase', aLaporan({ commandId: 'no spaces allowed' }), BAWASLU_LUBUK_LINGGAU))).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'command_id' });
      expect(await refusal(call('ListFollowUps', { filter: { regionPrefix: 'x' } }, OVERSIGHT))).toMatchObject({ code: status.INVALID_ARGUMENT, field: 'filter.region_prefix' });
    });

    it('an unknown case: NOT_FOUND', async () => {
      const caseId = randomUUID();
      expect(await refusal(call('RecordStudy', { caseId, studiedAt: '2024-09-28', findings: [{ respondentId: 'R1', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }] }, BAWASLU_LUBUK_LINGGAU)))
        .toMatchObject({ code: status.NOT_FOUND, netraCode: 'NOT_FOUND' });
      expect(await refusal(call('GetCase', { caseId }, OVERSIGHT))).toMatchObject({ code: status.NOT_FOUND });
    });

    it('a case outside the caller’s region reads as NOT_FOUND', async () => {
      const { id: caseId } = await report();
      expect(await refusal(call('GetCase', { caseId }, { agency: 'PPK', region: '13.72' }))).toMatchObject({ code: status.NOT_FOUND });
    });

    it('executing a sanction never decided: FAILED_PRECONDITION naming the stage', async () => {
      const { id: caseId } = await report();
      const result = await refusal(call('RecordSanctionExecution', { caseId, respondentId: 'R1', decreeNumber: '800/1/2024', executedAt: '2024-10-14', sanction: 'SANCTION_KIND_MORAL_OPEN' }, PPK_LUBUK_LINGGAU));
      expect(result).toMatchObject({ code: status.FAILED_PRECONDITION, netraCode: 'INVALID_TRANSITION' });
      expect(result.details).toMatch(/REPORTED/);
      expect((await call('GetCase', { caseId }, OVERSIGHT)).case.version).toBe(1);
    });

    it('a stale expected version: ABORTED', async () => {
      const { id: caseId } = await report();
      await call('RecordStudy', { caseId, studiedAt: '2024-09-28', findings: [{ respondentId: 'R1', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }, { respondentId: 'R2', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }] }, BAWASLU_LUBUK_LINGGAU);
      const stale = { caseId, respondentIds: ['R1'], recipient: 'RECOMMENDATION_RECIPIENT_BKN', letterNumber: '0458/2024', issuedAt: '2024-09-30', expectedVersion: 1 };
      expect(await refusal(call('IssueRecommendation', stale, BAWASLU_LUBUK_LINGGAU))).toMatchObject({ code: status.ABORTED, netraCode: 'CONFLICT' });
      expect((await call('GetCase', { caseId }, OVERSIGHT)).case.version).toBe(2);
    });
  });

  describe('operations', () => {
    it('answers grpc.health.v1 Check with SERVING, for the server and for the service', async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const { grpc } = loadPackageDefinition(loadSync(HEALTH_PROTO, { enums: String })) as any;
      const health = new grpc.health.v1.Health(netra.grpcAddress, credentials.createInsecure());
      const check = (service: string) =>
        new Promise<Message>((resolve, reject) => health.Check({ service }, (e: ServiceError | null, r: Message) => (e ? reject(e) : resolve(r))));
      try {
        expect(await check('')).toEqual({ status: 'SERVING' });
        expect(await check('netra.v1.CaseWorkflow')).toEqual({ status: 'SERVING' });
      } finally {
        health.close();
      }
    });

    it('lists the service through server reflection and describes its file', async () => {
      const proto = join(require.resolve('@grpc/reflection'), '..', '..', 'proto', 'grpc', 'reflection', 'v1', 'reflection.proto');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const { grpc } = loadPackageDefinition(loadSync(proto, { keepCase: true })) as any;
      const reflection = new grpc.reflection.v1.ServerReflection(netra.grpcAddress, credentials.createInsecure());
      const ask = (request: Message) =>
        new Promise<Message>((resolve, reject) => {
          const stream = reflection.ServerReflectionInfo();
          stream.on('data', (response: Message) => {
            resolve(response);
            stream.end();
          });
          stream.on('error', reject);
          stream.write(request);
        });
      try {
        const listed = await ask({ list_services: '' });
        const names = listed.list_services_response.service.map((s: Message) => s.name);
        expect(names).toEqual(expect.arrayContaining(['netra.v1.CaseWorkflow', 'grpc.health.v1.Health']));
        const described = await ask({ file_containing_symbol: 'netra.v1.CaseWorkflow' });
        expect(described.file_descriptor_response.file_descriptor_proto.length).toBeGreaterThan(0);
      } finally {
        reflection.close();
      }
    });
  });
});

import { status } from '@grpc/grpc-js';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { aLaporan, BAWASLU_LUBUK_LINGGAU, BKN, CaseWorkflowClient, OVERSIGHT, PPK_LUBUK_LINGGAU, refusal, type Caller } from './grpc-client';

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const WALIKOTA = { title: 'Walikota Lubuk Linggau', regionCode: '16.73' };
const KEMENDAGRI: Caller = { agency: 'KEMENDAGRI' };
const BAWASLU_RI: Caller = { agency: 'BAWASLU', region: null };

describe('the gRPC API: ExtendDeadline, RecordEscalation, ErasePersonalData', () => {
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
  const report = async () => (await call('ReportCase', aLaporan(), BAWASLU_LUBUK_LINGGAU)).case as Message;
  const version = async (caseId: string) => (await call('GetCase', { caseId }, OVERSIGHT)).case.version as number;

  /** A case whose R1 has a sanction waiting on the Walikota and whose R2 was found not in violation. */
  async function sanctionDecided(): Promise<string> {
    const { id: caseId } = await report();
    await call('RecordStudy', { caseId, studiedAt: '2024-09-28', findings: [{ respondentId: 'R1', outcome: 'STUDY_OUTCOME_VIOLATION', violations: ['VIOLATION_CODE_SOCIAL_MEDIA_ENGAGEMENT'] }, { respondentId: 'R2', outcome: 'STUDY_OUTCOME_NO_VIOLATION' }] }, BAWASLU_LUBUK_LINGGAU);
    await call('IssueRecommendation', { caseId, respondentIds: ['R1'], recipient: 'RECOMMENDATION_RECIPIENT_BKN', letterNumber: '0459/2024', issuedAt: '2024-09-30' }, BAWASLU_LUBUK_LINGGAU);
    await call('DecideSanction', { caseId, respondentId: 'R1', decision: 'SANCTION_DECISION_SANCTION', letterNumber: 'B-3/2024', decidedAt: '2024-10-07', sanction: 'SANCTION_KIND_WRITTEN_REPRIMAND', ppk: WALIKOTA }, BKN);
    return caseId;
  }

  describe('ExtendDeadline', () => {
    it('lets the handling Bawaslu unit move its study deadline later', async () => {
      const reported = await report();
      const before = reported.respondents[0].dueAt as string;
      expect(before).toBeDefined();
      const extended = (await call('ExtendDeadline', {
        caseId: reported.id, respondentId: 'R1', newDueAt: '2024-12-31T10:00:00+07:00', legalBasis: 'UU 1/2015 Pasal 134 ayat (3): +2 hari untuk keterangan tambahan', expectedVersion: 1,
      }, BAWASLU_LUBUK_LINGGAU)).case;
      expect(extended.version).toBe(2);
      expect(extended.respondents[0].dueAt).toBe('2024-12-31T03:00:00.000Z');
      expect(extended.respondents[1].dueAt).toBe(before);
      expect(extended.timeline.map((t: Message) => [t.type, t.agency])).toContainEqual(['DeadlineExtended', 'AGENCY_BAWASLU']);
    });

    it('refuses BKN on Bawaslu’s step (PERMISSION_DENIED), a finished track (FAILED_PRECONDITION) and an earlier due time (INVALID_ARGUMENT)', async () => {
      const { id: caseId } = await report();
      const extend = { caseId, respondentId: 'R1', newDueAt: '2024-12-31', legalBasis: 'UU 1/2015 Pasal 134 ayat (3)' };
      expect(await refusal(call('ExtendDeadline', extend, BKN))).toMatchObject({ code: status.PERMISSION_DENIED, netraCode: 'FORBIDDEN' });
      // Bawaslu Musi Rawas may not even read a Lubuk Linggau case: NOT_FOUND, as for no case at all
      expect(await refusal(call('ExtendDeadline', extend, { agency: 'BAWASLU', region: '16.05' }))).toMatchObject({ code: status.NOT_FOUND, netraCode: 'NOT_FOUND' });
      expect(await refusal(call('ExtendDeadline', { ...extend, newDueAt: '2024-09-27' }, BAWASLU_LUBUK_LINGGAU)))
        .toMatchObject({ code: status.INVALID_ARGUMENT, netraCode: 'BAD_USER_INPUT' });
      expect(await version(caseId)).toBe(1);

      const decided = await sanctionDecided();
      const finished = await refusal(call('ExtendDeadline', { ...extend, caseId: decided, respondentId: 'R2' }, BAWASLU_LUBUK_LINGGAU));
      expect(finished).toMatchObject({ code: status.FAILED_PRECONDITION, netraCode: 'INVALID_TRANSITION' });
      expect(finished.details).toMatch(/NO_VIOLATION/);
      // BKN owns the execution deadline.
      const execution = (await call('ExtendDeadline', { ...extend, caseId: decided, newDueAt: '2025-06-30' }, BKN)).case;
      expect(execution.respondents[0].dueAt).toBe('2025-06-29T17:00:00.000Z');
    });
  });

  describe('RecordEscalation', () => {
    it('records a Kemendagri reprimand and a BKN SIASN block and unblock, shown on the follow-up', async () => {
      const caseId = await sanctionDecided();
      const reprimanded = (await call('RecordEscalation', {
        caseId, respondentId: 'R1', kind: 'ESCALATION_KIND_KEMENDAGRI_REPRIMAND', letterNumber: '100.2.2/1234/OTDA', escalatedAt: '2024-11-20', note: 'Teguran tertulis',
      }, KEMENDAGRI)).case;
      expect(reprimanded.respondents[0]).toMatchObject({
        latestEscalation: { kind: 'ESCALATION_KIND_KEMENDAGRI_REPRIMAND', letterNumber: '100.2.2/1234/OTDA', escalatedAt: '2024-11-19T17:00:00.000Z', escalatedBy: 'AGENCY_KEMENDAGRI' },
      });
      expect(reprimanded.respondents[0].siasnBlocked ?? false).toBe(false);

      const blocked = (await call('RecordEscalation', { caseId, respondentId: 'R1', kind: 'ESCALATION_KIND_SIASN_BLOCKED', letterNumber: 'BKN-BLK/1/2024', escalatedAt: '2024-11-25' }, BKN)).case;
      expect(blocked.respondents[0]).toMatchObject({ siasnBlocked: true, latestEscalation: { kind: 'ESCALATION_KIND_SIASN_BLOCKED', escalatedBy: 'AGENCY_BKN' } });

      const unblocked = (await call('RecordEscalation', { caseId, respondentId: 'R1', kind: 'ESCALATION_KIND_SIASN_UNBLOCKED', letterNumber: 'BKN-UNB/1/2024', escalatedAt: '2024-12-02' }, BKN)).case;
      expect(unblocked.respondents[0].siasnBlocked ?? false).toBe(false);
      expect(unblocked.timeline.filter((t: Message) => t.type === 'EscalationRecorded')).toHaveLength(3);
    });

    it('refuses the wrong agency for the kind (PERMISSION_DENIED), an unknown kind (INVALID_ARGUMENT) and a track not waiting on the PPK (FAILED_PRECONDITION)', async () => {
      const caseId = await sanctionDecided();
      const block = { caseId, respondentId: 'R1', kind: 'ESCALATION_KIND_SIASN_BLOCKED', letterNumber: 'BKN-BLK/2/2024', escalatedAt: '2024-11-25' };
      expect(await refusal(call('RecordEscalation', block, KEMENDAGRI))).toMatchObject({ code: status.PERMISSION_DENIED, netraCode: 'FORBIDDEN' });
      expect(await refusal(call('RecordEscalation', block, PPK_LUBUK_LINGGAU))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await refusal(call('RecordEscalation', { ...block, kind: 'ESCALATION_KIND_UNSPECIFIED' }, BKN))).toMatchObject({ code: status.INVALID_ARGUMENT, netraCode: 'BAD_USER_INPUT' });
      const r2 = await refusal(call('RecordEscalation', { ...block, respondentId: 'R2' }, BKN));
      expect(r2).toMatchObject({ code: status.FAILED_PRECONDITION, netraCode: 'INVALID_TRANSITION' });
      expect(r2.details).toMatch(/NO_VIOLATION/);
      expect(await refusal(call('RecordEscalation', { ...block, kind: 'ESCALATION_KIND_SIASN_UNBLOCKED' }, BKN))).toMatchObject({ code: status.FAILED_PRECONDITION });
      expect(await version(caseId)).toBe(4);
    });
  });

  describe('ErasePersonalData', () => {
    it('keeps an open case under legal hold unless national Bawaslu overrides it, then erases reporter and NIPs', async () => {
      const { id: caseId } = await report();
      const erase = { caseId, reason: 'Permintaan subjek data (UU 27/2022 Pasal 8)' };
      const held = await refusal(call('ErasePersonalData', erase, BAWASLU_LUBUK_LINGGAU));
      expect(held).toMatchObject({ code: status.FAILED_PRECONDITION, netraCode: 'INVALID_TRANSITION' });
      expect(held.details).toMatch(/legal hold/);
      expect(await refusal(call('ErasePersonalData', { ...erase, overrideLegalHold: true }, BAWASLU_LUBUK_LINGGAU))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await refusal(call('ErasePersonalData', { ...erase, overrideLegalHold: true }, PPK_LUBUK_LINGGAU))).toMatchObject({ code: status.PERMISSION_DENIED, netraCode: 'FORBIDDEN' });
      expect(await version(caseId)).toBe(1);

      const erased = (await call('ErasePersonalData', { ...erase, overrideLegalHold: true }, BAWASLU_RI)).case;
      expect(erased.version).toBe(2);
      expect(erased.personalDataErasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
      expect(erased.respondents.map((r: Message) => r.nip)).toEqual([undefined, undefined]);
      const read = (await call('GetCase', { caseId }, BAWASLU_LUBUK_LINGGAU)).case;
      expect(read.reporter).toBeUndefined();
      expect(read.personalDataErasedAt).toBe(erased.personalDataErasedAt);

      expect(await refusal(call('ErasePersonalData', { ...erase, overrideLegalHold: true }, BAWASLU_RI))).toMatchObject({ code: status.FAILED_PRECONDITION, netraCode: 'INVALID_TRANSITION' });
    });

    it('lets the handling unit erase a finished case without an override', async () => {
      const { id: caseId } = await report();
      await call('RecordStudy', { caseId, studiedAt: '2024-09-28', findings: [{ respondentId: 'R1', outcome: 'STUDY_OUTCOME_NO_VIOLATION' }, { respondentId: 'R2', outcome: 'STUDY_OUTCOME_NO_VIOLATION' }] }, BAWASLU_LUBUK_LINGGAU);
      const erased = (await call('ErasePersonalData', { caseId, reason: 'Retensi berakhir' }, BAWASLU_LUBUK_LINGGAU)).case;
      expect(erased.personalDataErasedAt).toBeDefined();
      expect(erased.reporter).toBeUndefined();
    });
  });

  describe('CorrectSanctionExecution', () => {
    it('refuses a second RecordSanctionExecution (FAILED_PRECONDITION), and records a corrected decree with its reason', async () => {
      const caseId = await sanctionDecided();
      const decree = { caseId, respondentId: 'R1', decreeNumber: 'SK/098/2024', executedAt: '2024-10-14', sanction: 'SANCTION_KIND_VERBAL_REPRIMAND' };
      const lighter = (await call('RecordSanctionExecution', decree, PPK_LUBUK_LINGGAU)).case;
      expect(lighter.respondents[0]).toMatchObject({ followUpStatus: 'FOLLOW_UP_STATUS_NOT_AS_RECOMMENDED', trackVersion: 5 });
      expect(await refusal(call('RecordSanctionExecution', decree, PPK_LUBUK_LINGGAU))).toMatchObject({ code: status.FAILED_PRECONDITION, netraCode: 'INVALID_TRANSITION' });

      const correction = { caseId, respondentId: 'R1', decreeNumber: 'SK/131/2024', executedAt: '2024-10-21', sanction: 'SANCTION_KIND_WRITTEN_REPRIMAND' };
      expect(await refusal(call('CorrectSanctionExecution', correction, PPK_LUBUK_LINGGAU))).toMatchObject({ code: status.INVALID_ARGUMENT, netraCode: 'BAD_USER_INPUT' });
      expect(await refusal(call('CorrectSanctionExecution', { ...correction, reason: 'r' }, { agency: 'PPK', region: '16.05' }))).toMatchObject({ code: status.NOT_FOUND });
      expect(await version(caseId)).toBe(5);

      const corrected = (await call('CorrectSanctionExecution', { ...correction, reason: 'SK 098 dicabut; diganti sesuai rekomendasi BKN.', expectedVersion: 5 }, BKN)).case;
      expect(corrected.version).toBe(6);
      expect(corrected.respondents[0]).toMatchObject({
        followUpStatus: 'FOLLOW_UP_STATUS_AS_RECOMMENDED',
        decreeNumber: 'SK/131/2024',
        executedSanction: 'SANCTION_KIND_WRITTEN_REPRIMAND',
        trackVersion: 6,
        decreeCorrection: { reason: 'SK 098 dicabut; diganti sesuai rekomendasi BKN.', correctedBy: 'AGENCY_BKN', replacedDecreeNumber: 'SK/098/2024', corrections: 1 },
      });
      expect(corrected.timeline.map((t: Message) => t.type)).toContain('SanctionExecutionCorrected');
    });
  });
});

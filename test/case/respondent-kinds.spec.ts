import { decide, type CaseCommand } from '../../src/case/case';
import { CaseError } from '../../src/case/case-error';
import { waitingOn, type OpenedCase } from '../../src/case/case-state';
import { DEADLINE_PROCESS } from '../../src/case/overdue/mark-overdue';
import {
  declareFollowUpImpossible,
  decideSanction,
  extendDeadline,
  issueRecommendation,
  recordEscalation,
  recordSanctionExecution,
  reportCase,
} from './case-commands';
import { bawaslu, bkn, CASE_ID, HENDRA, ppk, RINA } from './case-fixtures';
import { given, stateAfter, testContext, wib } from './given';
import {
  aMixedCaseDecided,
  aMixedCaseRecommended,
  DANDIM,
  decidedFor,
  mixedCaseReported,
  mixedCaseStudied,
  polri,
  recommendedTo,
  SERGEANT,
  tni,
  VILLAGE_HEAD,
} from './respondent-kinds-fixtures';

/** Decides on `history` and returns the refusal's code and field: the API names the field at fault. */
function refusal(history: Parameters<typeof stateAfter>, command: CaseCommand) {
  try {
    decide(command, stateAfter(...history), testContext);
  } catch (error) {
    if (error instanceof CaseError) return { code: error.code, field: error.field ?? null, message: error.message };
    throw error;
  }
  throw new Error('the command was accepted');
}

const MIXED_SUMMARY = 'Camat, Babinsa dan kepala desa hadir dan mendukung deklarasi pasangan calon walikota.';
const reportMixed = (respondents: object[]) => reportCase({ respondents: respondents as never, summary: MIXED_SUMMARY });

describe('respondents who are not ASN', () => {
  describe('reporting: the identifier follows the kind', () => {
    it('records the NRP of a TNI sergeant and the NIK of a village head beside an ASN’s NIP', () => {
      given().when(reportMixed([HENDRA, SERGEANT, VILLAGE_HEAD])).then(mixedCaseReported());
    });

    it('accepts a Polri member with an 8-digit NRP and a village official without any identifier', () => {
      const aipda = { name: 'Aipda Rudi', nrp: '85031234', employment: 'POLRI', institution: 'Polres Lubuklinggau' };
      const kaur = { name: 'Joni', employment: 'VILLAGE_OFFICIAL', position: 'Kaur Keuangan', institution: 'Desa Air Kuti' };
      const [event] = decide(reportMixed([aipda, kaur]), stateAfter(), testContext);
      expect(event.type === 'CaseReported' && event.data.respondents.map((r) => [r.employment, r.nip, r.nrp ?? null, r.nik ?? null])).toEqual([
        ['POLRI', null, '85031234', null],
        ['VILLAGE_OFFICIAL', null, null, null],
      ]);
    });

    it.each([
      ['a NIP for a TNI sergeant', { ...SERGEANT, nrp: undefined, nip: RINA.nip }, 'respondents[1].nip', /TNI is identified by NRP, not NIP/],
      ['an NRP for a PNS', { ...RINA, nrp: '85031234' }, 'respondents[1].nrp', /PNS is identified by NIP, not NRP/],
      ['a NIK for a Polri member', { ...SERGEANT, employment: 'POLRI', nrp: undefined, nik: VILLAGE_HEAD.nik }, 'respondents[1].nik', /POLRI is identified by NRP, not NIK/],
      ['an NRP for a village head', { ...VILLAGE_HEAD, nik: undefined, nrp: '85031234' }, 'respondents[1].nrp', /VILLAGE_HEAD is identified by NIK, not NRP/],
      ['a TNI NRP of 4 digits', { ...SERGEANT, nrp: '1234' }, 'respondents[1].nrp', /TNI NRP must be 5 to 14 digits/],
      ['a TNI NRP with letters', { ...SERGEANT, nrp: '2115O234567' }, 'respondents[1].nrp', /TNI NRP must be 5 to 14 digits/],
      ['a Polri NRP of 9 digits', { ...SERGEANT, employment: 'POLRI', nrp: '850312345' }, 'respondents[1].nrp', /Polri NRP must be exactly 8 digits/],
      ['a Polri NRP with month 13', { ...SERGEANT, employment: 'POLRI', nrp: '85131234' }, 'respondents[1].nrp', /month part .* between 01 and 12/],
      ['a NIK of 15 digits', { ...VILLAGE_HEAD, nik: '167302520370000' }, 'respondents[1].nik', /NIK must be exactly 16 digits/],
      ['a NIK born on 31 February', { ...VILLAGE_HEAD, nik: '1673027102700003' }, 'respondents[1].nik', /birth date part .* not a real date/],
      ['a NIK with day 35 (neither a man’s nor a woman’s day)', { ...VILLAGE_HEAD, nik: '1673023503700003' }, 'respondents[1].nik', /not a real date/],
      ['a NIK with sequence 0000', { ...VILLAGE_HEAD, nik: '1673025203700000' }, 'respondents[1].nik', /sequence .* not 0000/],
    ])('refuses %s, naming the field', (_label, respondent, field, message) => {
      const refused = refusal([], reportMixed([HENDRA, respondent]));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refused.message).toMatch(message);
    });

    it('accepts a woman’s NIK born on 29 February (day 69, a leap year)', () => {
      expect(() => decide(reportMixed([{ ...VILLAGE_HEAD, nik: '1673026902840003' }]), stateAfter(), testContext)).not.toThrow();
    });

    it('never repeats the identifier in a refusal', () => {
      const refused = refusal([], reportMixed([HENDRA, { ...SERGEANT, employment: 'POLRI', nrp: '85131234' }]));
      expect(refused.message).not.toContain('85131234');
      expect(refusal([], reportMixed([HENDRA, { ...VILLAGE_HEAD, nik: '1673027102700003' }])).message).not.toContain('1673027102700003');
    });

    it('refuses the same NRP twice in one case', () => {
      expect(refusal([], reportMixed([SERGEANT, SERGEANT]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'respondents[1].nrp' });
    });
  });

  describe('recommending: to the body that handles them', () => {
    const studied = () => [mixedCaseReported(), mixedCaseStudied()];

    it('sends the sergeant’s recommendation to the TNI and the village head’s to the walikota', () => {
      given(...studied()).when(issueRecommendation({ respondentIds: ['R2'], recipient: 'TNI', letterNumber: '045/PP.01.02/K.SS-09/10/2024/R2' })).then(recommendedTo('R2', 'TNI'));
      given(...studied())
        .when(issueRecommendation({ respondentIds: ['R3'], recipient: 'REGIONAL_HEAD', letterNumber: '045/PP.01.02/K.SS-09/10/2024/R3' }))
        .then(recommendedTo('R3', 'REGIONAL_HEAD'));
    });

    it.each([
      ['the sergeant to BKN', ['R2'], 'BKN', /respondent R2 is TNI: the recommendation goes to TNI, not BKN/],
      ['the sergeant to Polri', ['R2'], 'POLRI', /goes to TNI, not POLRI/],
      ['the village head to BKN', ['R3'], 'BKN', /respondent R3 is VILLAGE_HEAD: the recommendation goes to REGIONAL_HEAD, not BKN/],
      ['the camat to the walikota', ['R1'], 'REGIONAL_HEAD', /respondent R1 is PNS: the recommendation goes to KASN or BKN/],
      ['the camat and the sergeant in one letter to BKN', ['R1', 'R2'], 'BKN', /respondent R2 is TNI/],
    ])('refuses %s, naming the recipient', (_label, respondentIds, recipient, message) => {
      const refused = refusal(studied(), issueRecommendation({ respondentIds, recipient }));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipient' });
      expect(refused.message).toMatch(message);
    });
  });

  describe('deciding: the body decides, with its own punishments', () => {
    const tniDecision = (by = tni('16')) =>
      decideSanction({ by, respondentId: 'R2', sanction: 'TNI_LIGHT_DETENTION', letterNumber: 'B/112/X/2024/Kodim0406', ppk: { ...DANDIM } });
    const villageDecision = (by = ppk('16.73')) =>
      decideSanction({ by, respondentId: 'R3', sanction: 'VILLAGE_WRITTEN_REPRIMAND', letterNumber: '100.3.5/210/Pem/2024' });

    it('the TNI (Kodam covering Sumatera Selatan) decides a light disciplinary detention for the sergeant', () => {
      given(...aMixedCaseRecommended()).when(tniDecision()).then(decidedFor('R2'));
    });

    it('the walikota, as PPK of the village’s city, decides a written reprimand for the village head', () => {
      given(...aMixedCaseRecommended()).when(villageDecision()).then(decidedFor('R3'));
    });

    it('BKN may not decide for the sergeant, nor the TNI for the camat', () => {
      given(...aMixedCaseRecommended())
        .when(decideSanction({ respondentId: 'R2', sanction: 'TNI_LIGHT_DETENTION' }))
        .thenRejects('FORBIDDEN', /^BKN may not decideSanction for a respondent who is TNI; only TNI$/);
      given(...aMixedCaseRecommended()).when(decideSanction({ by: tni() })).thenRejects('FORBIDDEN', /TNI may not decideSanction for a respondent who is PNS; only BKN or KASN/);
      given(...aMixedCaseRecommended()).when(villageDecision(polri())).thenRejects('FORBIDDEN', /only PPK/);
    });

    it('refuses a civil-service demotion for a TNI sergeant, and a TNI detention for a village head', () => {
      const demotion = refusal(aMixedCaseRecommended(), decideSanction({ by: tni(), respondentId: 'R2', sanction: 'DEMOTION_12M', ppk: { ...DANDIM } }));
      expect(demotion).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sanction' });
      expect(demotion.message).toMatch(/DEMOTION_12M is not a sanction for TNI; it is one of TNI_REPRIMAND, TNI_LIGHT_DETENTION, TNI_HEAVY_DETENTION/);
      const detention = refusal(aMixedCaseRecommended(), decideSanction({ by: ppk('16.73'), respondentId: 'R3', sanction: 'TNI_HEAVY_DETENTION' }));
      expect(detention).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sanction' });
    });

    it('a regional head decides only for villages in its own regency, and names a regency head to act', () => {
      // A regional head of another regency may not read the case: NOT_FOUND before any other check (case-access.ts).
      given(...aMixedCaseRecommended()).when(villageDecision(ppk('16.71'))).thenRejects('NOT_FOUND', /no case/);
      const province = refusal(aMixedCaseRecommended(), decideSanction({ by: ppk('16'), respondentId: 'R3', sanction: 'VILLAGE_WRITTEN_REPRIMAND', ppk: { title: 'Gubernur Sumatera Selatan', regionCode: '16' } }));
      expect(province).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ppk.regionCode' });
    });

    it('a TNI unit acts inside its region only', () => {
      given(...aMixedCaseRecommended()).when(tniDecision(tni('13'))).thenRejects('NOT_FOUND', /no case/);
    });
  });

  describe('executing: the body records the punishment carried out, with the same statuses', () => {
    const tniExecution = (sanction: string, by = tni('16.73')) =>
      recordSanctionExecution({ by, respondentId: 'R2', sanction, decreeNumber: 'Kep/77/XI/2024' });

    it('as recommended, or not, by the sanction carried out', () => {
      const executed = (sanction: string, followUpStatus: string) => ({
        type: 'SanctionExecuted',
        data: { caseId: CASE_ID, respondentId: 'R2', decreeNumber: 'Kep/77/XI/2024', executedAt: wib('2024-11-11 09:00'), sanction, followUpStatus },
      });
      given(...aMixedCaseDecided()).when(tniExecution('TNI_LIGHT_DETENTION')).then(executed('TNI_LIGHT_DETENTION', 'AS_RECOMMENDED') as never);
      given(...aMixedCaseDecided()).when(tniExecution('TNI_REPRIMAND')).then(executed('TNI_REPRIMAND', 'NOT_AS_RECOMMENDED') as never);
    });

    it('the walikota records the village head’s reprimand; the PPK may not record the sergeant’s', () => {
      const [event] = decide(
        recordSanctionExecution({ respondentId: 'R3', sanction: 'VILLAGE_WRITTEN_REPRIMAND', decreeNumber: '141/55/Pem/2024' }),
        stateAfter(...aMixedCaseDecided()),
        testContext,
      );
      expect(event).toMatchObject({ type: 'SanctionExecuted', data: { respondentId: 'R3', followUpStatus: 'AS_RECOMMENDED' } });
      given(...aMixedCaseDecided()).when(tniExecution('TNI_LIGHT_DETENTION', ppk('16.73'))).thenRejects('FORBIDDEN', /PPK may not recordSanctionExecution for a respondent who is TNI; only TNI/);
    });

    it('refuses a civil-service sanction as the sergeant’s punishment', () => {
      expect(refusal(aMixedCaseDecided(), tniExecution('WRITTEN_REPRIMAND'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sanction' });
    });

    it('a TNI unit of another region may not', () => {
      given(...aMixedCaseDecided()).when(tniExecution('TNI_LIGHT_DETENTION', tni('16.71'))).thenRejects('NOT_FOUND', /no case/);
    });
  });

  describe('waiting, overdue, extensions and escalation', () => {
    it('the track waits on the body that handles it', () => {
      const waiting = (history: Parameters<typeof stateAfter>) =>
        (stateAfter(...history) as OpenedCase).respondents.map((r) => `${r.respondentId}:${waitingOn(r)}`);
      expect(waiting(aMixedCaseRecommended())).toEqual(['R1:BKN', 'R2:TNI', 'R3:PPK']);
      expect(waiting(aMixedCaseDecided())).toEqual(['R1:BKN', 'R2:TNI', 'R3:PPK']);
      const asPolri = mixedCaseReported();
      asPolri.data.respondents[1] = { ...asPolri.data.respondents[1], employment: 'POLRI', nrp: '85031234' };
      expect(waiting([asPolri, mixedCaseStudied(), recommendedTo('R2', 'POLRI'), decidedFor('R2', { decidedBy: 'POLRI', sanction: 'POLRI_WRITTEN_REPRIMAND' })])).toEqual([
        'R1:BAWASLU',
        'R2:POLRI',
        'R3:BAWASLU',
      ]);
    });

    it('a missed due time of the sergeant’s punishment is recorded as waiting on the TNI', () => {
      const [event] = decide(
        { type: 'MarkOverdue', actor: DEADLINE_PROCESS, caseId: CASE_ID, input: { respondentId: 'R2', dueAt: wib('2024-11-13 10:00') } },
        stateAfter(...aMixedCaseDecided()),
        testContext,
      );
      expect(event).toMatchObject({ type: 'FollowUpOverdue', data: { respondentId: 'R2', step: 'EXECUTION', waitingOn: 'TNI' } });
    });

    it('the TNI extends its own due time; BKN may not; for a village head Bawaslu does, never the walikota', () => {
      const later = { newDueAt: '2024-12-13T10:00:00+07:00' };
      expect(decide(extendDeadline({ by: tni(), respondentId: 'R2', ...later }), stateAfter(...aMixedCaseDecided()), testContext)[0]).toMatchObject({
        type: 'DeadlineExtended',
        data: { respondentId: 'R2', step: 'EXECUTION', extendedBy: 'TNI' },
      });
      given(...aMixedCaseDecided()).when(extendDeadline({ respondentId: 'R2', ...later })).thenRejects('FORBIDDEN', /BKN may not extend the EXECUTION deadline; only TNI/);
      given(...aMixedCaseDecided()).when(extendDeadline({ by: ppk('16.73'), respondentId: 'R3', ...later })).thenRejects('FORBIDDEN', /PPK may not extend/);
      expect(decide(extendDeadline({ by: bawaslu('16.73'), respondentId: 'R3', ...later }), stateAfter(...aMixedCaseDecided()), testContext)[0]).toMatchObject({
        data: { respondentId: 'R3', extendedBy: 'BAWASLU' },
      });
    });

    it('SIASN blocking concerns ASN only; Kemendagri may reprimand the walikota over a village head', () => {
      const blocked = refusal(aMixedCaseDecided(), recordEscalation({ by: bkn(), respondentId: 'R2', kind: 'SIASN_BLOCKED' }));
      expect(blocked).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
      expect(blocked.message).toMatch(/SIASN_BLOCKED does not apply to a respondent who is TNI/);
      expect(decide(recordEscalation({ respondentId: 'R3' }), stateAfter(...aMixedCaseDecided()), testContext)[0]).toMatchObject({
        data: { respondentId: 'R3', kind: 'KEMENDAGRI_REPRIMAND' },
      });
    });

    it('the TNI declares follow-up impossible, also before deciding; BKN may not for the sergeant', () => {
      const dismissed = { respondentId: 'R2', reason: 'DISMISSED', declaredAt: '2024-10-10T09:00:00+07:00', note: 'Diberhentikan dari dinas keprajuritan.' };
      expect(decide(declareFollowUpImpossible({ by: tni(), ...dismissed }), stateAfter(...aMixedCaseRecommended()), testContext)[0]).toMatchObject({
        data: { respondentId: 'R2', declaredBy: 'TNI' },
      });
      given(...aMixedCaseRecommended()).when(declareFollowUpImpossible({ by: bkn(), ...dismissed })).thenRejects('FORBIDDEN', /BKN may not declareFollowUpImpossible for a respondent who is TNI; only TNI/);
    });
  });
});

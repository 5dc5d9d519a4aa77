import { gql, type GraphQLClient } from 'graphql-request';
import { randomUUID } from 'node:crypto';
import { codeOf, messageOf, startTestNetra, type RunningNetra } from '../support/netra-app';
import {
  aCaseWithTwoSanctionsDecided,
  aClearance,
  aDeclaration,
  anExecution,
  aRecommendation,
  aSanctionDecision,
  aStudy,
  aTemuan,
  caseCount,
  DATES,
  DECIDE,
  DECLARE,
  EXECUTE,
  FOLLOW_UPS,
  historyOf,
  mutate,
  RECOMMEND,
  REPORT,
  STUDY,
  SUMMARY,
  type FullCase,
} from './case-steps';
import { aLaporan, NIP_CAMAT, REPORTER } from './fixtures';

type Input = Record<string, unknown>;

/** Bad input answers BAD_USER_INPUT naming the field; impossible steps name the stage; nothing is appended. */
describe('input validation', () => {
  let netra: RunningNetra;
  let bawaslu: GraphQLClient;
  let bkn: GraphQLClient;
  let ppk: GraphQLClient;
  let oversight: GraphQLClient;
  let reported: FullCase;
  /** R1 VIOLATION, R2 NO_VIOLATION. */
  let studied: FullCase;
  /** R1 recommended to BKN, R2 not proven. */
  let recommended: FullCase;
  /** R1 (MORAL_OPEN) and R2 (WRITTEN_REPRIMAND) sanctioned to the Walikota Lubuk Linggau. */
  let decided: FullCase;

  beforeAll(async () => {
    netra = await startTestNetra();
    [bawaslu, bkn, ppk, oversight] = await Promise.all([
      netra.client('BAWASLU', '16.73'),
      netra.client('BKN'),
      netra.client('PPK', '16.73'),
      netra.client('OVERSIGHT'),
    ]);
    reported = await mutate(bawaslu, REPORT, aLaporan());
    const toStudy = await mutate(bawaslu, REPORT, aLaporan());
    studied = await mutate(bawaslu, STUDY, aStudy(toStudy.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
    const toRecommend = await mutate(bawaslu, REPORT, aLaporan());
    await mutate(bawaslu, STUDY, aStudy(toRecommend.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
    recommended = await mutate(bawaslu, RECOMMEND, aRecommendation(toRecommend.id, ['R1']));
    decided = await aCaseWithTwoSanctionsDecided(netra);
  });
  afterAll(() => netra.close());

  const respondent = (overrides: Input = {}) => ({
    name: 'Ahmad Fauzi',
    nip: NIP_CAMAT,
    employment: 'PNS',
    position: 'Camat',
    institution: 'Kecamatan Lubuk Linggau Barat I',
    institutionRegionCode: '16.73',
    ...overrides,
  });
  const withNip = (nip: string) => aLaporan({ respondents: [respondent({ nip })] });
  const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();

  /** Checks the code and that the message names `field`; a refused report opens no case. */
  async function expectReportRefused(input: Input, code: string, field: string) {
    const before = await caseCount(oversight);
    const request = mutate(bawaslu, REPORT, input);
    const message = await messageOf(request);
    expect({ code: await codeOf(request), message }).toEqual({ code, message: expect.stringContaining(field) });
    expect(await caseCount(oversight)).toBe(before);
  }

  /** Checks the code and that the message names `text`; a refused step leaves version and timeline as they were. */
  async function expectStepRefused(caseId: string, send: () => Promise<unknown>, code: string, text: string) {
    const before = await historyOf(netra, caseId);
    const request = send();
    const [got, message] = await Promise.all([codeOf(request), messageOf(request)]);
    expect({ code: got, message }).toEqual({ code, message: expect.stringContaining(text) });
    expect(await historyOf(netra, caseId)).toEqual(before);
  }

  describe('reporting a case', () => {
    it.each<[string, () => Input, string]>([
      ['a NIP of 17 digits', () => withNip('19820315200801100'), 'respondents[0].nip'],
      ['a NIP of 19 digits', () => withNip('1982031520080110021'), 'respondents[0].nip'],
      ['a NIP with letters', () => withNip('19820315200801100A'), 'respondents[0].nip'],
      ['a NIP written with spaces', () => withNip('19820315 200801 1 002'), 'respondents[0].nip'],
      ['a NIP whose birth date does not exist (30 Feb 1985)', () => withNip('198502302010011001'), 'respondents[0].nip'],
      ['a NIP whose sex digit is 3', () => withNip('198203152008013002'), 'respondents[0].nip'],
      ['a NIP whose appointment month is 13', () => withNip('198203152008131002'), 'respondents[0].nip'],
      ['a NIP appointed before the 18th birthday', () => withNip('199001202005031001'), 'respondents[0].nip'],
      [
        'a bad NIP on the second respondent',
        () => aLaporan({ respondents: [respondent(), respondent({ name: 'Dewi Anggraini', nip: '199001202015033001' })] }),
        'respondents[1].nip',
      ],
      ['the same NIP twice in one case', () => aLaporan({ respondents: [respondent(), respondent({ name: 'Ahmad F.' })] }), 'respondents[1].nip'],
      ['an unknown handling unit 16.99', () => aLaporan({ handlingUnit: '16.99' }), 'handlingUnit'],
      ['a BPS-style handling unit 1673', () => aLaporan({ handlingUnit: '1673' }), 'handlingUnit'],
      ['an unknown election region 16.99', () => aLaporan({ election: { kind: 'PILKADA', year: 2024, regionCode: '16.99' } }), 'election.regionCode'],
      ['a BPS-style election region 1673', () => aLaporan({ election: { kind: 'PILKADA', year: 2024, regionCode: '1673' } }), 'election.regionCode'],
      ['an election year 1990', () => aLaporan({ election: { kind: 'PILKADA', year: 1990, regionCode: '16.73' } }), 'election.year'],
      ['an unknown institution region 16.99', () => aLaporan({ respondents: [respondent({ institutionRegionCode: '16.99' })] }), 'respondents[0].institutionRegionCode'],
      ['knownAt before occurredAt', () => aLaporan({ occurredAt: '2024-09-25T12:00:00+07:00', knownAt: '2024-09-25T08:00:00+07:00' }), 'knownAt'],
      ['receivedAt before knownAt', () => aLaporan({ knownAt: '2024-09-26T12:00:00+07:00', receivedAt: '2024-09-26T09:00:00+07:00' }), 'receivedAt'],
      ['receivedAt in the future', () => aLaporan({ receivedAt: tomorrow() }), 'receivedAt'],
      ['occurredAt in the future', () => aLaporan({ occurredAt: tomorrow() }), 'occurredAt'],
      ['no respondents', () => aLaporan({ respondents: [] }), 'respondents'],
      ['a respondent without a name', () => aLaporan({ respondents: [respondent({ name: '  ' })] }), 'respondents[0].name'],
      ['a respondent name of 201 characters', () => aLaporan({ respondents: [respondent({ name: 'A'.repeat(201) })] }), 'respondents[0].name'],
      ['a laporan (REPORT) without its reporter', () => aLaporan({ reporter: null }), 'reporter'],
      ['a temuan (FINDING) with a reporter', () => aTemuan({ reporter: REPORTER }), 'reporter'],
      ['a reporter e-mail that is not one', () => aLaporan({ reporter: { ...REPORTER, email: 'rina at example' } }), 'reporter.email'],
      ['an empty summary', () => aLaporan({ summary: ' ' }), 'summary'],
      ['no violations', () => aLaporan({ violations: [] }), 'violations'],
      ['a commandId too short to be an idempotency key', () => aLaporan({ commandId: 'abc' }), 'commandId'],
    ])('%s answers BAD_USER_INPUT naming the field and opens no case', async (_name, input, field) => {
      await expectReportRefused(input(), 'BAD_USER_INPUT', field);
    });

    it('a NIP refusal names the broken part, never the whole number', async () => {
      const message = await messageOf(mutate(bawaslu, REPORT, withNip('198502302010011001')));
      expect(message).toContain('respondents[0].nip');
      expect(message).not.toContain('198502302010011001');
    });

    it('a BPS code is refused with a hint to use the Kemendagri code', async () => {
      expect(await messageOf(mutate(bawaslu, REPORT, aLaporan({ handlingUnit: '1673' })))).toMatch(/BPS/);
    });

    // The DateTime scalar turns any text into a JavaScript Date before the decider sees it.
    it.each<[string, string]>([
      ['a date-time that is not one ("kemarin")', 'kemarin'],
      ['a date that does not exist (31 Sep 2024)', '2024-09-31T09:00:00+07:00'],
      ['a date-time without a time zone', '2024-09-26T09:00:00'],
    ])('%s in receivedAt answers BAD_USER_INPUT naming receivedAt', async (_name, receivedAt) => {
      await expectReportRefused(aLaporan({ receivedAt }), 'BAD_USER_INPUT', 'receivedAt');
    });

    it.each<[string, string, string, Record<string, unknown>]>([
      ['a date-time without a time zone', '2024-09-26T09:00:00', 'date.noZone', { value: '2024-09-26T09:00:00' }],
      ['a date that does not exist', '2024-09-31T09:00:00+07:00', 'date.notRealDate', { date: '2024-09-31' }],
    ])('%s refused by the DateTime scalar still carries its message key and params', async (_name, receivedAt, key, params) => {
      const refused = await mutate(bawaslu, REPORT, aLaporan({ receivedAt })).then(
        () => null,
        (error: { response?: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => error.response?.errors?.[0]?.extensions,
      );
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', key, params });
    });

    // Text the event store cannot hold as JSON text must be refused as input, not fail at the append.
    it.each<[string, () => Input, string]>([
      ['a respondent name with a NUL character', () => aLaporan({ respondents: [respondent({ name: 'Ahmad\u0000 Fauzi' })] }), 'respondents[0].name'],
      ['a summary with a lone UTF-16 surrogate', () => aLaporan({ summary: 'Kaos calon \ud800 dipakai' }), 'summary'],
    ])('%s answers BAD_USER_INPUT naming the field', async (_name, input, field) => {
      await expectReportRefused(input(), 'BAD_USER_INPUT', field);
    });
  });

  describe('steps on an existing case', () => {
    it.each<[string, () => [FullCase, string, Input, GraphQLClient], string]>([
      ['findings that miss a respondent', () => [reported, STUDY, aStudy(reported.id, { R1: 'VIOLATION' }), bawaslu], 'findings'],
      ['no findings at all', () => [reported, STUDY, aStudy(reported.id, {}), bawaslu], 'findings'],
      ['the same respondent twice in the findings', () => [reported, STUDY, { ...aStudy(reported.id, { R1: 'VIOLATION' }), findings: [{ respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }, { respondentId: 'R1', outcome: 'NO_VIOLATION' }] }, bawaslu], 'findings[1].respondentId'],
      ['violations named for a respondent not proven', () => [reported, STUDY, { ...aStudy(reported.id, {}), findings: [{ respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }, { respondentId: 'R2', outcome: 'NO_VIOLATION', violations: ['PARTISAN_ACTIVITY'] }] }, bawaslu], 'findings[1].violations'],
      ['a study before the case was received', () => [reported, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' }, { studiedAt: '2024-09-20T10:00:00+07:00' }), bawaslu], 'studiedAt'],
      ['a study dated in the future', () => [reported, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' }, { studiedAt: tomorrow() }), bawaslu], 'studiedAt'],
      ['an empty letterNumber', () => [studied, RECOMMEND, aRecommendation(studied.id, ['R1'], { letterNumber: '' }), bawaslu], 'letterNumber'],
      ['a blank letterNumber', () => [studied, RECOMMEND, aRecommendation(studied.id, ['R1'], { letterNumber: '   ' }), bawaslu], 'letterNumber'],
      ['no respondentIds', () => [studied, RECOMMEND, aRecommendation(studied.id, []), bawaslu], 'respondentIds'],
      ['a recommendation to KASN after it was dissolved', () => [studied, RECOMMEND, aRecommendation(studied.id, ['R1'], { recipient: 'KASN' }), bawaslu], 'recipient'],
      ['a dueAt before decidedAt', () => [recommended, DECIDE, aSanctionDecision(recommended.id, 'R1', { dueAt: '2024-10-06T10:00:00+07:00' }), bkn], 'dueAt'],
      ['a dueAt equal to decidedAt', () => [recommended, DECIDE, aSanctionDecision(recommended.id, 'R1', { dueAt: DATES.decidedAt }), bkn], 'dueAt'],
      ['a sanction without its PPK', () => [recommended, DECIDE, aSanctionDecision(recommended.id, 'R1', { ppk: null }), bkn], 'ppk'],
      ['a sanction decision without a sanction', () => [recommended, DECIDE, aSanctionDecision(recommended.id, 'R1', { sanction: null }), bkn], 'sanction'],
      ['a PPK in an unknown region', () => [recommended, DECIDE, aSanctionDecision(recommended.id, 'R1', { ppk: { title: 'Walikota', regionCode: '16.99' } }), bkn], 'ppk.regionCode'],
      ['a clearance that names a sanction', () => [recommended, DECIDE, aClearance(recommended.id, 'R1', { sanction: 'MORAL_OPEN' }), bkn], 'sanction'],
      ['a decision dated before the recommendation', () => [recommended, DECIDE, aSanctionDecision(recommended.id, 'R1', { decidedAt: '2024-09-29T10:00:00+07:00' }), bkn], 'decidedAt'],
      ['a decision dated in the future', () => [recommended, DECIDE, aSanctionDecision(recommended.id, 'R1', { decidedAt: tomorrow() }), bkn], 'decidedAt'],
      ['an empty decreeNumber', () => [decided, EXECUTE, anExecution(decided.id, 'R1', { decreeNumber: '' }), ppk], 'decreeNumber'],
      ['an execution before the decision', () => [decided, EXECUTE, anExecution(decided.id, 'R1', { executedAt: '2024-10-01T10:00:00+07:00' }), ppk], 'executedAt'],
      ['an empty note on a declaration', () => [decided, DECLARE, aDeclaration(decided.id, 'R2', { note: '' }), ppk], 'note'],
      ['a caseId that is not a UUID', () => [decided, EXECUTE, anExecution('case-1', 'R1'), ppk], 'caseId'],
      ['an expectedVersion of 0', () => [decided, EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 0 }), ppk], 'expectedVersion'],
    ])('%s answers BAD_USER_INPUT naming the field and appends nothing', async (_name, make, field) => {
      const [target, document, input, client] = make();
      await expectStepRefused(target.id, () => mutate(client, document, input), 'BAD_USER_INPUT', field);
    });
  });

  describe('GraphQL-level errors are the client’s, never INTERNAL_SERVER_ERROR', () => {
    it('an unknown sanction in the variables (FLOGGING) answers BAD_USER_INPUT and appends nothing', async () => {
      await expectStepRefused(decided.id, () => mutate(ppk, EXECUTE, anExecution(decided.id, 'R1', { sanction: 'FLOGGING' })), 'BAD_USER_INPUT', 'FLOGGING');
    });

    it('an unknown sanction written in the document answers GRAPHQL_VALIDATION_FAILED and appends nothing', async () => {
      const document = gql`
        mutation { recordSanctionExecution(input: { caseId: "${decided.id}", respondentId: "R1", decreeNumber: "800/1/2024", executedAt: "${DATES.executedAt}", sanction: FLOGGING }) { id version } }
      `;
      await expectStepRefused(decided.id, () => ppk.request(document), 'GRAPHQL_VALIDATION_FAILED', 'FLOGGING');
    });

    it('a missing required field answers BAD_USER_INPUT', async () => {
      const { decreeNumber: _dropped, ...input } = anExecution(decided.id, 'R1');
      await expectStepRefused(decided.id, () => mutate(ppk, EXECUTE, input), 'BAD_USER_INPUT', 'decreeNumber');
    });

    it('a field the input does not have answers BAD_USER_INPUT', async () => {
      await expectStepRefused(decided.id, () => mutate(ppk, EXECUTE, anExecution(decided.id, 'R1', { flogging: true })), 'BAD_USER_INPUT', 'flogging');
    });

    it('a number where text is expected answers BAD_USER_INPUT', async () => {
      const before = await caseCount(oversight);
      expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ handlingUnit: 1673 })))).toBe('BAD_USER_INPUT');
      expect(await caseCount(oversight)).toBe(before);
    });

    it('a document that does not parse answers GRAPHQL_PARSE_FAILED', async () => {
      expect(await codeOf(oversight.request('query { case(id: "x") { id '))).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('an unknown summary dimension answers BAD_USER_INPUT', async () => {
      expect(await codeOf(oversight.request(SUMMARY, { groupBy: ['COLOUR'] }))).toBe('BAD_USER_INPUT');
    });

    it.each<[string, Input, string]>([
      ['first: 0', { first: 0 }, 'first'],
      ['first: 101', { first: 101 }, 'first'],
      ['after: a cursor this query never returned', { first: 2, after: 'not-a-cursor' }, 'after'],
      ['after: a cursor of the right shape with values that are not a position', { first: 2, after: Buffer.from(JSON.stringify(['kemarin', 'x', 'R1'])).toString('base64url') }, 'after'],
      ['a BPS-style regionPrefix 1673', { first: 2, filter: { regionPrefix: '1673' } }, 'regionPrefix'],
      ['a respondentNip of 17 digits', { first: 2, filter: { respondentNip: '19820315200801100' } }, 'respondentNip'],
    ])('followUps with %s answers BAD_USER_INPUT naming it', async (_name, variables, field) => {
      const request = oversight.request(FOLLOW_UPS, variables);
      expect({ code: await codeOf(request), message: await messageOf(request) }).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    });
  });

  describe('a step the case’s stage does not allow answers INVALID_TRANSITION naming the stage', () => {
    it('executing a sanction that was never decided', async () => {
      await expectStepRefused(recommended.id, () => mutate(ppk, EXECUTE, anExecution(recommended.id, 'R1')), 'INVALID_TRANSITION', 'RECOMMENDED');
    });

    it('recommending a respondent found not to have violated anything', async () => {
      await expectStepRefused(studied.id, () => mutate(bawaslu, RECOMMEND, aRecommendation(studied.id, ['R2'])), 'INVALID_TRANSITION', 'NO_VIOLATION');
    });

    it('studying a case twice', async () => {
      await expectStepRefused(studied.id, () => mutate(bawaslu, STUDY, aStudy(studied.id, { R1: 'VIOLATION', R2: 'VIOLATION' })), 'INVALID_TRANSITION', 'STUDIED');
    });

    it('recommending before the study', async () => {
      await expectStepRefused(reported.id, () => mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1'])), 'INVALID_TRANSITION', 'REPORTED');
    });

    it('deciding twice on the same respondent', async () => {
      await expectStepRefused(decided.id, () => mutate(bkn, DECIDE, aSanctionDecision(decided.id, 'R1')), 'INVALID_TRANSITION', 'SANCTION_DECIDED');
    });

    it('executing again, or declaring impossible, once executed as recommended', async () => {
      const executed = await mutate(ppk, EXECUTE, anExecution(decided.id, 'R1'));
      expect(executed.respondents[0].followUpStatus).toBe('AS_RECOMMENDED');
      decided = executed;
      await expectStepRefused(decided.id, () => mutate(ppk, EXECUTE, anExecution(decided.id, 'R1', { decreeNumber: '800/999/2024' })), 'INVALID_TRANSITION', 'SANCTION_EXECUTED');
      await expectStepRefused(decided.id, () => mutate(ppk, DECLARE, aDeclaration(decided.id, 'R1')), 'INVALID_TRANSITION', 'SANCTION_EXECUTED');
    });

    it('deciding on a respondent already cleared', async () => {
      const bawasluCase = await mutate(bawaslu, REPORT, aLaporan());
      await mutate(bawaslu, STUDY, aStudy(bawasluCase.id, { R1: 'VIOLATION', R2: 'VIOLATION' }));
      await mutate(bawaslu, RECOMMEND, aRecommendation(bawasluCase.id, ['R1', 'R2']));
      await mutate(bkn, DECIDE, aClearance(bawasluCase.id, 'R2'));
      await expectStepRefused(bawasluCase.id, () => mutate(bkn, DECIDE, aSanctionDecision(bawasluCase.id, 'R2')), 'INVALID_TRANSITION', 'CLEARED');
    });
  });

  describe('an unknown case or respondent answers NOT_FOUND', () => {
    it.each<[string, () => [string, GraphQLClient, Input]]>([
      ['studying', () => [STUDY, bawaslu, aStudy(randomUUID(), { R1: 'VIOLATION' })]],
      ['deciding', () => [DECIDE, bkn, aSanctionDecision(randomUUID(), 'R1')]],
      ['executing', () => [EXECUTE, ppk, anExecution(randomUUID(), 'R1')]],
    ])('%s a case nobody reported, and nothing is created', async (_name, make) => {
      const [document, client, input] = make();
      const before = await caseCount(oversight);
      expect(await codeOf(mutate(client, document, input))).toBe('NOT_FOUND');
      expect(await caseCount(oversight)).toBe(before);
    });

    it('deciding on a respondent the case does not name', async () => {
      await expectStepRefused(recommended.id, () => mutate(bkn, DECIDE, aSanctionDecision(recommended.id, 'R9')), 'NOT_FOUND', 'R9');
    });

    it('a finding for a respondent the case does not name', async () => {
      await expectStepRefused(
        reported.id,
        () => mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION', R3: 'VIOLATION' })),
        'NOT_FOUND',
        'R3',
      );
    });

    it('executing for a respondent the case does not name', async () => {
      await expectStepRefused(decided.id, () => mutate(ppk, EXECUTE, anExecution(decided.id, 'R7')), 'NOT_FOUND', 'R7');
    });
  });
});

import { deliveriesOf, evolveRoute, unitKey, type CaseRoute } from '../../src/inbox/inbox-routing';

/** given(history).then the next event reaches these units — the routing's grammar. */
type Event = { type: string; data: Record<string, unknown> };
const given = (...history: Event[]) => ({
  reaches: (event: Event) =>
    deliveriesOf(
      history.reduce<CaseRoute | null>((route, e) => evolveRoute(route, e), null),
      event,
    ).map((d) => ({ unit: unitKey(d.unit), kind: d.kind, respondentIds: d.respondentIds, details: d.details })),
});

const respondent = (respondentId: string, employment: string, institutionRegionCode: string | null) => ({
  respondentId, name: 'sealed', nip: null, employment, position: null, institution: 'x', institutionRegionCode,
});
const reported = (...respondents: unknown[]): Event => ({
  type: 'CaseReported',
  data: { caseId: 'c', registerNumber: 'LP/16.73/2024/1', handlingUnit: '16.73', receivedAt: '2024-09-26T02:00:00Z', respondents },
});
const decided = (respondentId: string, regionCode: string, decidedBy = 'BKN'): Event => ({
  type: 'SanctionDecided',
  data: { respondentId, decidedBy, letterNumber: `B-${respondentId}`, decidedAt: '2024-10-07T03:00:00Z', dueAt: '2024-10-21T17:00:00Z', ppk: { title: 'Walikota', regionCode } },
});
const overdue = (respondentId: string, step: string, waitingOn: string): Event => ({
  type: 'FollowUpOverdue',
  data: { respondentId, step, waitingOn, dueAt: '2024-10-21T17:00:00Z', detectedAt: '2024-10-21T17:01:00Z' },
});

describe('inbox routing', () => {
  const asn = reported(respondent('R1', 'PNS', '16.73'), respondent('R2', 'PNS', '16.05'));

  it('a reported case reaches the Bawaslu unit that handles it', () => {
    expect(given().reaches(asn)).toEqual([{ unit: 'BAWASLU:16.73', kind: 'CASE_REPORTED', respondentIds: ['R1', 'R2'], details: {} }]);
  });

  it('a recommendation reaches BKN nationally, with its letter', () => {
    const issued = { type: 'RecommendationIssued', data: { respondentIds: ['R1', 'R2'], recipient: 'BKN', letterNumber: '0456', issuedAt: '2024-09-30T03:00:00Z' } };
    expect(given(asn).reaches(issued)).toEqual([{ unit: 'BKN', kind: 'RECOMMENDATION_RECEIVED', respondentIds: ['R1', 'R2'], details: { letterNumber: '0456', recipient: 'BKN' } }]);
  });

  it("a village head's recommendation reaches the regional head of the village's regency", () => {
    const village = reported(respondent('R1', 'VILLAGE_HEAD', '16.05.01.2001'));
    const issued = { type: 'RecommendationIssued', data: { respondentIds: ['R1'], recipient: 'REGIONAL_HEAD', letterNumber: '7', issuedAt: '2024-09-30T03:00:00Z' } };
    expect(given(village).reaches(issued).map((d) => d.unit)).toEqual(['PPK:16.05']);
  });

  it('a sanction decision reaches the PPK of the region it names, a TNI decision the TNI unit there', () => {
    expect(given(asn).reaches(decided('R2', '16.05'))).toEqual([
      { unit: 'PPK:16.05', kind: 'SANCTION_DECIDED', respondentIds: ['R2'], details: { letterNumber: 'B-R2', dueAt: '2024-10-21T17:00:00Z', ppkTitle: 'Walikota' } },
    ]);
    expect(given(reported(respondent('R1', 'TNI', '16.73'))).reaches(decided('R1', '16.73', 'TNI')).map((d) => d.unit)).toEqual(['TNI:16.73']);
  });

  it('a clearance goes back to the handling Bawaslu unit; an executed decree to the agency that decided', () => {
    const cleared = { type: 'RespondentCleared', data: { respondentId: 'R1', decidedBy: 'BKN', letterNumber: 'C', decidedAt: '2024-10-07T03:00:00Z' } };
    expect(given(asn).reaches(cleared).map((d) => [d.unit, d.kind])).toEqual([['BAWASLU:16.73', 'RESPONDENT_CLEARED']]);
    const executed = { type: 'SanctionExecuted', data: { respondentId: 'R1', decreeNumber: 'SK-1', executedAt: '2024-10-14T03:00:00Z' } };
    expect(given(asn, decided('R1', '16.73')).reaches(executed)).toEqual([{ unit: 'BKN', kind: 'SANCTION_EXECUTED', respondentIds: ['R1'], details: { decreeNumber: 'SK-1' } }]);
  });

  it('a passed due time reaches the unit the step waits on: the named PPK, Bawaslu where the case is handled, BKN nationally', () => {
    expect(given(asn, decided('R1', '16.73')).reaches(overdue('R1', 'EXECUTION', 'PPK'))).toEqual([
      { unit: 'PPK:16.73', kind: 'DEADLINE_PASSED', respondentIds: ['R1'], details: { step: 'EXECUTION', dueAt: '2024-10-21T17:00:00Z', waitingOn: 'PPK' } },
    ]);
    expect(given(asn).reaches(overdue('R1', 'STUDY', 'BAWASLU')).map((d) => d.unit)).toEqual(['BAWASLU:16.73']);
    expect(given(asn).reaches(overdue('R2', 'SANCTION_DECISION', 'BKN')).map((d) => d.unit)).toEqual(['BKN']);
  });

  it('other events reach nobody, and nothing is routed for a case never reported', () => {
    expect(given(asn).reaches({ type: 'CaseStudied', data: {} })).toEqual([]);
    expect(given().reaches(decided('R1', '16.73'))).toEqual([]);
  });
});

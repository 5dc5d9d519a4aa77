import type { Case, FollowUp } from '../../src/console/web/api/types';
import type { Session } from '../../src/console/web/auth/session';
import { availableSteps } from '../../src/console/web/steps/available-steps';

const track = (stage: string, extra: Partial<FollowUp> = {}) => ({ respondentId: `R-${stage}`, stage, outcome: null, ppkRegionCode: null, followUpStatus: null, ...extra }) as FollowUp;
const aCase = (...respondents: FollowUp[]) => ({ id: 'c', handlingUnit: '16.73', respondents }) as unknown as Case;
const as = (agency: string, region: string | null) => ({ agency, region }) as Session;
const kinds = (c: Case, session: Session) => availableSteps(c, session).map((step) => ('respondent' in step ? `${step.kind}:${step.respondent.respondentId}` : step.kind));

/** Which forms the case page offers: the contract's "who may do what", as a guide for the screen. */
describe('console: the next steps offered', () => {
  it('offers Bawaslu of the handling unit (or above) the study, then the recommendation for proven respondents', () => {
    expect(kinds(aCase(track('REPORTED')), as('BAWASLU', '16.73'))).toEqual(['recordStudy']);
    expect(kinds(aCase(track('REPORTED')), as('BAWASLU', '16'))).toEqual(['recordStudy']);
    const studied = aCase(track('STUDIED', { outcome: 'VIOLATION' }), track('STUDIED', { respondentId: 'R-2', outcome: 'NO_VIOLATION' }));
    expect(availableSteps(studied, as('BAWASLU', '16.73'))).toEqual([{ kind: 'issueRecommendation', respondents: [studied.respondents[0]] }]);
  });

  it('offers nothing to Bawaslu of another region', () => {
    expect(kinds(aCase(track('REPORTED')), as('BAWASLU', '16.71'))).toEqual([]);
  });

  it('offers BKN a decision per recommended respondent, and to declare it impossible before or after deciding', () => {
    expect(kinds(aCase(track('RECOMMENDED')), as('BKN', null))).toEqual(['decideSanction:R-RECOMMENDED', 'declareFollowUpImpossible:R-RECOMMENDED']);
    expect(kinds(aCase(track('SANCTION_DECIDED', { ppkRegionCode: '16.73' })), as('BKN', null))).toEqual(['declareFollowUpImpossible:R-SANCTION_DECIDED']);
  });

  it('offers the PPK of the decision’s region the decree or a declaration, and no second decree once one was recorded', () => {
    const decided = aCase(track('SANCTION_DECIDED', { ppkRegionCode: '16.73' }));
    expect(kinds(decided, as('PPK', '16.73'))).toEqual(['recordSanctionExecution:R-SANCTION_DECIDED', 'declareFollowUpImpossible:R-SANCTION_DECIDED']);
    expect(kinds(decided, as('PPK', '16.05'))).toEqual([]);
    const lighter = aCase(track('SANCTION_EXECUTED', { ppkRegionCode: '16.73', followUpStatus: 'NOT_AS_RECOMMENDED' }));
    expect(kinds(lighter, as('PPK', '16.73'))).toEqual([]);
    const done = aCase(track('SANCTION_EXECUTED', { ppkRegionCode: '16.73', followUpStatus: 'AS_RECOMMENDED' }));
    expect(kinds(done, as('PPK', '16.73'))).toEqual([]);
  });

  it('offers the TNI, not BKN, the decision and the punishment of a TNI sergeant; the walikota those of a village head', () => {
    const sergeant = (stage: string) => track(stage, { respondentId: 'R-TNI', employment: 'TNI', ppkRegionCode: stage === 'SANCTION_DECIDED' ? '16.73' : null });
    expect(kinds(aCase(sergeant('RECOMMENDED')), as('TNI', '16'))).toEqual(['decideSanction:R-TNI', 'declareFollowUpImpossible:R-TNI']);
    expect(kinds(aCase(sergeant('RECOMMENDED')), as('BKN', null))).toEqual([]);
    expect(kinds(aCase(sergeant('SANCTION_DECIDED')), as('TNI', '16.73'))).toEqual(['recordSanctionExecution:R-TNI', 'declareFollowUpImpossible:R-TNI']);
    expect(kinds(aCase(sergeant('SANCTION_DECIDED')), as('PPK', '16.73'))).toEqual([]);
    const kades = (stage: string) =>
      track(stage, { respondentId: 'R-DESA', employment: 'VILLAGE_HEAD', institutionRegionCode: '16.73.02', ppkRegionCode: stage === 'SANCTION_DECIDED' ? '16.73' : null });
    expect(kinds(aCase(kades('RECOMMENDED')), as('PPK', '16.73'))).toEqual(['decideSanction:R-DESA', 'declareFollowUpImpossible:R-DESA']);
    expect(kinds(aCase(kades('RECOMMENDED')), as('PPK', '16.71'))).toEqual([]);
    expect(kinds(aCase(kades('RECOMMENDED')), as('BKN', null))).toEqual([]);
    expect(kinds(aCase(kades('SANCTION_DECIDED')), as('PPK', '16.73'))).toEqual(['recordSanctionExecution:R-DESA', 'declareFollowUpImpossible:R-DESA']);
  });

  it('offers oversight nothing: it reads only', () => {
    expect(kinds(aCase(track('REPORTED'), track('RECOMMENDED'), track('SANCTION_DECIDED', { ppkRegionCode: '16.73' })), as('OVERSIGHT', null))).toEqual([]);
  });
});

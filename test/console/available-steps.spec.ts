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

  it('offers BKN a decision per recommended respondent, to declare it impossible before or after deciding, and to block SIASN after', () => {
    expect(kinds(aCase(track('RECOMMENDED')), as('BKN', null))).toEqual(['decideSanction:R-RECOMMENDED', 'declareFollowUpImpossible:R-RECOMMENDED']);
    expect(kinds(aCase(track('SANCTION_DECIDED', { ppkRegionCode: '16.73' })), as('BKN', null))).toEqual(['declareFollowUpImpossible:R-SANCTION_DECIDED', 'recordEscalation:R-SANCTION_DECIDED']);
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

  it('offers the PPK of the decision and BKN to correct a recorded decree, and nobody else', () => {
    const executed = aCase(track('SANCTION_EXECUTED', { ppkRegionCode: '16.73', decreeNumber: '800/1/2024', followUpStatus: 'AS_RECOMMENDED' }));
    expect(kinds(executed, as('PPK', '16.73'))).toEqual(['correctSanctionExecution:R-SANCTION_EXECUTED']);
    expect(kinds(executed, as('BKN', null))).toEqual(['correctSanctionExecution:R-SANCTION_EXECUTED']);
    expect(kinds(executed, as('PPK', '16'))).toEqual([]);
    expect(kinds(executed, as('KEMENDAGRI', null))).toEqual([]);
  });

  it('offers an extension to whoever the waiting step belongs to: Bawaslu its study, BKN the PPK’s execution, never the PPK', () => {
    const waiting = (stage: string, waitingOn: string) => track(stage, { ppkRegionCode: '16.73', dueAt: '2027-01-12T16:59:59.999Z', waitingOn });
    expect(kinds(aCase(waiting('REPORTED', 'BAWASLU')), as('BAWASLU', '16.73'))).toEqual(['recordStudy', 'extendDeadline:R-REPORTED']);
    expect(kinds(aCase(waiting('REPORTED', 'BAWASLU')), as('BAWASLU', '16.71'))).toEqual([]);
    expect(kinds(aCase(waiting('SANCTION_DECIDED', 'PPK')), as('BKN', null))).toEqual(['declareFollowUpImpossible:R-SANCTION_DECIDED', 'extendDeadline:R-SANCTION_DECIDED', 'recordEscalation:R-SANCTION_DECIDED']);
    expect(kinds(aCase(waiting('SANCTION_DECIDED', 'PPK')), as('PPK', '16.73'))).not.toContain('extendDeadline:R-SANCTION_DECIDED');
  });

  it('offers each escalating agency only its own kind, while the sanction waits on the PPK; BKN unblocks SIASN after', () => {
    const decided = aCase(track('SANCTION_DECIDED', { ppkRegionCode: '16.73', siasnBlocked: false }));
    expect(availableSteps(decided, as('KEMENDAGRI', null))).toEqual([{ kind: 'recordEscalation', respondent: decided.respondents[0], kinds: ['KEMENDAGRI_REPRIMAND'] }]);
    expect(availableSteps(decided, as('KEMENPANRB', null))).toEqual([{ kind: 'recordEscalation', respondent: decided.respondents[0], kinds: ['KEMENPANRB_REPRIMAND'] }]);
    expect(availableSteps(decided, as('KEMENDAGRI', '16.71'))).toEqual([]);
    const blocked = aCase(track('SANCTION_EXECUTED', { ppkRegionCode: '16.73', siasnBlocked: true }));
    expect(availableSteps(blocked, as('BKN', null))).toEqual([{ kind: 'recordEscalation', respondent: blocked.respondents[0], kinds: ['SIASN_UNBLOCKED'] }]);
  });

  it('offers erasure to Bawaslu of the handling unit once every track is finished; an open case only to national Bawaslu, overriding the legal hold', () => {
    const finished = aCase(track('NO_VIOLATION'), track('CLEARED', { respondentId: 'R-2' }));
    expect(availableSteps(finished, as('BAWASLU', '16.73'))).toEqual([{ kind: 'erasePersonalData', overrideLegalHold: false }]);
    expect(availableSteps(finished, as('BAWASLU', '16.71'))).toEqual([]);
    const open = aCase(track('RECOMMENDED'));
    expect(kinds(open, as('BAWASLU', '16.73'))).toEqual([]);
    expect(availableSteps(open, as('BAWASLU', null))).toEqual([{ kind: 'erasePersonalData', overrideLegalHold: true }]);
    expect(availableSteps({ ...finished, personalDataErasedAt: '2026-12-01T00:00:00Z' } as Case, as('BAWASLU', '16.73'))).toEqual([]);
  });
});

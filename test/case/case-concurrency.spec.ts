import { commandTracks, staleness } from '../../src/case/case-concurrency';
import type { OpenedCase } from '../../src/case/case';
import {
  correctSanctionExecution,
  declareFollowUpImpossible,
  decideSanction,
  extendDeadline,
  issueRecommendation,
  recordSanctionExecution,
  recordStudy,
} from './case-commands';
import { aRecommendedCase, aSanctionedCase, deadlineExtended, recommendationIssued, sanctionDecided, sanctionExecuted } from './case-fixtures';
import { stateAfter } from './given';

/**
 * The case was reported (v1), studied (v2), recommended for both (v3), Hendra's sanction decided
 * (v4), Rina's (v5). An officer who saw version N is stale only when a later event touched the
 * respondent(s) the command acts on, or the whole case.
 */
describe('per-track concurrency', () => {
  const sanctioned = () => stateAfter(aSanctionedCase()) as OpenedCase;

  it('each track remembers the version of the last event that touched it; case-wide events touch all', () => {
    expect(sanctioned().respondents.map((r) => [r.respondentId, r.trackVersion])).toEqual([
      ['R1', 4],
      ['R2', 5],
    ]);
    expect((stateAfter(aRecommendedCase()) as OpenedCase).respondents.map((r) => r.trackVersion)).toEqual([3, 3]);
  });

  describe('when only another respondent’s track moved since the version seen', () => {
    it('Hendra’s decree pinned to version 4 is decided on the fresh state although Rina’s decision made it 5', () => {
      expect(staleness(sanctioned(), recordSanctionExecution(), 4)).toBeNull();
    });

    it('so is a declaration for Rina pinned to 5 after Hendra’s decree made the case 6', () => {
      expect(staleness(stateAfter(aSanctionedCase(), sanctionExecuted()) as OpenedCase, declareFollowUpImpossible({ respondentId: 'R2' }), 5)).toBeNull();
    });
  });

  describe('when the command’s own track moved', () => {
    it('Hendra’s decree pinned to version 3 is a conflict: his sanction was decided at 4', () => {
      expect(staleness(sanctioned(), recordSanctionExecution(), 3)).toMatch(/version 5, not 3: respondent R1 changed at version 4/);
    });

    it('an extension of Hendra’s due time counts as a move of his track', () => {
      const state = stateAfter(aSanctionedCase(), deadlineExtended()) as OpenedCase;
      expect(staleness(state, correctSanctionExecution(), 5)).toMatch(/respondent R1 changed at version 6/);
      expect(staleness(state, recordSanctionExecution({ respondentId: 'R2' }), 5)).toBeNull();
    });

    it('a recommendation for several respondents is stale when any one of them moved', () => {
      const state = stateAfter(aRecommendedCase().slice(0, 2), recommendationIssued({ respondentIds: ['R2'] })) as OpenedCase;
      expect(staleness(state, issueRecommendation({ respondentIds: ['R1', 'R2'] }), 2)).toMatch(/respondent R2 changed at version 3/);
      expect(staleness(state, issueRecommendation({ respondentIds: ['R1'] }), 2)).toBeNull();
    });
  });

  describe('when the command acts on the case as a whole', () => {
    it('a study pinned to an older version is a conflict whatever moved', () => {
      const state = stateAfter(aSanctionedCase()) as OpenedCase;
      expect(staleness(state, recordStudy(), 4)).toMatch(/version 5, not 4: it moved on since/);
    });
  });

  it('a version ahead of the case, or on a case never reported, is a conflict; the current version never is', () => {
    expect(staleness(sanctioned(), recordSanctionExecution(), 9)).toMatch(/version 5, not 9/);
    expect(staleness(stateAfter(), decideSanction(), 1)).toMatch(/version 0, not 1/);
    expect(staleness(sanctioned(), recordStudy(), 5)).toBeNull();
    expect(staleness(stateAfter(aSanctionedCase(), sanctionDecided({ respondentId: 'R2' })) as OpenedCase, recordSanctionExecution(), 4)).toBeNull();
  });

  it('a command’s tracks come from its input: one respondent, a list, or the whole case', () => {
    expect(commandTracks(recordSanctionExecution())).toEqual(['R1']);
    expect(commandTracks(issueRecommendation())).toEqual(['R1', 'R2']);
    expect(commandTracks(extendDeadline({ respondentId: 'R2' }))).toEqual(['R2']);
    expect(commandTracks(recordStudy())).toBeNull();
  });
});

import type { ErasePersonalData } from '../../../src/case/erasing/erase-personal-data';
import type { Actor } from '../../../src/case/decide-context';
import { aReportedCase, aStudiedCase, anExecutedCase, bawaslu, bkn, CASE_ID, ppk } from '../case-fixtures';
import { given, NOW } from '../given';

const erase = (by: Actor, input: Partial<ErasePersonalData['input']> = {}): ErasePersonalData => ({
  type: 'ErasePersonalData',
  actor: by,
  caseId: CASE_ID,
  input: { reason: 'Permintaan subjek data (UU 27/2022 Pasal 8)', ...input },
});
const closedCase = () => aStudiedCase({ R1: 'NO_VIOLATION', R2: 'FORWARDED' });
const erased = (legalHoldOverridden: boolean) => ({
  type: 'PersonalDataErased' as const,
  data: { caseId: CASE_ID, erasedAt: NOW.toISOString(), reason: 'Permintaan subjek data (UU 27/2022 Pasal 8)', legalHoldOverridden },
});

describe('erasing personal data', () => {
  describe('when every track of the case is finished', () => {
    it('the handling Bawaslu unit erases the reporter identity and NIPs', () => {
      given(closedCase()).when(erase(bawaslu('16.73'))).then(erased(false));
    });

    it('a Bawaslu unit of another region, which cannot read the case, finds no such case', () => {
      given(closedCase()).when(erase(bawaslu('16.74'))).thenRejects('NOT_FOUND', /^no case /);
    });

    it('other agencies may not erase what Bawaslu collected', () => {
      given(closedCase()).when(erase(bkn())).thenRejects('FORBIDDEN', /may not erasePersonalData/);
      given(closedCase()).when(erase(ppk('16.73'))).thenRejects('FORBIDDEN', /may not erasePersonalData/);
    });

    it('an erasure needs a recorded reason', () => {
      given(closedCase()).when(erase(bawaslu('16.73'), { reason: '  ' })).thenRejects('BAD_USER_INPUT', /^reason: /);
    });

    it('data erased once cannot be erased again', () => {
      given(closedCase(), erased(false)).when(erase(bawaslu('16.73'))).thenRejects('INVALID_TRANSITION', /already erased/);
    });
  });

  describe('when the case is still open (legal hold, UU 27/2022 Pasal 15)', () => {
    it('the handling unit is refused and told who may override', () => {
      given(aReportedCase()).when(erase(bawaslu('16.73'))).thenRejects('INVALID_TRANSITION', /stage REPORTED: an open case is under legal hold/);
      given(anExecutedCase()).when(erase(bawaslu('16.73'))).thenRejects('INVALID_TRANSITION', /legal hold/);
    });

    it('a regional unit cannot override the hold', () => {
      given(aReportedCase()).when(erase(bawaslu('16.73'), { overrideLegalHold: true })).thenRejects('FORBIDDEN', /national Bawaslu/);
    });

    it('national Bawaslu overrides it, and the override is recorded in the event', () => {
      given(aReportedCase()).when(erase(bawaslu(null), { overrideLegalHold: true })).then(erased(true));
    });
  });
});

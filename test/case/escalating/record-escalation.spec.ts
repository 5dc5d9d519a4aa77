import { given, wib } from '../given';
import {
  aClearedCase,
  anExecutedCase,
  anOverdueCase,
  aPemiluCaseRecommendedToKasn,
  aRecommendedCase,
  aSanctionedCase,
  bawaslu,
  bkn,
  escalationRecorded,
  kasn,
  kemendagri,
  kemenpanrb,
  oversight,
  ppk,
  sanctionDecided,
  sanctionExecuted,
} from '../case-fixtures';
import { recordEscalation } from '../case-commands';

const blocked = () => escalationRecorded({ kind: 'SIASN_BLOCKED', letterNumber: 'B-3100/JP.01/11/2024', escalatedBy: 'BKN' });
const block = () => recordEscalation({ by: bkn(), kind: 'SIASN_BLOCKED', letterNumber: 'B-3100/JP.01/11/2024' });
const unblock = (escalatedAt = '2024-11-25T10:00:00+07:00') =>
  recordEscalation({ by: bkn(), kind: 'SIASN_UNBLOCKED', letterNumber: 'B-3200/JP.01/11/2024', escalatedAt });
const unblocked = (escalatedAt = wib('2024-11-25 10:00')) =>
  escalationRecorded({ kind: 'SIASN_UNBLOCKED', letterNumber: 'B-3200/JP.01/11/2024', escalatedBy: 'BKN', escalatedAt });

/** A Pemilu 2024 case KASN decided in February 2024, before it was dissolved. */
const aKasnEraSanction = () => [
  ...aPemiluCaseRecommendedToKasn(),
  sanctionDecided({ decidedBy: 'KASN', decidedAt: wib('2024-02-20 10:00'), dueAt: wib('2024-03-05 10:00') }),
];

describe('recording an escalation', () => {
  describe('when the sanction waits on the PPK', () => {
    it('Kemendagri records its reprimand of the regional head', () => {
      given(aSanctionedCase()).when(recordEscalation()).then(escalationRecorded());
    });

    it('the overdue track can be escalated, and the note is kept', () => {
      given(anOverdueCase())
        .when(recordEscalation({ note: 'Teguran tertulis; batas 3 hari (PP 12/2017)' }))
        .then(escalationRecorded({ note: 'Teguran tertulis; batas 3 hari (PP 12/2017)' }));
    });

    it('KemenPANRB records its reprimand', () => {
      given(aSanctionedCase())
        .when(recordEscalation({ by: kemenpanrb(), kind: 'KEMENPANRB_REPRIMAND' }))
        .then(escalationRecorded({ kind: 'KEMENPANRB_REPRIMAND', escalatedBy: 'KEMENPANRB' }));
    });

    it('BKN blocks the respondent’s personnel data in SIASN', () => {
      given(aSanctionedCase()).when(block()).then(blocked());
    });

    it('each escalation belongs to one agency: BKN cannot record a Kemendagri reprimand, nor Kemendagri a SIASN block', () => {
      given(aSanctionedCase()).when(recordEscalation({ by: bkn() })).thenRejects('FORBIDDEN', /BKN may not record KEMENDAGRI_REPRIMAND; only KEMENDAGRI/);
      given(aSanctionedCase()).when(recordEscalation({ kind: 'SIASN_BLOCKED' })).thenRejects('FORBIDDEN', /only BKN/);
    });

    it('the PPK, Bawaslu and oversight do not escalate', () => {
      for (const by of [ppk('16.73'), bawaslu('16.73'), oversight()]) {
        given(aSanctionedCase()).when(recordEscalation({ by })).thenRejects('FORBIDDEN', /may not recordEscalation/);
      }
    });

    it('a respondent already blocked cannot be blocked again', () => {
      given(aSanctionedCase(), blocked()).when(block()).thenRejects('INVALID_TRANSITION', /already blocked in SIASN/);
    });

    it('an escalation cannot come before the sanction decision', () => {
      given(aSanctionedCase())
        .when(recordEscalation({ escalatedAt: '2024-10-01T10:00:00+07:00' }))
        .thenRejects('BAD_USER_INPUT', /^escalatedAt: must not be before decidedAt/);
    });

    it('an escalation dated in the future is refused', () => {
      given(aSanctionedCase()).when(recordEscalation({ escalatedAt: '2025-03-01T10:00:00+07:00' })).thenRejects('BAD_USER_INPUT', /^escalatedAt: /);
    });

    it('an unknown kind and an empty letter number are refused', () => {
      given(aSanctionedCase()).when(recordEscalation({ kind: 'IMPEACHMENT' })).thenRejects('BAD_USER_INPUT', /^kind: must be one of/);
      given(aSanctionedCase()).when(recordEscalation({ letterNumber: '' })).thenRejects('BAD_USER_INPUT', /^letterNumber: /);
    });
  });

  describe('referral to the President', () => {
    const refer = (escalatedAt: string) => recordEscalation({ by: kasn(), kind: 'REFERRED_TO_PRESIDENT', letterNumber: 'R-77/KASN/6/2024', escalatedAt });

    it('KASN referred a PPK that did not act, before it was dissolved', () => {
      given(aKasnEraSanction())
        .when(refer('2024-06-03T10:00:00+07:00'))
        .then(escalationRecorded({ kind: 'REFERRED_TO_PRESIDENT', letterNumber: 'R-77/KASN/6/2024', escalatedAt: wib('2024-06-03 10:00'), escalatedBy: 'KASN' }));
    });

    it('not on or after 24 Aug 2024', () => {
      given(aKasnEraSanction()).when(refer('2024-08-24T10:00:00+07:00')).thenRejects('FORBIDDEN', /before 24 Aug 2024/);
    });
  });

  describe('when nothing waits on the PPK', () => {
    it('a sanction not yet decided cannot be escalated', () => {
      given(aRecommendedCase()).when(recordEscalation()).thenRejects('INVALID_TRANSITION', /respondent R1 is at stage RECOMMENDED; it needs stage SANCTION_DECIDED/);
    });

    it('an executed sanction or a cleared respondent cannot be escalated', () => {
      given(anExecutedCase()).when(recordEscalation()).thenRejects('INVALID_TRANSITION', /stage SANCTION_EXECUTED/);
      given(aClearedCase()).when(block()).thenRejects('INVALID_TRANSITION', /stage CLEARED/);
    });
  });

  describe('unblocking SIASN', () => {
    it('BKN unblocks a blocked respondent while the PPK still has to act', () => {
      given(aSanctionedCase(), blocked()).when(unblock()).then(unblocked());
    });

    it('BKN unblocks once the PPK executed the sanction', () => {
      const executedLate = sanctionExecuted({ executedAt: wib('2024-11-28 09:00') });
      given(aSanctionedCase(), blocked(), executedLate).when(unblock('2024-12-02T10:00:00+07:00')).then(unblocked(wib('2024-12-02 10:00')));
    });

    it('a respondent who is not blocked cannot be unblocked', () => {
      given(aSanctionedCase()).when(unblock()).thenRejects('INVALID_TRANSITION', /not blocked/);
      given(aSanctionedCase(), blocked(), unblocked()).when(unblock()).thenRejects('INVALID_TRANSITION', /not blocked/);
    });
  });

  it('a case that was never reported is not found', () => {
    given().when(recordEscalation()).thenRejects('NOT_FOUND', /no case/);
  });
});

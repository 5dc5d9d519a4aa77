import { findTrack, type OpenedCase } from '../../../src/case/case-state';
import { declareFollowUpImpossible, extendDeadline, recordSanctionExecution } from '../case-commands';
import { anOverdueCase, followUpDeclaredImpossible, overdueWithdrawn, sanctionExecuted } from '../case-fixtures';
import { given, stateAfter, wib } from '../given';

const NOW_ISO = new Date('2025-01-15T10:00:00+07:00').toISOString();

describe('withdrawing an overdue record that turned out untrue', () => {
  describe('when the deadline process recorded Hendra overdue for his execution due 13 Nov 2024', () => {
    it('a decree dated 11 Nov, entered after the scan, withdraws the overdue record as a backdated step', () => {
      given(anOverdueCase())
        .when(recordSanctionExecution())
        .then(
          sanctionExecuted(),
          overdueWithdrawn({
            reason: 'BACKDATED_STEP',
            explanation: 'SanctionExecuted is dated 2024-11-11 09:00 WIB, on or before the due time',
            withdrawnBy: 'PPK',
            withdrawnAt: NOW_ISO,
          }),
        );
    });

    it('a decree dated on the due day itself, before its last instant, withdraws it too', () => {
      given(anOverdueCase())
        .when(recordSanctionExecution({ executedAt: '2024-11-13T10:00:00+07:00' }))
        .then(
          sanctionExecuted({ executedAt: wib('2024-11-13 10:00') }),
          overdueWithdrawn({ reason: 'BACKDATED_STEP', explanation: 'SanctionExecuted is dated 2024-11-13 10:00 WIB, on or before the due time', withdrawnBy: 'PPK' }),
        );
    });

    it('a decree dated after the due time leaves the overdue record standing', () => {
      given(anOverdueCase())
        .when(recordSanctionExecution({ executedAt: '2024-11-20T09:00:00+07:00' }))
        .then(sanctionExecuted({ executedAt: wib('2024-11-20 09:00') }));
    });

    it('a follow-up declared impossible before the due time withdraws it', () => {
      const declared = followUpDeclaredImpossible();
      const at = new Date(declared.data.declaredAt) <= new Date(wib('2024-11-13 10:00'));
      expect(at).toBe(true);
      given(anOverdueCase())
        .when(declareFollowUpImpossible())
        .then(declared, overdueWithdrawn({ reason: 'BACKDATED_STEP', explanation: expect.stringMatching(/^FollowUpDeclaredImpossible is dated .* on or before the due time$/) as unknown as string, withdrawnBy: 'PPK' }));
    });

    it('an extension to a later due time withdraws it, naming the extension', () => {
      given(anOverdueCase())
        .when(extendDeadline({ newDueAt: '2024-12-13T10:00:00+07:00' }))
        .then(expect.objectContaining({ type: 'DeadlineExtended' }) as never, overdueWithdrawn({ explanation: expect.stringMatching(/^the due time was extended to 2024-12-13 10:00 WIB: /) as unknown as string }));
    });

    it('after the withdrawal the track no longer carries the overdue record, and the deadline process may record a new one', () => {
      const withdrawn = stateAfter(anOverdueCase(), overdueWithdrawn()) as OpenedCase;
      expect(findTrack(withdrawn, 'R1')).toMatchObject({ overdueSince: null, overdueFor: null, overdueVersion: null, dueAt: wib('2024-11-13 10:00') });
      const before = stateAfter(anOverdueCase()) as OpenedCase;
      expect(findTrack(before, 'R1')).toMatchObject({ overdueSince: wib('2024-11-13 10:00'), overdueVersion: 6 });
    });

    it('a withdrawal of another due time leaves a standing record alone', () => {
      const state = stateAfter(anOverdueCase(), overdueWithdrawn({ dueAt: wib('2024-11-01 10:00') })) as OpenedCase;
      expect(findTrack(state, 'R1')).toMatchObject({ overdueSince: wib('2024-11-13 10:00') });
    });
  });

  it('Rina, who was never recorded overdue, gets no withdrawal when her decree is entered late', () => {
    given(anOverdueCase())
      .when(recordSanctionExecution({ respondentId: 'R2', sanction: 'MORAL_OPEN', decreeNumber: 'SK-R2' }))
      .then(sanctionExecuted({ respondentId: 'R2', sanction: 'MORAL_OPEN', decreeNumber: 'SK-R2' }));
  });
});

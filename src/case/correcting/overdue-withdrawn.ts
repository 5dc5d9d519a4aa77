import type { Agency, DeadlineStep, OverdueWithdrawalReason } from '../case-vocabulary';
import { formatWib } from '../deadlines/wib';
import type { Step } from '../step';
import { ON_TIME, withTracks } from '../track-change';

export type { OverdueWithdrawalReason };

/**
 * An earlier FollowUpOverdue turned out untrue: the due time it missed was recounted or extended to
 * a later one, or the step was in fact taken by then (entered late, dated before the due time).
 * The overdue event stays in the log; this one says it no longer stands, and why.
 */
export interface OverdueWithdrawn {
  type: 'OverdueWithdrawn';
  data: {
    caseId: string;
    respondentId: string;
    step: DeadlineStep;
    /** The due time of the withdrawn record, and its version in the case stream. */
    dueAt: string;
    overdueVersion: number | null;
    reason: OverdueWithdrawalReason;
    explanation: string;
    withdrawnBy: Agency;
    withdrawnAt: string;
  };
}

const WITHDRAWAL: Record<OverdueWithdrawalReason, string> = {
  DUE_TIME_RECOMPUTED: 'due time recounted',
  DEADLINE_EXTENDED: 'deadline extended',
  BACKDATED_STEP: 'step taken before the due time, entered late',
};

/**
 * Netra appends OverdueWithdrawn beside any command's events that make an overdue record untrue
 * (withdraw-overdue.ts, called by case.ts's decide): it has no command and no access row of its own.
 */
export const correcting: Step<never, OverdueWithdrawn> = {
  command: null,
  access: null,
  decide: null,
  events: {
    // A correction takes effect when it is made: "as of" an earlier instant still shows what was believed then.
    OverdueWithdrawn: {
      occurredAt: (e) => e.data.withdrawnAt,
      timeline: {
        name: { id: 'Catatan keterlambatan dicabut', en: 'Overdue record withdrawn' },
        line: ({ data: d }) => `Overdue record withdrawn: ${d.step} for ${d.respondentId} due ${formatWib(new Date(d.dueAt))} (${WITHDRAWAL[d.reason]}): ${d.explanation}`,
        details: ({ data: d }) => ({ respondentIds: [d.respondentId], step: d.step, dueAt: d.dueAt, withdrawalReason: d.reason }),
      },
      evolve: (state, { data: d }) => withTracks(state, [d.respondentId], (r) => (r.overdueSince === d.dueAt ? { ...r, ...ON_TIME } : r)),
    },
  },
};

import { fold, initialState, type CaseEvent } from '../../case/case';
import { openHistory } from '../../privacy/personal-data';
import type { RecordedEvent } from '../../event-store/event-store';
import type { CaseView } from '../models/case.model';
import { caseRow, followUpRow } from '../projection/case-rows';
import type { Actor } from '../../case/decide-context';
import { forViewer } from './respondent-view';
import { toCase, toFollowUp } from './row-mapping';
import { timelineFor } from './timeline-reader';

const snakeKeys = (row: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

/**
 * The case as it stood right after its `version`-th event, built from the history with the
 * projection's own row functions: what a retried command answers (its first result), as `actor` may see it.
 */
export function caseAtVersion(history: readonly RecordedEvent[], version: number, now: Date, key: Buffer | null, actor: Actor): CaseView | null {
  // Opened as the read model would show the whole history: erased throughout once it holds an erasure.
  const events = openHistory(history, key).slice(0, version);
  const state = fold(events as unknown as CaseEvent[], initialState());
  if (state.status !== 'opened') return null;
  const withdrawn = new Map<number, string>();
  for (const event of events as unknown as CaseEvent[]) {
    if (event.type === 'OverdueWithdrawn' && event.data.overdueVersion !== null) withdrawn.set(event.data.overdueVersion, event.data.withdrawnAt);
  }
  return {
    ...toCase(snakeKeys(caseRow(state, events[events.length - 1].position))),
    respondents: state.respondents.map((track) => forViewer(toFollowUp(snakeKeys(followUpRow(state, track)), now), state.handlingUnit, actor)),
    timeline: timelineFor(events, version, actor),
    reporter: null,
  };
}

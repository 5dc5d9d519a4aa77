import type { CaseEvent } from '../../case/case';
import { rulesOf } from '../../case/steps';
import type { TimelineDetails } from '../../case/timeline';

export type { TimelineDetails } from '../../case/timeline';

/** A timeline line as data (TimelineDetails), as the event's step declares it in its folder. */
export const timelineDetails = (event: CaseEvent): TimelineDetails => rulesOf(event).timeline.details(event);

/** What a caller outside the respondent's region reads: the respondent's id within the case and nothing that places the person. */
export const withheldDetails = (respondentId: string | null): TimelineDetails => ({ respondentIds: respondentId ? [respondentId] : [], withheld: true });

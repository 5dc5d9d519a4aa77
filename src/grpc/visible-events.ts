import { evolve, initialState, type CaseState, type OpenedCase } from '../case/case';
import { caseScope, mayRead, mayReadAll, maySeeEveryRespondent, maySeeRespondent } from '../case/case-access';
import { CASE_EVENT_TYPES, CASE_STREAM_PREFIX, type CaseEventType } from '../case/case-events';
import type { Actor } from '../case/decide-context';
import type { RecordedEvent } from '../event-store/event-store';
import { asCaseEvent } from '../oversight/projection/timeline-entry';

/** One event of the feed; `backfill` when it is older than the event that made its case visible. */
export interface FeedItem {
  event: RecordedEvent;
  backfill: boolean;
  /** Respondents of the case the caller may not see (case-access.ts `maySeeRespondent`), as the case stands when sent. */
  hidden: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

interface TrackedCase {
  state: CaseState;
  /** Highest version of the case the caller has been sent. */
  delivered: number;
}

export const isCaseEvent = (e: RecordedEvent) =>
  e.streamId.startsWith(CASE_STREAM_PREFIX) && CASE_EVENT_TYPES.includes(e.type as CaseEventType);

/**
 * Which events of the log a caller may see: the read side's rule, event by event. A case is visible
 * when one of its region codes (handling unit, institutions, PPK regions — `caseScope`, folded with
 * the decider's `evolve`) lies in the caller's region, as it stands after the event. A case that
 * becomes visible later (a PPK region named in a sanction decision) first brings its older events.
 *
 * The rule depends only on the log, so a feed resumed at any position reaches the same verdicts: a
 * case first met after the resume point is rebuilt from its own stream up to that point.
 */
export class VisibleEvents {
  private readonly readsAll: boolean;
  private readonly cases = new Map<string, TrackedCase>();

  constructor(
    private readonly actor: Actor,
    private readonly readStream: (streamId: string) => Promise<RecordedEvent[]>,
  ) {
    this.readsAll = mayReadAll(actor);
  }

  async of(event: RecordedEvent): Promise<FeedItem[]> {
    if (!isCaseEvent(event)) return [];
    if (this.readsAll) return [{ event, backfill: false, hidden: NONE }];
    const caseId = event.streamId.slice(CASE_STREAM_PREFIX.length);
    let tracked = this.cases.get(caseId);
    let history: RecordedEvent[] | null = null;
    if (!tracked) {
      tracked = { state: initialState(), delivered: 0 };
      if (event.version > 1) {
        history = await this.readStream(event.streamId);
        for (const earlier of history) if (earlier.version < event.version) this.advance(tracked, earlier);
      }
      this.cases.set(caseId, tracked);
    }
    if (event.version <= tracked.state.version) return [];
    const from = this.advance(tracked, event);
    if (from === null) return [];
    const hidden = hiddenRespondents(this.actor, tracked.state);
    const items: FeedItem[] = [];
    if (from < event.version) {
      history ??= await this.readStream(event.streamId);
      for (const earlier of history) {
        if (earlier.version >= from && earlier.version < event.version) items.push({ event: earlier, backfill: true, hidden });
      }
    }
    items.push({ event, backfill: false, hidden });
    return items;
  }

  /** Folds the event; when the case is visible afterwards, the first version the caller has not been sent. */
  private advance(tracked: TrackedCase, event: RecordedEvent): number | null {
    tracked.state = evolve(tracked.state, asCaseEvent(event));
    const visible = tracked.state.status === 'opened' && mayRead(this.actor, caseScope(tracked.state));
    if (!visible) return null;
    const from = tracked.delivered + 1;
    tracked.delivered = event.version;
    return from;
  }
}

function hiddenRespondents(actor: Actor, state: CaseState): ReadonlySet<string> {
  if (state.status !== 'opened' || maySeeEveryRespondent(actor, state.handlingUnit)) return NONE;
  const place = (r: OpenedCase['respondents'][number]) => ({ institutionRegionCode: r.institutionRegionCode, ppkRegionCode: r.decision?.ppk?.regionCode ?? null });
  return new Set(state.respondents.filter((r) => !maySeeRespondent(actor, state.handlingUnit, place(r))).map((r) => r.respondentId));
}

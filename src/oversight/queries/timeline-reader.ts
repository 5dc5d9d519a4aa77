import { Inject, Injectable } from '@nestjs/common';
import { fold, initialState, type CaseEvent } from '../../case/case';
import { maySeeEveryRespondent, maySeeRespondent } from '../../case/case-access';
import { caseStreamId } from '../../case/case-events';
import type { Actor } from '../../case/decide-context';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../event-store/event-store';
import { KEY_STORE, KeyStore } from '../../privacy/key-store';
import { openHistory } from '../../privacy/personal-data';
import { sharedRead, type SharedReads } from '../../storage/shared-reads';
import type { TimelineEntryView } from '../models/case.model';
import { timelineRow } from '../projection/case-projection';
import { asCaseEvent, respondentOf, withheldDescription } from '../projection/timeline-entry';
import { CaseReader } from './case-reader';
import { detailsView, toTimelineEntry } from './row-mapping';
import { withheldDetails } from '../projection/timeline-details';

/**
 * A case's timeline as the caller may read it. Callers who see every respondent read the projected
 * lines (rm_timeline). For the others, lines about a respondent outside their region say only what
 * kind of step it was (timeline-entry.ts `withheldDescription`) and not which unit recorded it (a
 * PPK's unit is that person's region); they are built from the case's own events, a handful per case.
 */
@Injectable()
export class TimelineReader {
  constructor(
    private readonly reader: CaseReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  /** `shared`: the request's other resolvers read the same stream and key once with it (storage/shared-reads.ts). */
  async timeline(caseId: string, handlingUnit: string, asOf: Date | null | undefined, actor: Actor | null, shared?: SharedReads): Promise<TimelineEntryView[]> {
    if (maySeeEveryRespondent(actor, handlingUnit)) return this.reader.timeline(caseId, asOf);
    // Opened with the case's key as the projection reads them (or the erased marker once it is gone).
    const key = (await sharedRead(shared, `key:${caseId}`, () => this.keys.keys([caseId]))).get(caseId) ?? null;
    const history = openHistory(await sharedRead(shared, `stream:${caseId}`, () => this.store.readStream(caseStreamId(caseId))), key);
    const entries = timelineFor(history, history.length, actor);
    return asOf ? entries.filter((e) => e.occurredAt <= asOf) : entries;
  }
}

/** The timeline of the first `version` events of a case, as `actor` may read it (visibility by the case at that version). */
export function timelineFor(history: readonly RecordedEvent[], version: number, actor: Actor | null): TimelineEntryView[] {
  const events = history.slice(0, version);
  const state = fold(events as unknown as CaseEvent[], initialState());
  if (state.status !== 'opened') return [];
  const hidden = new Set(
    state.respondents
      .filter((r) => !maySeeRespondent(actor, state.handlingUnit, { institutionRegionCode: r.institutionRegionCode, ppkRegionCode: r.decision?.ppk?.regionCode ?? null }))
      .map((r) => r.respondentId),
  );
  // An overdue record withdrawn later in these events is shown withdrawn, as the projected timeline does.
  const withdrawn = new Map<number, string>();
  for (const event of events as unknown as CaseEvent[]) {
    if (event.type === 'OverdueWithdrawn' && event.data.overdueVersion !== null) withdrawn.set(event.data.overdueVersion, event.data.withdrawnAt);
  }
  return events.map((event) => {
    const entry = toTimelineEntry({ ...snakeKeys(timelineRow(state.caseId, event)), withdrawn_at: withdrawn.get(event.version) ?? null });
    const about = respondentOf(asCaseEvent(event));
    if (about === null || !hidden.has(about)) return entry;
    return { ...entry, unit: null, actorName: null, description: withheldDescription(asCaseEvent(event)), details: detailsView(withheldDetails(about)) };
  });
}

const snakeKeys = (row: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

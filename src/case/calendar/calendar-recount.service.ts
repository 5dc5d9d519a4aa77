import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store';
import { loggableError } from '../../observability/loggable-error';
import { LOGGER } from '../../observability/logger';
import { CaseError } from '../case-error';
import { CaseCommands } from '../case-commands.service';
import type { CaseState } from '../case-state';
import { startOfWibDay, wibDayOf } from '../deadlines/wib';
import { caseStreamId } from '../case-events';
import { CALENDAR_PROCESS, recountable, type RecomputeDueTime } from '../recomputing-due-time/recompute-due-time';
import { CaseCommandMessage } from '../case-command';
import { CALENDAR_READS, type CalendarReads, type RecountSelection } from './calendar-reads.port';
import { CalendarService } from './calendar.service';

const CASES_PER_PAGE = 500;
const CATCH_UP_MS = 30_000;

/** What a recount pass did: due times recounted, and overdue records it withdrew with them. */
export interface RecountResult {
  recomputed: number;
  withdrawn: number;
}

/**
 * Netra's calendar process. After a year is published it recounts every open working-day due time
 * whose count runs through that year (started before its end, due after its start), each as a
 * RecomputeDueTime by the system actor; the decider refuses the ones that do not change, and
 * withdraws the overdue records the new due times make untrue. On start it recounts every
 * provisional due time, so a publication whose recount was cut short (a crash) is completed, and so
 * is a newer bundled file. Command ids derive from track, due time and calendar, so a repeat appends nothing.
 */
@Injectable()
export class CalendarRecount implements OnApplicationBootstrap {
  constructor(
    private readonly calendar: CalendarService,
    private readonly commands: CaseCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CALENDAR_READS) private readonly reads: CalendarReads,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.provisional().catch((error) => this.logger.error({ failure: loggableError(error) }, 'calendar recount at start failed; it runs again on the next start or publication'));
  }

  /** After `year` was published: every open working-day due time whose count runs through it. */
  async year(year: number, publication: string): Promise<RecountResult> {
    const from = startOfWibDay(`${year}-01-01`).toISOString();
    const to = startOfWibDay(`${year + 1}-01-01`).toISOString();
    return this.pass({ from, to }, () => year, publication);
  }

  /** Every due time still provisional, recounted under the calendar now in force; each names the first year its count runs into that is now complete. */
  async provisional(): Promise<RecountResult> {
    const calendar = this.calendar.current;
    const yearOf = (since: string, dueAt: string) => {
      const [first, last] = [Number(wibDayOf(new Date(since)).slice(0, 4)), Number(wibDayOf(new Date(dueAt)).slice(0, 4))];
      for (let year = first; year <= last; year++) if (calendar.coveredYears.has(year)) return year;
      return last;
    };
    const stamp = this.calendar.years().map((y) => `${y.year}${y.status[0]}${y.publishedAt ?? ''}`).join(',');
    return this.pass('provisional', yearOf, `start:${createHash('sha1').update(stamp).digest('hex').slice(0, 12)}`);
  }

  private async pass(selection: RecountSelection, yearFor: (since: string, dueAt: string) => number, publication: string): Promise<RecountResult> {
    await this.reads.waitFor(await this.store.headPosition(), CATCH_UP_MS);
    const result: RecountResult = { recomputed: 0, withdrawn: 0 };
    const written = { position: 0n };
    for (let after = ''; ; ) {
      const states = await this.page(selection, after);
      for (const state of states) {
        if (state.status !== 'opened') continue;
        for (const track of state.respondents.filter(recountable)) {
          const year = yearFor(track.since, track.dueAt!);
          const decree = this.calendar.years().find((y) => y.year === year)?.legalBasis.decree ?? 'no decree for this year yet';
          await this.recount(state.caseId, track.respondentId, track.dueAt!, year, decree, publication, result, written);
        }
      }
      if (states.length < CASES_PER_PAGE) break;
      after = (states[states.length - 1] as { caseId: string }).caseId;
    }
    if (result.recomputed > 0) this.logger.info({ publication, ...result }, 'calendar process recounted due times');
    // Read your writes: whoever published the year reads the recounted due times next, so the answer
    // waits until the read model has applied them (the recount's appends, not only the publication).
    if (written.position > 0n && !(await this.reads.waitFor(written.position, CATCH_UP_MS))) {
      this.logger.warn({ publication, position: Number(written.position) }, 'calendar recount recorded, read model behind: its figures show the recount shortly');
    }
    return result;
  }

  private async recount(
    caseId: string,
    respondentId: string,
    dueAt: string,
    calendarYear: number,
    legalBasis: string,
    publication: string,
    result: RecountResult,
    written: { position: bigint },
  ): Promise<void> {
    const command: RecomputeDueTime = { type: 'RecomputeDueTime', actor: CALENDAR_PROCESS, caseId, input: { respondentId, dueAt, calendarYear, legalBasis } };
    try {
      const commandId = `recount:${caseId}:${respondentId}:${new Date(dueAt).toISOString()}:${publication}`;
      const outcome = await this.commands.run(new CaseCommandMessage(command, commandId, null));
      if (outcome.position > written.position) written.position = outcome.position;
      if (outcome.replayed) return;
      result.recomputed += 1;
      const history = await this.store.readStream(caseStreamId(caseId));
      result.withdrawn += history.filter((e) => e.metadata.commandId === commandId && e.type === 'OverdueWithdrawn').length;
    } catch (error) {
      // Unchanged by the calendar, or the track moved on since the read model saw it.
      if (error instanceof CaseError && (error.code === 'INVALID_TRANSITION' || error.code === 'NOT_FOUND')) return;
      throw error;
    }
  }

  /** Folded states of cases with a waiting track in `selection`, in case id order after `after`. */
  private async page(selection: RecountSelection, after: string): Promise<Array<CaseState & { caseId?: string }>> {
    return this.reads.recountPage(selection, after, CASES_PER_PAGE);
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../../config/clock';
import { eventId } from '../../event-store/event-id';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore, type RecordedEvent } from '../../event-store/event-store';
import { conflict } from '../case-error';
import type { CalendarYear } from '../deadlines/calendar-year';
import { BUNDLED_CALENDAR_YEARS } from '../deadlines/holidays-id';
import { WorkingDayCalendar } from '../deadlines/working-day-calendar';
import type { Actor } from '../decide-context';
import { CALENDAR_STREAM, publishCalendar, yearOf, type CalendarPublished } from './publish-calendar';

const MAX_ATTEMPTS = 5;

export interface PublishedYear extends CalendarYear {
  /** Null for a year that comes from the bundled data file. */
  publishedAt: string | null;
  publishedBy: string | null;
}

/**
 * The working-day calendar in force: the bundled data files (src/case/deadlines/calendar), overlaid by
 * every CalendarPublished event in the log, latest last. Loaded at start and after each publication;
 * another instance's publication is picked up on `refresh` (called by the recount process).
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private calendar = WorkingDayCalendar.fromYears(BUNDLED_CALENDAR_YEARS);
  private publications: CalendarPublished[] = [];
  private version = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  get current(): WorkingDayCalendar {
    return this.calendar;
  }

  /** Every year Netra knows, each as it stands now: file or latest publication. */
  years(): PublishedYear[] {
    const byYear = new Map<number, PublishedYear>();
    BUNDLED_CALENDAR_YEARS.forEach((year) => byYear.set(year.year, { ...year, publishedAt: null, publishedBy: null }));
    this.publications.forEach((event) => byYear.set(event.data.year, { ...yearOf(event), publishedAt: event.data.publishedAt, publishedBy: event.data.publishedBy }));
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  async refresh(): Promise<void> {
    const events = await this.store.readStream(CALENDAR_STREAM);
    this.apply(events);
  }

  /** Appends the publication (idempotent on commandId) and puts it in force here at once. */
  async publish(actor: Actor, input: unknown, commandId: string | null): Promise<{ event: CalendarPublished; replayed: boolean }> {
    const id = commandId ?? randomUUID();
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(CALENDAR_STREAM);
      this.apply(history);
      const earlier = history.find((e) => e.metadata.commandId === id);
      if (earlier) return { event: earlier as unknown as CalendarPublished, replayed: true };
      const now = this.clock();
      const event = publishCalendar({ type: 'PublishCalendar', actor, input }, now);
      try {
        await this.store.append(
          CALENDAR_STREAM,
          [
            {
              id: eventId(`${CALENDAR_STREAM}:${id}`, 0),
              type: event.type,
              data: event.data as unknown as Record<string, unknown>,
              metadata: { commandId: id, command: 'PublishCalendar', agency: actor.agency, unit: actor.region, userId: actor.userId, recordedAt: now.toISOString() },
            },
          ],
          history.length === 0 ? 'no_stream' : history.length,
        );
        await this.refresh();
        return { event, replayed: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw conflict('the calendar changed while it was published; try again', 'calendar.changed');
      }
    }
  }

  private apply(events: readonly RecordedEvent[]): void {
    if (events.length === this.version) return;
    this.publications = events.filter((e) => e.type === 'CalendarPublished') as unknown as CalendarPublished[];
    this.version = events.length;
    this.calendar = WorkingDayCalendar.fromYears([...BUNDLED_CALENDAR_YEARS, ...this.publications.map(yearOf)]);
  }
}

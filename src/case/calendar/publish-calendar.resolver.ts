import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { assertMayPublishCalendar } from '../case-access';
import { CaseError } from '../case-error';
import type { Actor } from '../decide-context';
import { CalendarRecount } from './calendar-recount.service';
import { CalendarService, type PublishedYear } from './calendar.service';
import { CalendarPublicationView, CalendarYearView, PublishCalendarInput } from './calendar.model';
import { yearOf } from './publish-calendar';

@Resolver()
export class PublishCalendarResolver {
  constructor(
    private readonly calendar: CalendarService,
    private readonly recount: CalendarRecount,
  ) {}

  @Query(() => [CalendarYearView], { description: 'The holiday calendar Netra counts working days with: each year from its data file or its latest publication' })
  holidayCalendar(@CurrentActor() _actor: Actor): CalendarYearView[] {
    return this.calendar.years().map(view);
  }

  /** The console shows the calendar's publish buttons from this, not from a copy of the rule. */
  @Query(() => Boolean, { description: 'Whether the caller may publish (or amend) a year of the holiday calendar with publishCalendar, by the rule that mutation applies' })
  mayPublishCalendar(@CurrentActor() actor: Actor): boolean {
    try {
      assertMayPublishCalendar(actor);
      return true;
    } catch (error) {
      if (error instanceof CaseError) return false;
      throw error;
    }
  }

  @Mutation(() => CalendarPublicationView, {
    description:
      'Publishes (or amends) a year of the holiday calendar with its legal basis, recorded as a CalendarPublished event: national KemenPANRB only. Every open working-day due time counted through the year is recounted, and overdue records made untrue are withdrawn',
  })
  async publishCalendar(@Args('input') input: PublishCalendarInput, @CurrentActor() actor: Actor): Promise<CalendarPublicationView> {
    const { commandId, expectedVersion: _ignored, ...fields } = input;
    const { event, replayed } = await this.calendar.publish(actor, JSON.parse(JSON.stringify(fields)), commandId ?? null);
    const counted = await this.recount.year(event.data.year, `${event.data.year}:${event.data.publishedAt}`);
    return {
      calendarYear: view({ ...yearOf(event), publishedAt: event.data.publishedAt, publishedBy: event.data.publishedBy }),
      recomputedDueTimes: counted.recomputed,
      withdrawnOverdueRecords: counted.withdrawn,
      replayed,
    };
  }
}

function view(year: PublishedYear): CalendarYearView {
  return { ...year, legalBasis: { ...year.legalBasis }, publishedAt: year.publishedAt ? new Date(year.publishedAt) : null };
}

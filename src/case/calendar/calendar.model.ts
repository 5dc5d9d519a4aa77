import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencyEnum } from '../case-vocabulary.graphql';
import { CALENDAR_STATUSES, HOLIDAY_KINDS } from '../deadlines/calendar-year';
import { CommandOptionsInput } from '../case-command.input';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((x) => [x, x])) as { [K in T]: K };
export const CalendarStatusEnum = asEnum(CALENDAR_STATUSES);
export const HolidayKindEnum = asEnum(HOLIDAY_KINDS);
registerEnumType(CalendarStatusEnum, {
  name: 'CalendarStatus',
  description: 'COMPLETE: the year’s decree (SKB 3 Menteri) is in; PROVISIONAL: only what is certain without it, so working-day due times through it may move',
});
registerEnumType(HolidayKindEnum, { name: 'HolidayKind', description: 'NATIONAL = hari libur nasional, COLLECTIVE_LEAVE = cuti bersama, ELECTION_DAY = voting day declared a holiday' });

@ObjectType('Holiday')
export class HolidayView {
  @Field({ description: 'WIB day, YYYY-MM-DD' }) date: string;
  @Field() name: string;
  @Field(() => HolidayKindEnum) kind: string;
}

@ObjectType('CalendarLegalBasis')
export class CalendarLegalBasisView {
  @Field({ description: 'The decree, e.g. the SKB 3 Menteri numbers' }) decree: string;
  @Field(() => String, { nullable: true, description: 'The day it was signed, YYYY-MM-DD' }) signedAt: string | null;
  @Field({ description: 'Where the dates were taken from' }) source: string;
}

@ObjectType('CalendarYear', { description: 'One year of non-working days as Netra counts working days with it' })
export class CalendarYearView {
  @Field(() => Int) year: number;
  @Field(() => CalendarStatusEnum) status: string;
  @Field(() => CalendarLegalBasisView) legalBasis: CalendarLegalBasisView;
  @Field(() => [HolidayView]) holidays: HolidayView[];
  @Field(() => Date, { nullable: true, description: 'null: from the data file shipped with Netra' }) publishedAt: Date | null;
  @Field(() => AgencyEnum, { nullable: true }) publishedBy: string | null;
}

@ObjectType('CalendarPublication')
export class CalendarPublicationView {
  @Field(() => CalendarYearView) calendarYear: CalendarYearView;
  @Field(() => Int, { description: 'Open due times recounted under it (DueTimeRecomputed events)' }) recomputedDueTimes: number;
  @Field(() => Int, { description: 'Overdue records the new due times made untrue (OverdueWithdrawn events)' }) withdrawnOverdueRecords: number;
  @Field({ description: 'True when this commandId was already published: nothing was appended' }) replayed: boolean;
}

@InputType()
export class HolidayInput {
  @Field({ description: 'WIB day, YYYY-MM-DD' }) date: string;
  @Field() name: string;
  @Field(() => HolidayKindEnum) kind: string;
}

@InputType()
export class CalendarLegalBasisInput {
  @Field({ description: 'e.g. "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. …"' }) decree: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) signedAt?: string | null;
  @Field() source: string;
}

@InputType()
export class PublishCalendarInput extends CommandOptionsInput {
  @Field(() => Int) year: number;
  @Field(() => CalendarStatusEnum) status: string;
  @Field(() => CalendarLegalBasisInput) legalBasis: CalendarLegalBasisInput;
  @Field(() => [HolidayInput], { description: 'Every non-working day of the year besides weekends; replaces what Netra had for the year' }) holidays: HolidayInput[];
}

import { parseCalendarYear, type CalendarYear } from './calendar-year';
import year2024 from './calendar/indonesia-2024.json';
import year2025 from './calendar/indonesia-2025.json';
import year2026 from './calendar/indonesia-2026.json';
import year2027 from './calendar/indonesia-2027.json';

/**
 * Indonesian non-working days besides weekends: national holidays (hari libur nasional),
 * collective leave (cuti bersama) and voting days declared holidays by presidential decree.
 *
 * This is data, not law, and not code: one JSON file per year under ./calendar, each with its legal
 * basis, checked when Netra starts (a bad file stops the start naming the field). An administrator
 * publishes a new or amended year with publishCalendar (src/case/calendar), which is recorded as an
 * event and takes precedence over the file. 2024–2026 follow the SKBs as published in the press;
 * 2027 is PROVISIONAL: only the fixed-date holidays, until the 2027 SKB is published.
 */
import type { Holiday } from './calendar-year';
export type { Holiday, HolidayKind } from './calendar-year';

const FILES: ReadonlyArray<[string, unknown]> = [
  ['indonesia-2024.json', year2024],
  ['indonesia-2025.json', year2025],
  ['indonesia-2026.json', year2026],
  ['indonesia-2027.json', year2027],
];

/** The bundled years, checked: a file that does not parse throws naming the file and the field. */
export const BUNDLED_CALENDAR_YEARS: readonly CalendarYear[] = Object.freeze(
  FILES.map(([file, json]) => parseCalendarYear(json, `calendar/${file}`)),
);

export const INDONESIAN_HOLIDAYS: readonly Holiday[] = Object.freeze(BUNDLED_CALENDAR_YEARS.flatMap((year) => year.holidays));

/** What the oversight user chose: an election, a province, a day. Empty strings mean "all" / "now". */
export interface DashboardFilters {
  /** "PILKADA 2020", as the ELECTION dimension names it. */
  election: string;
  /** A Kemendagri province code, e.g. "16". */
  province: string;
  /** "2020-06-26": the figures at the end of that day, WIB. */
  day: string;
}

export const NO_FILTERS: DashboardFilters = { election: '', province: '', day: '' };

/** The FollowUpFilter fields the filters stand for (also the CSV export's query parameters). */
export interface SummaryFilter {
  electionKind?: string;
  electionYear?: number;
  regionPrefix?: string;
}

export function electionFilter(election: string): SummaryFilter {
  const match = /^(PILKADA|PEMILU) (\d{4})$/.exec(election);
  return match ? { electionKind: match[1], electionYear: Number(match[2]) } : {};
}

export function summaryFilter(filters: DashboardFilters): SummaryFilter {
  return { ...electionFilter(filters.election), ...(filters.province ? { regionPrefix: filters.province } : {}) };
}

/** The end of a WIB day as an instant for `asOf`; null for "now", and for today (its end is still to come). */
export function asOfDay(day: string, now: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const end = `${day}T23:59:59+07:00`;
  return Date.parse(end) < now.getTime() ? end : null;
}

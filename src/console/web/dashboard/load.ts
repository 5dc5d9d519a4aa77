import { graphql } from '../api/graphql';
import { curveInstants, fromFirstReport } from './curve-points';
import { curveQuery, DASHBOARD_QUERY } from './documents';
import { asOfDay, electionFilter, summaryFilter, type DashboardFilters } from './filters';
import type { CurvePoint, DashboardData, Figures, PpkRow, RegionRow, WaitingRow } from './types';

interface Buckets<T> {
  buckets: T[];
}

interface DashboardAnswer {
  overall: { asOf: string; current: boolean; position: string; overall: Figures };
  waiting: Buckets<WaitingRow>;
  regions: Buckets<RegionRow>;
  ppks: Buckets<PpkRow>;
  elections: Buckets<{ key: { election: string | null } }>;
  provinces: Buckets<{ key: { regionCode: string | null; regionName: string | null } }>;
}

/** The figures for one choice of filters; a chosen province shows its regencies and cities. */
export async function loadDashboard(filters: DashboardFilters, now: Date): Promise<DashboardData> {
  const filter = summaryFilter(filters);
  const answer = await graphql<DashboardAnswer>(DASHBOARD_QUERY, {
    filter,
    ppkFilter: { ...filter, waitingOn: 'PPK' },
    provinceFilter: electionFilter(filters.election),
    regionBy: [filters.province ? 'REGION' : 'PROVINCE'],
    asOf: asOfDay(filters.day, now),
  });
  return {
    asOf: answer.overall.asOf,
    current: answer.overall.current,
    position: answer.overall.position,
    overall: answer.overall.overall,
    waiting: answer.waiting.buckets.filter((b) => b.key.waitingOn !== null),
    regions: answer.regions.buckets,
    ppks: answer.ppks.buckets.filter((b) => b.overdue > 0).sort((a, b) => b.overdue - a.overdue || (b.maxDaysLate ?? 0) - (a.maxDaysLate ?? 0)),
    elections: answer.elections.buckets
      .flatMap((b) => (b.key.election ? [b.key.election] : []))
      .sort((a, b) => Number(b.slice(-4)) - Number(a.slice(-4)) || a.localeCompare(b)),
    provinces: answer.provinces.buckets.flatMap((b) => (b.key.regionCode ? [{ value: b.key.regionCode, label: b.key.regionName ?? b.key.regionCode }] : [])),
  };
}

type CurveAnswer = Record<string, { asOf: string; overall: { total: number; decided: { persons: number }; actedOn: { persons: number }; actedOnRate: number | null } }>;

/**
 * The acted-on rate through time, read from the history with asOf: month ends of the chosen
 * election (or of every election), closed by the dashboard's own figures.
 */
export async function loadCurve(filters: DashboardFilters, data: DashboardData): Promise<CurvePoint[]> {
  const chosen = filters.election ? [filters.election] : data.elections;
  const instants = curveInstants(chosen.map((e) => Number(e.slice(-4))), new Date(data.asOf));
  const latest: CurvePoint = {
    asOf: data.asOf,
    latest: true,
    total: data.overall.total,
    decided: data.overall.decided.persons,
    actedOn: data.overall.actedOn.persons,
    rate: data.overall.actedOnRate,
  };
  if (instants.length === 0) return fromFirstReport([latest]);
  const variables = Object.fromEntries(instants.map((instant, i) => [`t${i}`, instant]));
  const answer = await graphql<CurveAnswer>(curveQuery(instants.length), { filter: summaryFilter(filters), ...variables });
  const points = instants.map((_, i): CurvePoint => {
    const { asOf, overall } = answer[`p${i}`];
    return { asOf, latest: false, total: overall.total, decided: overall.decided.persons, actedOn: overall.actedOn.persons, rate: overall.actedOnRate };
  });
  return fromFirstReport([...points, latest]);
}

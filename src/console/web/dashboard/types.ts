/** The followUpSummary shapes the dashboard reads (src/schema.graphql, SummaryBucket). */

export interface PersonsAndCases {
  persons: number;
  cases: number;
}

export interface Figures {
  total: number;
  cases: number;
  overdue: number;
  overdueCases: number;
  actedOnRate: number | null;
  maxDaysLate: number | null;
  recommended: PersonsAndCases;
  decided: PersonsAndCases;
  actedOn: PersonsAndCases;
  waiting: PersonsAndCases;
  byStage: Array<{ stage: string; count: number; cases: number }>;
}

export interface RegionRow extends Figures {
  key: { regionCode: string | null; regionName: string | null };
}

export interface WaitingRow {
  key: { waitingOn: string | null };
  total: number;
  cases: number;
  overdue: number;
}

export interface PpkRow {
  key: { ppk: string | null };
  total: number;
  overdue: number;
  overdueCases: number;
  maxDaysLate: number | null;
}

export interface Option {
  value: string;
  label: string;
}

export interface DashboardData {
  asOf: string;
  /** No day was asked: every event up to position counts (npm run figures --current). */
  current: boolean;
  position: string;
  overall: Figures;
  waiting: WaitingRow[];
  regions: RegionRow[];
  ppks: PpkRow[];
  /** "PILKADA 2020", newest first. */
  elections: string[];
  provinces: Option[];
}

export interface CurvePoint {
  asOf: string;
  /** The dashboard's own figures (now, or the chosen day) close the curve: labelled with a date, not a month. */
  latest: boolean;
  total: number;
  decided: number;
  actedOn: number;
  rate: number | null;
}

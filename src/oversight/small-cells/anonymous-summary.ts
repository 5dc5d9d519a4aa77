import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import { percentileCont, rate, roundDays, wholeDays } from '../figures/figure-math';
import type { Person } from '../figures/recompute-aggregate';
import { regionName } from '../../case/validation/regions';
import { SummaryDimension, type SummaryBucket, type SummaryKey } from '../models/summary.model';
import { publishedFigures, type CellFigure } from './cell-suppression';
import { receivedMonth } from './months';

/**
 * Figures for a caller without a token. Persons are split into elementary cells — one election,
 * one regency (or province, for persons counted at province level), one month of receipt (WIB) —
 * and each cell publishes only the figures cell-suppression.ts allows. Every figure of every bucket
 * is the sum of its published cell figures, so no answer and no difference of answers holds fewer
 * than `threshold` persons. Case counts are never published anonymously: a case spans regions, so
 * its distinct count is not a sum of cells.
 */

/** Person figures: the GraphQL path named in `suppressed`, and who belongs to it. */
const PERSON_FIGURES: Array<[string, (p: Person, at: number) => boolean]> = [
  ['total', () => true],
  ...RESPONDENT_STAGES.map((s): [string, (p: Person) => boolean] => [`byStage.${s}.count`, (p) => p.stage === s]),
  ...FOLLOW_UP_STATUSES.map((s): [string, (p: Person) => boolean] => [`byStatus.${s}.count`, (p) => p.followUpStatus === s]),
  ['recommended.persons', (p) => p.recommended],
  ['decided.persons', (p) => p.followUpStatus !== null],
  ['actedOn.persons', (p) => p.followUpStatus === 'AS_RECOMMENDED' || p.followUpStatus === 'NOT_AS_RECOMMENDED'],
  ['waiting.persons', (p) => p.waitingOn !== null],
  ['overdue', (p, at) => isOverdue(p, at)],
];

const CASE_FIGURES = [
  'cases',
  ...RESPONDENT_STAGES.map((s) => `byStage.${s}.cases`),
  ...FOLLOW_UP_STATUSES.map((s) => `byStatus.${s}.cases`),
  'recommended.cases',
  'decided.cases',
  'actedOn.cases',
  'waiting.cases',
  'overdueCases',
];

export const ANONYMOUS_DIMENSIONS = [SummaryDimension.ELECTION, SummaryDimension.PROVINCE, SummaryDimension.REGION];

const isOverdue = (p: Person, at: number) => p.waitingOn !== null && p.dueAt !== null && p.dueAt < at;
const regionKey = (p: Person) => p.regencyCode ?? p.provinceCode;

export interface Cell {
  persons: Person[];
  /** Published figure name → its members. */
  published: Map<string, Person[]>;
  /** Figures withheld here although someone belongs to them. */
  withheld: Set<string>;
}

function protectCell(persons: Person[], at: number, threshold: number): Cell {
  const figures: CellFigure[] = PERSON_FIGURES.map(([name, member]) => {
    let mask = 0n;
    let size = 0;
    persons.forEach((p, i) => {
      if (member(p, at)) {
        mask |= 1n << BigInt(i);
        size += 1;
      }
    });
    return { name, mask, size };
  });
  const allowed = publishedFigures(figures, threshold);
  const published = new Map<string, Person[]>();
  const withheld = new Set<string>();
  PERSON_FIGURES.forEach(([name, member], i) => {
    if (allowed.has(name)) published.set(name, persons.filter((p) => member(p, at)));
    else if (figures[i].size > 0) withheld.add(name);
  });
  return { persons, published, withheld };
}

export interface AnonymousQuery {
  groupBy: SummaryDimension[];
  /** Which persons the filter keeps (election, region, months): always whole cells, so it is asked of a cell's first person. */
  keep: (p: Person) => boolean;
  at: Date;
  threshold: number;
}

/**
 * Every elementary cell of a set of persons, each with the figures it may publish at `at`. What a
 * cell publishes depends on `at` only through who is overdue, so the cells stay exactly right until
 * `validUntil` (the next due time to pass, or never) — as long as the persons are the same.
 */
export interface ProtectedCells {
  cells: Cell[];
  /** The instant they were formed at: they hold for it and later instants only. */
  formedAt: number;
  /** The first instant at which a waiting person becomes overdue (just past a due time), or +∞: the cells must be formed again from then. */
  validUntil: number;
}

/** Whether `at` lies in the interval the cells are exactly right for. */
export const cellsHoldAt = (cells: ProtectedCells, at: Date) => at.getTime() >= cells.formedAt && at.getTime() < cells.validUntil;

export function protectCells(all: readonly Person[], at: Date, threshold: number): ProtectedCells {
  const now = at.getTime();
  const cells = new Map<string, Person[]>();
  let validUntil = Number.POSITIVE_INFINITY;
  for (const p of all) {
    const id = `${p.election.kind} ${p.election.year}|${regionKey(p)}|${receivedMonth(p.receivedAt)}`;
    const cell = cells.get(id);
    if (cell) cell.push(p);
    else cells.set(id, [p]);
    if (p.waitingOn !== null && p.dueAt !== null && p.dueAt >= now && p.dueAt + 1 < validUntil) validUntil = p.dueAt + 1;
  }
  return { cells: [...cells.values()].map((persons) => protectCell(persons, now, threshold)), formedAt: now, validUntil };
}

/**
 * The answer to one anonymous question from protected cells. The filter keeps or drops whole cells
 * (anonymous-query.ts allows only election, province or regency, and months of receipt, the cells'
 * own coordinates), so this is the same as forming cells from the kept persons only.
 */
export function figuresFromCells(all: ProtectedCells, q: AnonymousQuery): { overall: SummaryBucket; buckets: SummaryBucket[] } {
  const at = q.at.getTime();
  if (!cellsHoldAt(all, q.at)) throw new Error('protected cells used outside the instants they hold for: form them again');
  const protectedCells = all.cells.filter((c) => q.keep(c.persons[0]));
  const dims = [...new Set(q.groupBy)];
  const groups = new Map<string, { key: Partial<Record<SummaryDimension, string>>; cells: Cell[] }>();
  for (const cell of protectedCells) {
    const p = cell.persons[0];
    const key = Object.fromEntries(dims.map((d) => [d, valueOf(p, d)])) as Partial<Record<SummaryDimension, string>>;
    const id = JSON.stringify(dims.map((d) => key[d]));
    const group = groups.get(id) ?? { key, cells: [] };
    group.cells.push(cell);
    groups.set(id, group);
  }
  const ordered = [...groups.values()].sort((a, b) => compareKeys(dims.map((d) => a.key[d]!), dims.map((d) => b.key[d]!)));
  return {
    overall: bucketOf(protectedCells, {}, at, q.threshold),
    buckets: dims.length === 0 ? [] : ordered.map((g) => bucketOf(g.cells, g.key, at, q.threshold)),
  };
}

export function anonymousFigures(all: readonly Person[], q: AnonymousQuery): { overall: SummaryBucket; buckets: SummaryBucket[] } {
  return figuresFromCells(protectCells(all.filter(q.keep), q.at, q.threshold), q);
}

function valueOf(p: Person, d: SummaryDimension): string {
  if (d === SummaryDimension.ELECTION) return `${p.election.kind} ${p.election.year}`;
  if (d === SummaryDimension.PROVINCE) return p.provinceCode;
  return regionKey(p);
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function bucketOf(cells: Cell[], key: Partial<Record<SummaryDimension, string>>, at: number, threshold: number): SummaryBucket {
  const suppressed = new Set<string>(CASE_FIGURES);
  const members = (name: string) => cells.flatMap((c) => c.published.get(name) ?? []);
  const count = (name: string): number | null => {
    const published = members(name).length;
    if (cells.some((c) => c.withheld.has(name))) {
      suppressed.add(name);
      if (published === 0) return null;
    }
    return published;
  };
  /** A percentile or maximum only over at least `threshold` published persons. */
  const over = (name: string, value: (p: Person) => number | null) => {
    const values = members(name).map(value).filter((v): v is number => v !== null);
    return values.length >= threshold ? values.sort((x, y) => x - y) : null;
  };
  const toExecute = over('actedOn.persons', (p) => (p.executedAt !== null && p.decidedAt !== null ? p.executedAt - p.decidedAt : null));
  const waiting = over('waiting.persons', (p) => at - p.since);
  const late = over('overdue', (p) => at - p.dueAt!);
  const persons = (name: string) => ({ persons: count(`${name}.persons`), cases: null });
  const region = key.REGION ?? key.PROVINCE ?? null;
  const bucketKey: SummaryKey = {
    regionCode: region,
    regionName: region ? regionName(region) ?? null : null,
    ppk: null,
    violation: null,
    election: key.ELECTION ?? null,
    waitingOn: null,
    respondentKind: null,
  };
  const actedOn = persons('actedOn');
  const decided = persons('decided');
  const bucket = {
    key: bucketKey,
    total: count('total'),
    cases: null,
    byStage: RESPONDENT_STAGES.map((stage) => ({ stage, count: count(`byStage.${stage}.count`), cases: null })),
    byStatus: FOLLOW_UP_STATUSES.map((status) => ({ status, count: count(`byStatus.${status}.count`), cases: null })),
    recommended: persons('recommended'),
    decided,
    actedOn,
    waiting: persons('waiting'),
    overdue: count('overdue'),
    overdueCases: null,
    actedOnRate: actedOn.persons === null || decided.persons === null ? null : rate(actedOn.persons, decided.persons),
    medianDaysToExecute: toExecute && roundDays(percentileCont(toExecute, 0.5)),
    p90DaysToExecute: toExecute && roundDays(percentileCont(toExecute, 0.9)),
    medianDaysWaiting: waiting && roundDays(percentileCont(waiting, 0.5)),
    p90DaysWaiting: waiting && roundDays(percentileCont(waiting, 0.9)),
    maxDaysLate: late && wholeDays(late[late.length - 1]),
  };
  for (const [name, value] of [
    ['medianDaysToExecute', toExecute],
    ['p90DaysToExecute', toExecute],
    ['medianDaysWaiting', waiting],
    ['p90DaysWaiting', waiting],
    ['maxDaysLate', late],
  ] as const) {
    if (value === null && withPersons(cells, name)) suppressed.add(name);
  }
  return { ...bucket, suppressed: [...suppressed] } as SummaryBucket;
}

/** Whether anyone in these cells would give the duration figure a value, had it not been withheld. */
function withPersons(cells: Cell[], name: string): boolean {
  const source = name.includes('Execute') ? 'actedOn.persons' : name.includes('Waiting') ? 'waiting.persons' : 'overdue';
  return cells.some((c) => c.withheld.has(source) || (c.published.get(source)?.length ?? 0) > 0);
}

import { PILKADA_2020_CURVE, PILKADA_2020_START, type CurveRow } from './pilkada-2020-curve';

/**
 * When each person of the Pilkada 2020 history was reported, decided on and sanctioned, planned so
 * that the per-person counts hit every row of the published curve exactly: between two rows, each
 * count grows by exactly the published difference, and every date falls inside its interval.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WIB = 7 * HOUR;

export type Rnd = () => number;

export interface PersonPlan {
  proven: boolean;
  decidedAt: number | null;
  executedAt: number | null;
  reprimandedAt: number | null;
  blockedAt: number | null;
  unblockedAt: number | null;
}

export interface CasePlan {
  n: number;
  receivedAt: number;
  persons: PersonPlan[];
  /** The PPK's region (regency/city or province); assigned once the escalations are known. */
  region: string;
}

/** Respondents per case: 68% one, 22% two, 7% three, 3% four — about 1.4 once each interval's last case is cut to its quota. */
function caseSize(rnd: Rnd): number {
  const r = rnd();
  return r < 0.68 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4;
}

/** Decisions wait at least two weeks (study, recommendation, KASN's examination) where the interval leaves room. */
const DECISION_LAG = 14 * DAY;
const EXECUTION_LAG = 7 * DAY;

export function planTimeline(rnd: Rnd): CasePlan[] {
  const curve = PILKADA_2020_CURVE;
  const bounds = [PILKADA_2020_START.getTime(), ...curve.map((row) => row.asOf.getTime())];
  const delta = (count: (row: CurveRow) => number) => curve.map((row, i) => count(row) - (i > 0 ? count(curve[i - 1]) : 0));
  const notProven = curve.map((_, i) => notProvenBy(curve, i) - (i > 0 ? notProvenBy(curve, i - 1) : 0));
  const cases: CasePlan[] = [];
  delta((row) => row.reported).forEach((quota, i) => {
    const fresh: PersonPlan[] = [];
    while (quota > 0) {
      const size = Math.min(caseSize(rnd), quota);
      quota -= size;
      const persons = Array.from({ length: size }, (): PersonPlan => ({
        proven: true, decidedAt: null, executedAt: null, reprimandedAt: null, blockedAt: null, unblockedAt: null,
      }));
      cases.push({ n: cases.length, receivedAt: instantIn(bounds[i], bounds[i + 1], rnd), persons, region: '' });
      fresh.push(...persons);
    }
    shuffle(fresh, rnd).slice(0, notProven[i]).forEach((person) => (person.proven = false));
  });
  cases.sort((a, b) => a.receivedAt - b.receivedAt).forEach((c, n) => (c.n = n));

  const receivedOf = new Map(cases.flatMap((c) => c.persons.map((p) => [p, c.receivedAt] as const)));
  const proven = cases.flatMap((c) => c.persons.filter((p) => p.proven));
  allocate(bounds, delta((row) => row.recommended), proven, (p) => receivedOf.get(p)!, DECISION_LAG, rnd, (p, t) => (p.decidedAt = t));
  const decided = proven.filter((p) => p.decidedAt !== null);
  allocate(bounds, delta((row) => row.sanctioned), decided, (p) => p.decidedAt!, EXECUTION_LAG, rnd, (p, t) => (p.executedAt = t));
  return cases;
}

/**
 * Persons found not proven among those reported by row i: the final share, but never more than
 * reported − recommended at this or any later row, or a later row could not reach its count.
 */
function notProvenBy(curve: readonly CurveRow[], i: number): number {
  const last = curve[curve.length - 1];
  const share = 1 - last.recommended / last.reported;
  return Math.min(Math.round(share * curve[i].reported), ...curve.slice(i).map((row) => row.reported - row.recommended));
}

/** KASN and the PPKs work mostly oldest first; some files wait far longer (a straggler picked at random). */
const OLDEST_WINDOW = 30;
const STRAGGLERS = 0.15;

/** Per interval, dates exactly its quota of persons that were ready before its end. */
function allocate(
  bounds: number[],
  quotas: number[],
  candidates: PersonPlan[],
  readyAt: (p: PersonPlan) => number,
  lag: number,
  rnd: Rnd,
  stamp: (p: PersonPlan, at: number) => void,
): void {
  const waiting = [...candidates].sort((a, b) => readyAt(a) - readyAt(b));
  const pool: PersonPlan[] = [];
  let next = 0;
  quotas.forEach((quota, i) => {
    const [lo, hi] = [bounds[i], bounds[i + 1]];
    while (next < waiting.length && readyAt(waiting[next]) < hi) pool.push(waiting[next++]);
    if (pool.length < quota) throw new Error(`curve row ${i}: ${quota} persons needed, ${pool.length} ready`);
    for (let k = 0; k < quota; k++) {
      const reach = rnd() < STRAGGLERS ? pool.length : Math.min(pool.length, OLDEST_WINDOW);
      const [person] = pool.splice(Math.floor(rnd() * reach), 1);
      const ready = readyAt(person);
      stamp(person, instantIn(Math.max(lo, ready + lag < hi ? ready + lag : ready), hi, rnd));
    }
  });
}

/**
 * An instant strictly between lo and hi: office hours (08:00–16:00 WIB) on a weekday where the
 * span has one, else shortly after lo. Never exactly midnight WIB, where rows are counted.
 */
export function instantIn(lo: number, hi: number, rnd: Rnd): number {
  if (hi - lo < 2) throw new Error(`no instant between ${new Date(lo).toISOString()} and ${new Date(hi).toISOString()}`);
  const [first, last] = [wibDay(lo), wibDay(hi - 1)];
  for (let attempt = 0; attempt < 4; attempt++) {
    const day = first + Math.floor(rnd() * (last - first + 1));
    const at = day * DAY - WIB + 8 * HOUR + Math.floor(rnd() * 8 * 60) * MINUTE;
    const weekday = new Date(day * DAY).getUTCDay() % 6 !== 0;
    if (weekday && at > lo && at < hi) return at;
  }
  const at = lo + Math.max(1, Math.floor(Math.min(30 * MINUTE, (hi - lo) / 2)));
  return (at + WIB) % DAY === 0 && at + 1 < hi ? at + 1 : at;
}

const wibDay = (t: number) => Math.floor((t + WIB) / DAY);

export function shuffle<T>(items: T[], rnd: Rnd): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

import { regionLevel, regionName } from '../case/validation/regions';
import { KEMENDAGRI_REPRIMAND_2020, PILKADA_2020_CURVE, PILKADA_2020_NOW, SIASN_BLOCKED_2020 } from './pilkada-2020-curve';
import { DAY, instantIn, shuffle, type CasePlan, type PersonPlan, type Rnd } from './pilkada-2020-timeline';

/**
 * Who was escalated in 2020 and where each case's PPK sits: Kemendagri's October reprimand of 67
 * regional heads over 131 unexecuted recommendations, and the 26 persons BKN had blocked in SIASN
 * by 26 Nov (shared/DOMAIN.md §1). Regions are chosen after the timeline, so that exactly the
 * reprimanded heads sit on those 131 persons and nobody else's pending files share their region.
 */

/** The nine provinces that elected a governor in 2020; their governors act as PPK for provincial staff. */
export const GUBERNATORIAL_2020 = ['13', '15', '17', '21', '62', '63', '65', '71', '72'];
/** Aceh votes on its own cycle (none in 2020) and DKI Jakarta's mayors are appointed, not elected. */
const NO_PILKADA_2020 = ['11', '31'];

let pool: string[] | undefined;

/** PPK regions: every regency/city outside Aceh and DKI Jakarta, and the nine provinces (Kemendagri codes). */
export function ppkRegions(): readonly string[] {
  if (!pool) {
    const two = (n: number) => String(n).padStart(2, '0');
    const provinces = Array.from({ length: 89 }, (_, i) => two(i + 11)).filter(
      (code) => regionLevel(code) === 'PROVINCE' && !NO_PILKADA_2020.includes(code),
    );
    const regencies = provinces.flatMap((p) => Array.from({ length: 99 }, (_, k) => `${p}.${two(k + 1)}`));
    pool = [...GUBERNATORIAL_2020, ...regencies.filter((code) => regionLevel(code) === 'REGENCY')];
  }
  return pool;
}

/** "Gubernur Jambi", "Bupati Ogan Komering Ilir", "Wali Kota Lubuk Linggau": the regional head acting as PPK. */
export function ppkTitle(region: string): string {
  const name = regionName(region)!;
  if (region.length === 2) return `Gubernur ${name}`;
  return name.startsWith('Kota ') ? `Wali Kota ${name.slice('Kota '.length)}` : `Bupati ${name.replace(/^Kabupaten /, '')}`;
}

/** Decided before t and not executed by t: the recommendation waits on its PPK. */
export const pendingAt = (p: PersonPlan, t: number) => p.decidedAt !== null && p.decidedAt < t && (p.executedAt === null || p.executedAt > t);

export function planEscalations(cases: CasePlan[], rnd: Rnd): void {
  const reprimanded = planReprimand(cases);
  assignRegions(cases, reprimanded, rnd);
  planSiasnBlocks(cases, rnd);
}

/** The cases holding the longest-waiting recommendations, until exactly the reprimanded count. */
function planReprimand(cases: CasePlan[]): CasePlan[] {
  const { at, persons: target, regionalHeads } = { ...KEMENDAGRI_REPRIMAND_2020, at: KEMENDAGRI_REPRIMAND_2020.at.getTime() };
  const oldest = (c: CasePlan) => Math.min(...c.persons.filter((p) => pendingAt(p, at)).map((p) => p.decidedAt!));
  const waiting = cases.filter((c) => c.persons.some((p) => pendingAt(p, at))).sort((a, b) => oldest(a) - oldest(b));
  const chosen: CasePlan[] = [];
  let persons = 0;
  for (const c of waiting) {
    const pending = c.persons.filter((p) => pendingAt(p, at));
    if (persons + pending.length > target) continue;
    pending.forEach((p) => (p.reprimandedAt = at));
    persons += pending.length;
    chosen.push(c);
    if (persons === target) break;
  }
  if (persons !== target || chosen.length < regionalHeads) {
    throw new Error(`reprimand: ${persons} of ${target} persons in ${chosen.length} cases for ${regionalHeads} regional heads`);
  }
  return chosen;
}

function assignRegions(cases: CasePlan[], reprimanded: CasePlan[], rnd: Rnd): void {
  const at = KEMENDAGRI_REPRIMAND_2020.at.getTime();
  const regions = shuffle([...ppkRegions()], rnd);
  const heads = regions.slice(0, KEMENDAGRI_REPRIMAND_2020.regionalHeads);
  const others = regions.slice(heads.length);
  const pick = (from: string[]) => from[Math.floor(rnd() * from.length)];
  reprimanded.forEach((c, i) => (c.region = i < heads.length ? heads[i] : pick(heads)));
  for (const c of cases) {
    if (c.region) continue;
    c.region = c.persons.some((p) => pendingAt(p, at)) ? pick(others) : pick(regions);
  }
}

/** The persons waiting longest at the 26 Nov row are the ones BKN blocked; unblocked once their PPK acted. */
function planSiasnBlocks(cases: CasePlan[], rnd: Rnd): void {
  const asOf = PILKADA_2020_CURVE.find((row) => row.day === SIASN_BLOCKED_2020.byRow)!.asOf.getTime();
  const blocked = cases
    .flatMap((c) => c.persons)
    .filter((p) => pendingAt(p, asOf))
    .sort((a, b) => a.decidedAt! - b.decidedAt!)
    .slice(0, SIASN_BLOCKED_2020.persons);
  if (blocked.length < SIASN_BLOCKED_2020.persons) throw new Error(`SIASN: only ${blocked.length} persons pending on ${SIASN_BLOCKED_2020.byRow}`);
  for (const p of blocked) {
    p.blockedAt = instantIn(Math.max(SIASN_BLOCKED_2020.from.getTime(), p.decidedAt!), asOf, rnd);
    if (p.executedAt !== null) p.unblockedAt = instantIn(p.executedAt, Math.min(p.executedAt + 10 * DAY, PILKADA_2020_NOW.getTime()), rnd);
  }
}

import { badInput } from '../case-error';
import { kemendagriRegions, type RegionLevel } from '../../reference-data/kemendagri-regions';
import { isWellFormedRegionCode } from './regions';

/** One region of the Kemendagri list, as a picker offers it: code, name, level and the name of the region above it. */
export interface RegionEntry {
  code: string;
  name: string;
  level: RegionLevel;
  /** The province of a regency/city, the regency/city of a district; null for a province. */
  parentName: string | null;
}

export const MAX_REGIONS = 100;
const MAX_QUERY = 100;
const LEVEL_ORDER: Record<RegionLevel, number> = { PROVINCE: 0, REGENCY: 1, DISTRICT: 2 };

/** Lower case, letters and digits only, single spaces: "Kota  Lubuk-Linggau" and "kota lubuk linggau" match alike. */
const fold = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Regions by name for a type-ahead: those directly below `prefix` (a province's regencies and cities;
 * without it, the provinces) or, with `query`, every region under `prefix` (at any level down to the
 * district) whose name has a word starting with each word typed ("lubuk" finds Kota Lubuk Linggau,
 * "kab solok" Kabupaten Solok), names that start with it first, then provinces before regencies before
 * districts, then by code. `levels` keeps only those levels.
 */
export function findRegions(args: { prefix?: string | null; query?: string | null; codes?: string[] | null; levels?: RegionLevel[] | null; first?: number }): RegionEntry[] {
  const { prefix, query, levels, codes } = args;
  if (codes && codes.length > 0) return regionsByCode(codes);
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_REGIONS) throw badInput('first', `must be between 1 and ${MAX_REGIONS}`, 'page.size', { minimum: 1, maximum: MAX_REGIONS });
  if (prefix !== undefined && prefix !== null && prefix !== '' && !isWellFormedRegionCode(prefix)) {
    throw badInput('prefix', `region code ${JSON.stringify(prefix)} is malformed; use the Kemendagri format PP, PP.KK or PP.KK.CC with dots, e.g. 16.73`, 'region.malformed', { code: prefix });
  }
  if (typeof query === 'string' && query.length > MAX_QUERY) throw badInput('query', `must be at most ${MAX_QUERY} characters`, 'text.tooLong', { max: MAX_QUERY });
  const all = kemendagriRegions();
  const words = fold(query ?? '').split(' ').filter((w) => w !== '');
  const under = prefix ? `${prefix}.` : '';
  const hits: Array<RegionEntry & { starts: boolean }> = [];
  for (const [code, region] of all) {
    if (!code.startsWith(under) || code === prefix) continue;
    if (levels && levels.length > 0 && !levels.includes(region.level)) continue;
    if (words.length === 0) {
      // Browsing: only the level right below the prefix.
      if (code.slice(under.length).includes('.')) continue;
    }
    const name = fold(region.name);
    const nameWords = name.split(' ');
    if (!words.every((w) => nameWords.some((n) => n.startsWith(w)))) continue;
    const parent = code.includes('.') ? all.get(code.slice(0, code.lastIndexOf('.'))) : undefined;
    hits.push({ code, name: region.name, level: region.level, parentName: parent?.name ?? null, starts: words.length > 0 && name.replace(/^(kota|kabupaten|kab|provinsi) /, '').startsWith(words.join(' ')) });
  }
  hits.sort((a, b) => Number(b.starts) - Number(a.starts) || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
  return hits.slice(0, first).map(({ starts: _starts, ...entry }) => entry);
}

/** The named regions in the order asked, unknown codes left out (a header or a queue naming the units it shows). */
function regionsByCode(codes: string[]): RegionEntry[] {
  if (codes.length > MAX_REGIONS) throw badInput('codes', `must list at most ${MAX_REGIONS} codes`, 'page.size', { minimum: 1, maximum: MAX_REGIONS });
  const all = kemendagriRegions();
  return [...new Set(codes)].flatMap((code) => {
    const region = all.get(code);
    if (!region) return [];
    const parent = code.includes('.') ? all.get(code.slice(0, code.lastIndexOf('.'))) : undefined;
    return [{ code, name: region.name, level: region.level, parentName: parent?.name ?? null }];
  });
}

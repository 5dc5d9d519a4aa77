import { badInput, list } from '../case-error';
import { kemendagriRegions, type RegionLevel } from '../../reference-data/kemendagri-regions';

/**
 * Kemendagri region codes (Permendagri 58/2021): `PP` province, `PP.KK` regency/city,
 * `PP.KK.CC` district, `PP.KK.CC.DDDD` village. The list is src/reference-data's (from the
 * `idn-area-data` package); this file only reasons about it.
 */
export type { RegionLevel };

/** All known regions. */
const known = kemendagriRegions;

const LEVEL_LABEL: Record<RegionLevel, string> = {
  PROVINCE: 'a province (PP)',
  REGENCY: 'a regency/city (PP.KK)',
  DISTRICT: 'a district (PP.KK.CC)',
};
const CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** True for the dotted Kemendagri shape at any level, known or not. */
export function isWellFormedRegionCode(code: string): boolean {
  return typeof code === 'string' && CODE_PATTERN.test(code);
}

export function regionLevel(code: string): RegionLevel | undefined {
  return known().get(code)?.level;
}

/** `Kota Lubuk Linggau` for `16.73`; undefined for an unknown code. */
export function regionName(code: string): string | undefined {
  return known().get(code)?.name;
}

/** The `PP` part of a well-formed code (known or not). */
export function provinceOf(code: string): string | undefined {
  return isWellFormedRegionCode(code) ? code.slice(0, 2) : undefined;
}

/** The `PP.KK` part of a well-formed code below province level. */
export function regencyOf(code: string): string | undefined {
  return isWellFormedRegionCode(code) && code.length >= 5 ? code.slice(0, 5) : undefined;
}

/** Number of known regions per level (38 provinces, 514 regencies/cities, 7,277 districts in v3). */
export function regionCount(level: RegionLevel): number {
  let count = 0;
  for (const region of known().values()) if (region.level === level) count += 1;
  return count;
}

/** Refuses a malformed code (with a hint when it looks like a BPS code), an unknown one, or one at a level not allowed here. */
export function assertKnownRegion(code: string, field: string, levels?: RegionLevel[]): void {
  if (typeof code !== 'string' || code === '') {
    throw badInput(field, 'region code is required, in the Kemendagri format PP, PP.KK or PP.KK.CC (e.g. 16.73)', 'region.required');
  }
  if (!isWellFormedRegionCode(code)) throw malformed(code, field);
  const region = known().get(code);
  if (!region) {
    if (code.length > 8) {
      throw badInput(field, `region code ${code} is a village (desa/kelurahan) code; give its district, regency/city or province`, 'region.village', { code });
    }
    throw badInput(field, `region code ${code} is not in the Kemendagri list of regions`, 'region.unknown', { code });
  }
  if (levels && levels.length > 0 && !levels.includes(region.level)) {
    const expected = levels.map((level) => LEVEL_LABEL[level]).join(' or ');
    throw badInput(field, `region code ${code} (${region.name}) is ${LEVEL_LABEL[region.level]}; expected ${expected}`, 'region.wrongLevel', {
      code,
      name: region.name,
      level: region.level,
      expected: list(levels),
    });
  }
}

function malformed(code: string, field: string) {
  const format = 'use the Kemendagri format PP, PP.KK or PP.KK.CC with dots, e.g. 16.73';
  if (/^\d{4}$/.test(code)) {
    const dotted = `${code.slice(0, 2)}.${code.slice(2)}`;
    const message = `region code ${code} looks like a BPS (Statistics Indonesia) code; ${format} — BPS and Kemendagri numbers differ for some regions, so check it rather than writing ${dotted}`;
    return badInput(field, message, 'region.bpsCode', { code, dotted });
  }
  if (/^\d{6}(\d{4})?$/.test(code)) {
    return badInput(field, `region code ${code} has no dots and may be a BPS (Statistics Indonesia) code; ${format}`, 'region.noDots', { code });
  }
  return badInput(field, `region code ${JSON.stringify(code)} is malformed; ${format}`, 'region.malformed', { code });
}

/**
 * Whether a jurisdiction contains a region, by whole code segments: no outer region (undefined
 * or null) is national and contains everything; `16` contains `16.73` and `16.73.01`; `16`
 * does not contain `1601`, and a malformed outer such as `16.7` contains nothing.
 */
export function regionContains(outer: string | undefined | null, inner: string): boolean {
  if (outer === undefined || outer === null) return true;
  if (!isWellFormedRegionCode(outer) || !isWellFormedRegionCode(inner)) return false;
  return inner === outer || inner.startsWith(`${outer}.`);
}

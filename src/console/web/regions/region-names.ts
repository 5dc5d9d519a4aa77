import { useEffect, useState } from 'react';
import { graphql } from '../api/graphql';

/** A region of the Kemendagri list as the `regions` query gives it. */
export interface RegionOption {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY' | 'DISTRICT';
  parentName: string | null;
}

const FIELDS = 'code name level parentName';
export const REGIONS_QUERY = `query Regions($query: String, $prefix: String, $levels: [RegionLevel!], $first: Int) {
  regions(query: $query, prefix: $prefix, levels: $levels, first: $first) { ${FIELDS} }
}`;
const REGION_NAMES_QUERY = `query RegionNames($codes: [String!]) { regions(codes: $codes) { ${FIELDS} } }`;

/** Names already asked for, for the whole tab: a unit's name does not change while it is open. */
const known = new Map<string, RegionOption | null>();
const pending = new Map<string, Promise<void>>();

async function loadNames(codes: string[]): Promise<void> {
  const missing = [...new Set(codes)].filter((code) => !known.has(code) && !pending.has(code));
  if (missing.length === 0) {
    await Promise.all(codes.map((code) => pending.get(code)));
    return;
  }
  const request = graphql<{ regions: RegionOption[] }>(REGION_NAMES_QUERY, { codes: missing }).then(
    (data) => {
      for (const code of missing) known.set(code, data.regions.find((r) => r.code === code) ?? null);
    },
    () => undefined,
  );
  for (const code of missing) pending.set(code, request);
  await request;
  for (const code of missing) pending.delete(code);
}

/** The names of these Kemendagri codes once known (`Kota Lubuk Linggau` for 16.73); a code without one stays out of the map. */
export function useRegionNames(codes: Array<string | null | undefined>): Map<string, RegionOption> {
  const wanted = codes.filter((c): c is string => !!c);
  const key = [...new Set(wanted)].sort().join(',');
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (key === '') return;
    let live = true;
    void loadNames(key.split(',')).then(() => live && setLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [key]);
  const names = new Map<string, RegionOption>();
  for (const code of wanted) {
    const region = known.get(code);
    if (region) names.set(code, region);
  }
  return names;
}

/** Regions whose name has a word starting with each word typed, best first. */
export async function searchRegions(query: string, levels: RegionOption['level'][]): Promise<RegionOption[]> {
  const data = await graphql<{ regions: RegionOption[] }>(REGIONS_QUERY, { query, levels, first: 8 });
  for (const region of data.regions) known.set(region.code, region);
  return data.regions;
}

/** "Bawaslu Kota Lubuk Linggau", "BKN · nasional": a unit by its agency's words and its region's name (the code until it is known). */
export function unitName(agency: string, region: string | null, names: Map<string, RegionOption>, national: string): string {
  if (!region) return `${agency} · ${national}`;
  // "PPK Kota Lubuk Linggau": the agency's short name (without its explanation in brackets) before the region's.
  return `${agency.replace(/ \(.*\)$/, '')} ${names.get(region)?.name ?? region}`;
}

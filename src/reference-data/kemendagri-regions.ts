import { readFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * Kemendagri region codes (Permendagri 58/2021), as the `idn-area-data` package ships them in CSV
 * files (the package itself is ESM-only, so its data is read, not imported): read once, on first use.
 * The domain's rules on region codes (src/case/validation/regions.ts) ask this list and read no file.
 */
export type RegionLevel = 'PROVINCE' | 'REGENCY' | 'DISTRICT';

export interface Region {
  level: RegionLevel;
  name: string;
}

const KEPT_UPPERCASE = new Set(['DKI']);

let regions: Map<string, Region> | undefined;

/** All known regions, read once on first use. */
export function kemendagriRegions(): Map<string, Region> {
  if (!regions) {
    const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
    const loaded = new Map<string, Region>();
    const files: Array<[string, RegionLevel]> = [
      ['provinces.csv', 'PROVINCE'],
      ['regencies.csv', 'REGENCY'],
      ['districts.csv', 'DISTRICT'],
    ];
    for (const [file, level] of files) {
      for (const [code, name] of readCsv(join(dataDir, file))) loaded.set(code, { level, name: displayName(name) });
    }
    regions = loaded;
  }
  return regions;
}

/** `code,[parent,]name` rows without the header; names carry no commas in the shipped data, but a quoted one is handled. */
function readCsv(file: string): Array<[string, string]> {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const code = line.slice(0, line.indexOf(','));
      const last = line.slice(line.lastIndexOf(',') + 1);
      const quoted = /,"((?:[^"]|"")*)"$/.exec(line);
      return [code, quoted ? quoted[1].replace(/""/g, '"') : last];
    });
}

/** Provinces and regencies are upper case in the source (`KOTA LUBUK LINGGAU`); districts are already cased. */
function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(' ')
    .map((word) => (KEPT_UPPERCASE.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

import {
  assertKnownRegion,
  provinceOf,
  regencyOf,
  regionContains,
  regionCount,
  regionLevel,
  regionName,
} from '../../../src/case/validation/regions';
import { expectBadInput } from './expect-bad-input';

const FIELD = 'handlingUnit';

describe('Kemendagri region codes', () => {
  describe('the official list from idn-area-data', () => {
    it('knows 38 provinces and 514 regencies/cities', () => {
      expect(regionCount('PROVINCE')).toBe(38);
      expect(regionCount('REGENCY')).toBe(514);
      expect(regionCount('DISTRICT')).toBe(7277);
    });

    it.each([
      ['16', 'Sumatera Selatan', 'PROVINCE'],
      ['16.73', 'Kota Lubuk Linggau', 'REGENCY'],
      ['16.74', 'Kota Prabumulih', 'REGENCY'],
      ['16.71', 'Kota Palembang', 'REGENCY'],
      ['16.02', 'Kabupaten Ogan Komering Ilir', 'REGENCY'],
      ['13.72', 'Kota Solok', 'REGENCY'],
      ['64.02', 'Kabupaten Kutai Kartanegara', 'REGENCY'],
      ['31', 'DKI Jakarta', 'PROVINCE'],
    ])('names %s %s (%s)', (code, name, level) => {
      expect(regionName(code)).toBe(name);
      expect(regionLevel(code)).toBe(level);
    });

    it('knows the 17 regencies/cities of Sumatera Selatan, 16.01–16.13 and 16.71–16.74, and no more', () => {
      const codes = [...Array(13).keys()].map((i) => `16.${String(i + 1).padStart(2, '0')}`).concat(['16.71', '16.72', '16.73', '16.74']);
      expect(codes.filter((code) => regionLevel(code) === 'REGENCY')).toEqual(codes);
      expect(regionLevel('16.14')).toBeUndefined();
      expect(regionLevel('16.75')).toBeUndefined();
      expect(regionName('16.72')).toBe('Kota Pagar Alam');
      expect(regionName('16.13')).toBe('Kabupaten Musi Rawas Utara');
    });

    it('knows districts (kecamatan), e.g. 16.73.01 in Lubuk Linggau', () => {
      expect(regionLevel('16.73.01')).toBe('DISTRICT');
      expect(regionName('16.73.01')).toEqual(expect.any(String));
    });

    it('knows nothing of an unlisted or BPS-style code', () => {
      expect(regionLevel('16.99')).toBeUndefined();
      expect(regionName('1674')).toBeUndefined();
    });
  });

  describe('the parts of a code', () => {
    it('gives the province of a regency and of a district', () => {
      expect(provinceOf('16.73')).toBe('16');
      expect(provinceOf('16.73.01')).toBe('16');
      expect(provinceOf('16')).toBe('16');
    });

    it('gives the regency (PP.KK) of a district, and none for a province', () => {
      expect(regencyOf('16.73.01')).toBe('16.73');
      expect(regencyOf('16.73')).toBe('16.73');
      expect(regencyOf('16')).toBeUndefined();
    });

    it('gives nothing for a malformed code', () => {
      expect(provinceOf('1673')).toBeUndefined();
      expect(regencyOf('1673')).toBeUndefined();
    });
  });

  describe('assertKnownRegion', () => {
    it('accepts a known province, regency/city and district', () => {
      expect(() => assertKnownRegion('16', FIELD)).not.toThrow();
      expect(() => assertKnownRegion('16.73', FIELD)).not.toThrow();
      expect(() => assertKnownRegion('16.73.01', FIELD)).not.toThrow();
    });

    it('refuses a BPS-style code without dots, pointing to the PP.KK format', () => {
      expectBadInput(() => assertKnownRegion('1673', FIELD), FIELD, /1673 looks like a BPS .*PP\.KK/);
    });

    it('refuses a malformed code', () => {
      expectBadInput(() => assertKnownRegion('16.7', FIELD), FIELD, /is malformed; use the Kemendagri format/);
      expectBadInput(() => assertKnownRegion('16.73.', FIELD), FIELD, /is malformed/);
      expectBadInput(() => assertKnownRegion('', FIELD), FIELD, /region code is required/);
    });

    it('refuses a well-formed code that is not in the list', () => {
      expectBadInput(() => assertKnownRegion('16.99', FIELD), FIELD, 'region code 16.99 is not in the Kemendagri list');
      expectBadInput(() => assertKnownRegion('99', FIELD), FIELD, 'region code 99 is not in the Kemendagri list');
    });

    it('refuses a village code, which Netra does not take as a jurisdiction', () => {
      expectBadInput(() => assertKnownRegion('16.73.01.1001', FIELD), FIELD, /is a village/);
    });

    it('refuses a region at a level the field does not allow', () => {
      expectBadInput(
        () => assertKnownRegion('16', 'ppk.regionCode', ['REGENCY']),
        'ppk.regionCode',
        'region code 16 (Sumatera Selatan) is a province (PP); expected a regency/city (PP.KK)',
      );
      expect(() => assertKnownRegion('16.73', 'ppk.regionCode', ['PROVINCE', 'REGENCY'])).not.toThrow();
    });
  });

  describe('regionContains', () => {
    it('a national unit (no region) contains everything', () => {
      expect(regionContains(undefined, '16.73')).toBe(true);
      expect(regionContains(null, '64.02.01')).toBe(true);
    });

    it('a province contains its regencies and their districts', () => {
      expect(regionContains('16', '16.73')).toBe(true);
      expect(regionContains('16', '16.73.01')).toBe(true);
      expect(regionContains('16.73', '16.73.01')).toBe(true);
    });

    it('a region contains itself', () => {
      expect(regionContains('16.73', '16.73')).toBe(true);
    });

    it('does not contain a neighbour or a region in another province', () => {
      expect(regionContains('16.73', '16.74')).toBe(false);
      expect(regionContains('16', '13.72')).toBe(false);
      expect(regionContains('16.73', '16')).toBe(false);
    });

    it('matches whole segments only: 16.7 contains nothing, 16 does not contain 1601, 1 does not contain 16', () => {
      expect(regionContains('16.7', '16.73')).toBe(false);
      expect(regionContains('16.7', '16.7')).toBe(false);
      expect(regionContains('16', '1601')).toBe(false);
      expect(regionContains('1', '16.73')).toBe(false);
      expect(regionContains('16.01', '16.010')).toBe(false);
    });

    it('an empty string is not national: it contains nothing', () => {
      expect(regionContains('', '16.73')).toBe(false);
    });
  });
});

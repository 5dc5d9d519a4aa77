import { gql, type GraphQLClient } from 'graphql-request';
import { codeOf, startTestNetra, type RunningNetra } from '../../support/netra-app';

/** `regions`: the Kemendagri list by name, for the console's pickers (and the header's unit name). */
const REGIONS = gql`
  query regions($prefix: String, $query: String, $codes: [String!], $levels: [RegionLevel!], $first: Int) {
    regions(prefix: $prefix, query: $query, codes: $codes, levels: $levels, first: $first) { code name level parentName }
  }
`;
interface Region { code: string; name: string; level: string; parentName: string | null }

describe('regions by name', () => {
  let netra: RunningNetra;
  let bkn: GraphQLClient;
  const regions = async (variables: Record<string, unknown>) => (await bkn.request<{ regions: Region[] }>(REGIONS, variables)).regions;

  beforeAll(async () => {
    netra = await startTestNetra();
    bkn = await netra.client('BKN', null);
  });
  afterAll(() => netra.close());

  it('without a query, the 38 provinces; below a province its regencies and cities, in code order', async () => {
    const provinces = await regions({ first: 100 });
    expect(provinces).toHaveLength(38);
    expect(provinces.every((p) => p.level === 'PROVINCE' && p.parentName === null)).toBe(true);
    expect(provinces.find((p) => p.code === '16')).toMatchObject({ name: 'Sumatera Selatan' });
    const sumsel = await regions({ prefix: '16', first: 100 });
    expect(sumsel.map((r) => r.code)).toEqual(['16.01', '16.02', '16.03', '16.04', '16.05', '16.06', '16.07', '16.08', '16.09', '16.10', '16.11', '16.12', '16.13', '16.71', '16.72', '16.73', '16.74']);
    expect(sumsel.find((r) => r.code === '16.73')).toEqual({ code: '16.73', name: 'Kota Lubuk Linggau', level: 'REGENCY', parentName: 'Sumatera Selatan' });
  });

  it('a word typed finds the city by a word of its name, whatever the case and punctuation; the city before its districts', async () => {
    const found = await regions({ query: 'LUBUK-linggau' });
    expect(found[0]).toEqual({ code: '16.73', name: 'Kota Lubuk Linggau', level: 'REGENCY', parentName: 'Sumatera Selatan' });
    expect(found.slice(1).every((r) => r.level === 'DISTRICT' && r.code.startsWith('16.73.'))).toBe(true);
    expect((await regions({ query: 'kota solok', levels: ['REGENCY'] })).map((r) => r.code)).toEqual(['13.72']);
    expect((await regions({ query: 'kutai kartanegara', levels: ['REGENCY'] })).map((r) => [r.code, r.name])).toEqual([['64.02', 'Kabupaten Kutai Kartanegara']]);
  });

  it('a query under a prefix stays under it; codes are named in the order asked, unknown ones left out', async () => {
    const solok = await regions({ prefix: '13', query: 'solok', levels: ['REGENCY'] });
    expect(solok.map((r) => r.name).sort()).toEqual(['Kabupaten Solok', 'Kabupaten Solok Selatan', 'Kota Solok']);
    expect(await regions({ prefix: '16', query: 'solok' })).toEqual([]);
    expect((await regions({ codes: ['16.73', '64', '99.99'] })).map((r) => r.name)).toEqual(['Kota Lubuk Linggau', 'Kalimantan Timur']);
  });

  it('refuses a malformed prefix or page size naming the argument, and answers no one without a token', async () => {
    const refused = async (variables: Record<string, unknown>) => {
      try {
        await bkn.request(REGIONS, variables);
        return null;
      } catch (error) {
        return (error as { response: { errors: Array<{ extensions: Record<string, unknown> }> } }).response.errors[0].extensions;
      }
    };
    expect(await refused({ prefix: '1673' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prefix', key: 'region.malformed' });
    expect(await refused({ first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', key: 'page.size' });
    expect(await refused({ query: 'x'.repeat(101) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', key: 'text.tooLong' });
    expect(await codeOf(netra.anonymous().request(REGIONS, {}))).toBe('UNAUTHENTICATED');
  });
});

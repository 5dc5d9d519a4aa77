import { gql, type GraphQLClient } from 'graphql-request';
import { codeOf, messageOf, type RunningNetra } from '../support/netra-app';
import { onBothStores } from '../support/on-both-stores';
import { aStudy, caseCount, mutate, readCase, REPORT, STUDY, trackDetails } from './case-steps';
import { aLaporan } from './fixtures';

/** The first GraphQL error of a refused request, whole: code, field and params. */
async function errorOf(request: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await request;
  } catch (error) {
    return (error as { response: { errors: Array<{ message: string; extensions: Record<string, unknown> }> } }).response.errors[0];
  }
  throw new Error('the request was accepted');
}

const NOTES = gql`
  query notes($id: ID!) { case(id: $id) { respondents { respondentId name studyNote } } }
`;

/** Issue 14 items 5 and 7 over GraphQL: the reporting limit, the finding that takes up a late report, and the study's note. */
onBothStores('the law as data', (start) => {
  let netra: RunningNetra;
  let cleanup: () => Promise<void>;
  let bawaslu: GraphQLClient;
  let oversight: GraphQLClient;

  beforeAll(async () => {
    ({ netra, cleanup } = await start());
    [bawaslu, oversight] = await Promise.all([netra.client('BAWASLU', '16.73'), netra.client('OVERSIGHT')]);
  });
  afterAll(() => cleanup());

  describe('a Pilkada laporan received 40 days after the violation became known (25 Sep 2024)', () => {
    const late = () => aLaporan({ receivedAt: '2024-11-04T09:00:00+07:00' });

    it('is refused with BAD_USER_INPUT naming receivedAt, the limit in params, and nothing is registered', async () => {
      const before = await caseCount(oversight);
      const error = await errorOf(mutate(bawaslu, REPORT, late()));
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'receivedAt',
        params: { limitAt: '2024-10-02T16:59:59.999Z', days: 7, unit: 'CALENDAR', source: 'REPORT', electionKind: 'PILKADA', clockField: 'knownAt' },
      });
      expect(error.message).toMatch(/^receivedAt: is after the reporting limit 2024-10-02 23:59 WIB/);
      expect(await caseCount(oversight)).toBe(before);
    });

    it('received on the seventh day it is registered', async () => {
      expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ receivedAt: '2024-10-02T20:00:00+07:00' })))).toBe('OK');
    });

    it('Bawaslu registers it explicitly as its own finding: no reporter, and the timeline says it came from a late report', async () => {
      const { reporter: _reporter, ...laporan } = late();
      const finding = await mutate(bawaslu, REPORT, {
        ...laporan,
        source: 'FINDING',
        receivedAt: '2024-11-05T09:00:00+07:00',
        originalReport: { receivedAt: '2024-11-04T09:00:00+07:00', reference: '031/LP/PB/Kota/06.16.73/XI/2024' },
      });
      expect(finding).toMatchObject({ source: 'FINDING', reporter: null, stage: 'REPORTED' });
      expect(finding.timeline[0].description).toBe(
        'Finding (temuan) recorded by 16.73, 2 respondent(s), taken up from a report received out of time on 2024-11-04 09:00 WIB',
      );
    });

    it('a laporan may not carry originalReport', async () => {
      const request = mutate(bawaslu, REPORT, { ...late(), originalReport: { receivedAt: '2024-11-04T09:00:00+07:00' } });
      expect(await codeOf(request)).toBe('BAD_USER_INPUT');
      expect(await messageOf(request)).toMatch(/^originalReport: only a finding/);
    });
  });

  describe('a Pemilu laporan: 7 working days, counted on the working-day calendar', () => {
    const pemilu = (receivedAt: string) =>
      aLaporan({ election: { kind: 'PEMILU', year: 2024, regionCode: '16' }, occurredAt: '2024-02-06T09:00:00+07:00', knownAt: '2024-02-07T10:00:00+07:00', receivedAt });

    it('is registered on 21 Feb 2024 (Isra Mikraj, Imlek leave, two weekends and voting day skipped) and refused on 22 Feb', async () => {
      expect(await codeOf(mutate(bawaslu, REPORT, pemilu('2024-02-21T15:00:00+07:00')))).toBe('OK');
      const error = await errorOf(mutate(bawaslu, REPORT, pemilu('2024-02-22T08:00:00+07:00')));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedAt', params: { limitAt: '2024-02-21T16:59:59.999Z', unit: 'WORKING' } });
    });
  });

  describe('the study’s note on each respondent', () => {
    let caseId: string;

    beforeAll(async () => {
      const laporan = aLaporan();
      const respondents = laporan.respondents as Array<Record<string, unknown>>;
      // Dewi works for Musi Rawas (16.05): its units may read the case through her.
      const reported = await mutate(bawaslu, REPORT, { ...laporan, respondents: [respondents[0], { ...respondents[1], institution: 'Dinas Pendidikan Kabupaten Musi Rawas', institutionRegionCode: '16.05' }] });
      caseId = reported.id;
      await mutate(bawaslu, STUDY, {
        ...aStudy(caseId, {}),
        findings: [
          { respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'], note: 'Terbukti memakai kaus paslon pada acara kecamatan (klarifikasi 27/9).' },
          { respondentId: 'R2', outcome: 'NO_VIOLATION', note: 'Hadir sebagai tamu undangan, tidak terbukti mendukung.' },
        ],
      });
    });

    it('is part of the respondent’s track for the handling Bawaslu unit, with the track’s version', async () => {
      const details = (await trackDetails(bawaslu, caseId))!;
      expect(details.respondents.map((r) => [r.respondentId, r.studyNote, r.trackVersion])).toEqual([
        ['R1', 'Terbukti memakai kaus paslon pada acara kecamatan (klarifikasi 27/9).', 2],
        ['R2', 'Hadir sebagai tamu undangan, tidak terbukti mendukung.', 2],
      ]);
    });

    it.each([
      ['the handling Bawaslu unit', 'BAWASLU', '16.73'],
      ['oversight', 'OVERSIGHT', null],
      ['BKN', 'BKN', null],
      ['the PPK of Lubuk Linggau', 'PPK', '16.73'],
      ['Bawaslu Musi Rawas, which reads the case through Dewi', 'BAWASLU', '16.05'],
      ['the PPK of Musi Rawas', 'PPK', '16.05'],
    ] as const)('%s sees a note exactly where it sees the name', async (_label, agency, region) => {
      const reader = await netra.client(agency, region);
      const found = (await reader.request<{ case: { respondents: Array<{ respondentId: string; name: string | null; studyNote: string | null }> } | null }>(NOTES, { id: caseId })).case;
      expect(found).not.toBeNull();
      for (const r of found!.respondents) expect({ respondentId: r.respondentId, noteShown: r.studyNote !== null }).toEqual({ respondentId: r.respondentId, noteShown: r.name !== null });
    });

    it('a unit that may not read the case sees neither', async () => {
      const outsider = await netra.client('BAWASLU', '16.74');
      expect(await readCase(outsider, caseId)).toBeNull();
    });
  });
});

import type { GraphQLClient } from 'graphql-request';
import { LABELS_ID } from '../../src/case/case-vocabulary-id';
import { appendSyntheticHistory } from '../../src/demo/synthetic-history';
import { ProjectionService } from '../../src/oversight/projection.service';
import { CaseReader } from '../../src/oversight/queries/case-reader';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import { aCaseWithTwoSanctionsDecided, anExecution, mutate, EXECUTE, REPORT, type FullCase } from '../e2e/case-steps';
import { readSource } from '../../src/oversight/queries/read-source';
import { aLaporan, NIP_CAMAT, NIP_STAFF } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { createThrowawayDatabase, describeWithPostgres } from '../support/throwaway-database';
import { csvRecords, download, graphqlFollowUps, parseCsv, tokenFor, type FollowUpJson } from './exports-support';
import { SUMMARY_QUERY } from './summary-fields';

/**
 * Issue 5, item 6: the exports hold what the followUps and followUpSummary queries answer for the
 * same filter and caller — row for row, field for field — in files a spreadsheet opens safely.
 */

const PAST = '2025-03-01T00:00:00Z';
const OVERSIGHT_ACTOR = { agency: 'OVERSIGHT' as const, region: null, userId: 'test-oversight' };
/** Respondents whose words a spreadsheet would misread: formulas, commas, quotes and line breaks. */
const AWKWARD = [
  { name: '=HYPERLINK("http://contoh.id","klik")', nip: NIP_CAMAT, employment: 'PNS', position: 'Kepala "Seksi"\nUmum', institution: 'Dinas Pendidikan, Pemuda dan Olahraga', institutionRegionCode: '16.73' },
  { name: '@Dewi, S.Pd.', nip: NIP_STAFF, employment: 'PNS', position: '-', institution: '+62 Kantor Camat', institutionRegionCode: '16.73' },
];
const omit = (row: FollowUpJson, ...fields: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !fields.includes(k)));

function exportSuite(open: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>) {
  let netra: RunningNetra;
  let drop: () => Promise<void>;
  let oversight: GraphQLClient;
  let oversightToken: string;
  let awkward: FullCase;

  beforeAll(async () => {
    const store = await open();
    drop = store.drop;
    netra = await startTestNetra(store.env);
    // Pages of 7 rows, so every comparison crosses many page boundaries, ties on the received time among them.
    const reader = netra.app.get(CaseReader);
    const read = reader.followUpPage.bind(reader);
    jest.spyOn(reader, 'followUpPage').mockImplementation((filter, after, _limit, actor, source) => read(filter, after, 7, actor, source));
    const storage = netra.app.get<Storage>(STORAGE);
    await appendSyntheticHistory(storage.store, 120);
    await netra.app.get(ProjectionService).runner.waitFor(await storage.store.headPosition(), 60_000);
    awkward = await aCaseWithTwoSanctionsDecided(netra, aLaporan({ respondents: AWKWARD }));
    // 02.23 WIB: still the 13th in UTC, the 14th on an officer's calendar.
    await mutate(await netra.client('PPK', '16.73'), EXECUTE, anExecution(awkward.id, 'R1', { sanction: 'MORAL_CLOSED', executedAt: '2024-10-14T02:23:00+07:00' }));
    oversight = await netra.client('OVERSIGHT');
    oversightToken = await tokenFor('OVERSIGHT');
  }, 180_000);
  afterAll(async () => {
    await netra?.close();
    await drop?.();
  });

  describe('follow-ups', () => {
    it('the JSON holds every row followUps shows as of an instant, field for field, in its order', async () => {
      const file = await download(netra, '/exports/follow-ups.json', { asOf: PAST }, oversightToken);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(file.headers.get('x-netra-as-of')).toBe('2025-03-01T00:00:00.000Z');
      expect(file.headers.get('content-disposition')).toBe('attachment; filename="netra-follow-ups-2025-03-01.json"');
      const body = JSON.parse(file.text) as { asOf: string; followUps: FollowUpJson[] };
      const expected = await graphqlFollowUps(oversight, null, PAST);
      expect(expected.length).toBeGreaterThan(50);
      expect(body.asOf).toBe('2025-03-01T00:00:00.000Z');
      expect(body.followUps.map((row) => omit(row, 'registerNumber', 'election'))).toEqual(expected);
      expect(body.followUps.every((row) => typeof row.registerNumber === 'string' && (row.election as { year: number }).year === 2024)).toBe(true);
    });

    it('without asOf it is the read model at the moment of the request, under the same filter as followUps', async () => {
      const filter = { regionPrefix: '16', waitingOn: 'PPK' };
      const file = await download(netra, '/exports/follow-ups.json', filter, oversightToken);
      const asOf = Date.parse(file.headers.get('x-netra-as-of')!);
      expect(Math.abs(asOf - Date.now())).toBeLessThan(60_000);
      const timeless = (row: FollowUpJson) => omit(row, 'registerNumber', 'election', 'daysWaiting', 'daysLate');
      const expected = (await graphqlFollowUps(oversight, filter)).map(timeless);
      expect(expected.length).toBeGreaterThan(0);
      expect((JSON.parse(file.text).followUps as FollowUpJson[]).map(timeless)).toEqual(expected);
    });

    it('the CSV with English headers carries the same rows as the JSON, one per line', async () => {
      const [csv, json] = await Promise.all([
        download(netra, '/exports/follow-ups.csv', { asOf: PAST, headers: 'en' }, oversightToken),
        download(netra, '/exports/follow-ups.json', { asOf: PAST }, oversightToken),
      ]);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      const rows = csvRecords(csv.text);
      const expected = (JSON.parse(json.text).followUps as FollowUpJson[]).map((f) => ({
        caseId: f.caseId,
        respondentId: f.respondentId,
        registerNumber: f.registerNumber,
        stage: f.stage,
        followUpStatus: f.followUpStatus ?? '',
        overdue: String(f.overdue),
        daysLate: f.daysLate === null ? '' : String(f.daysLate),
        dueAt: f.dueAt ?? '',
        violations: (f.violations as string[]).join('; '),
        'ppk.title': (f.ppk as { title: string } | null)?.title ?? '',
      }));
      expect(rows.map((r) => Object.fromEntries(Object.keys(expected[0]).map((k) => [k, r[k]])))).toEqual(expected);
    });

    it('has Indonesian headers by default, with stages and statuses in BPK words and their codes beside them', async () => {
      const file = await download(netra, '/exports/follow-ups.csv', { caseId: awkward.id }, oversightToken);
      const [header] = parseCsv(file.text);
      expect(header.slice(0, 5)).toEqual(['Nomor Register', 'ID Kasus', 'ID Terlapor', 'Nama Terlapor', 'NIP']);
      expect(header).toEqual(expect.arrayContaining(['Tahapan', 'Kode Tahapan', 'Menunggu', 'Batas Waktu', 'Terlambat (hari)', 'Status Tindak Lanjut', 'Kode Status Tindak Lanjut']));
      const [r2, r1] = csvRecords(file.text);
      expect([r1['ID Terlapor'], r1['Status Tindak Lanjut'], r1['Kode Status Tindak Lanjut']]).toEqual(['R1', 'Belum sesuai rekomendasi', 'NOT_AS_RECOMMENDED']);
      expect([r1['Tahapan'], r1['Sanksi yang Dijatuhkan'], r1['Terlambat']]).toEqual(['Sanksi dilaksanakan', 'Sanksi moral tertutup', 'Tidak']);
      expect([r2['Status Tindak Lanjut'], r2['Kode Tahapan'], r2['Menunggu'], r2['Nomor Register']]).toEqual(['Belum ditindaklanjuti', 'SANCTION_DECIDED', 'PPK', awkward.registerNumber]);
    });

    it('under id writes times on the wall clock of the case\'s zone, named in Zona Waktu, and violations and the election in words; under en the API\'s UTC and codes', async () => {
      const [id, en] = await Promise.all([
        download(netra, '/exports/follow-ups.csv', { caseId: awkward.id }, oversightToken),
        download(netra, '/exports/follow-ups.csv', { caseId: awkward.id, headers: 'en' }, oversightToken),
      ]);
      const r1 = csvRecords(id.text).find((r) => r['ID Terlapor'] === 'R1')!;
      const e1 = csvRecords(en.text).find((r) => r.respondentId === 'R1')!;
      expect([r1['Tanggal SK'], r1['Tanggal Keputusan Sanksi'], r1['Zona Waktu']]).toEqual(['2024-10-14 02:23', '2024-10-07 10:00', 'WIB (UTC+07:00)']);
      expect([e1.executedAt, e1.decidedAt]).toEqual(['2024-10-13T19:23:00.000Z', '2024-10-07T03:00:00.000Z']);
      expect([r1['Jenis Pelanggaran'], r1['Kode Jenis Pelanggaran'], r1['Jenis Pemilihan']]).toEqual(['Mengunggah, mengomentari, membagikan, menyukai konten calon di media sosial', 'SOCIAL_MEDIA_ENGAGEMENT', 'Pilkada']);
      expect([e1.violations, e1['election.kind']]).toEqual(['SOCIAL_MEDIA_ENGAGEMENT', 'PILKADA']);
      expect(Object.keys(e1)).not.toContain('Zona Waktu');
      // Days waiting carry a decimal comma under id, a point under en.
      const waiting = csvRecords(id.text).map((r) => r['Lama Menunggu (hari)']).filter((d) => d !== '');
      expect(waiting.length).toBeGreaterThan(0);
      for (const days of waiting) expect(days).toMatch(/^\d+(,\d)?$/);
      for (const days of csvRecords(en.text).map((r) => r.daysWaiting).filter((d) => d !== '')) expect(days).toMatch(/^\d+(\.\d)?$/);
    });

    it('quotes commas, quotes and line breaks, defuses formulas, and starts with a BOM when asked', async () => {
      const file = await download(netra, '/exports/follow-ups.csv', { caseId: awkward.id, headers: 'en', bom: '1' }, oversightToken);
      expect(file.text.startsWith('\uFEFFregisterNumber,')).toBe(true);
      expect(file.text).toContain(`"'=HYPERLINK(""http://contoh.id"",""klik"")"`);
      const [r2, r1] = csvRecords(file.text.slice(1));
      expect([r1.name, r1.position, r1.institution, r1.nip]).toEqual([`'${AWKWARD[0].name}`, 'Kepala "Seksi"\nUmum', AWKWARD[0].institution, NIP_CAMAT]);
      expect([r2.name, r2.position, r2.institution]).toEqual(["'@Dewi, S.Pd.", "'-", "'+62 Kantor Camat"]);
    });

    it.each([
      ['PPK', '16.73'],
      ['BAWASLU', '64.02'],
      ['KEMENDAGRI', '13'],
    ] as const)('a %s unit in %s gets exactly the rows followUps shows it', async (agency, region) => {
      const file = await download(netra, '/exports/follow-ups.json', { asOf: PAST }, await tokenFor(agency, region));
      const mine = (JSON.parse(file.text).followUps as FollowUpJson[]).map((row) => row.id);
      const expected = (await graphqlFollowUps(await netra.client(agency, region), null, PAST)).map((row) => row.id);
      expect(mine).toEqual(expected);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBeLessThan((await graphqlFollowUps(oversight, null, PAST)).length);
    });

    it('refuses a caller without a valid token with 401 UNAUTHENTICATED', async () => {
      for (const token of [undefined, 'not-a-jwt', `${oversightToken.slice(0, -4)}AAAA`]) {
        const file = await download(netra, '/exports/follow-ups.csv', {}, token);
        expect(file.status).toBe(401);
        expect(file.headers.get('www-authenticate')).toBe('Bearer');
        expect(JSON.parse(file.text)).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    });

    it('as of a day before the first case is the header line alone', async () => {
      const file = await download(netra, '/exports/follow-ups.csv', { asOf: '2024-01-01' }, oversightToken);
      expect(file.status).toBe(200);
      expect(parseCsv(file.text)).toHaveLength(1);
      expect(file.headers.get('x-netra-as-of')).toBe('2023-12-31T17:00:00.000Z');
    });
  });

  describe('summary', () => {
    it('the JSON is followUpSummary for the same question, with its asOf and position', async () => {
      const question = { groupBy: 'REGION,WAITING_ON', regionPrefix: '16', asOf: PAST };
      const file = await download(netra, '/exports/summary.json', question, oversightToken);
      expect(file.status).toBe(200);
      const body = JSON.parse(file.text);
      const { followUpSummary } = await (await netra.client('OVERSIGHT'))
        .request<{ followUpSummary: Record<string, unknown> }>(SUMMARY_QUERY.replaceAll('maxDaysLate', 'maxDaysLate suppressed'), { groupBy: ['REGION', 'WAITING_ON'], filter: { regionPrefix: '16' }, asOf: PAST });
      expect(body).toEqual({ ...followUpSummary, groupBy: ['REGION', 'WAITING_ON'] });
      expect(file.headers.get('x-netra-position')).toBe(body.position);
      expect(file.headers.get('x-netra-as-of')).toBe(body.asOf);
    });

    it('the CSV has an overall row and a row per bucket, persons beside cases, in Indonesian', async () => {
      const [csv, json] = await Promise.all([
        download(netra, '/exports/summary.csv', { groupBy: 'PPK' }, oversightToken),
        download(netra, '/exports/summary.json', { groupBy: 'PPK' }, oversightToken),
      ]);
      const summary = JSON.parse(json.text);
      const [overall, ...buckets] = csvRecords(csv.text);
      expect(buckets).toHaveLength(summary.buckets.length);
      expect([overall['Baris'], overall['PPK'], overall['Jumlah Orang'], overall['Jumlah Kasus']]).toEqual(['Keseluruhan', '', String(summary.overall.total), String(summary.overall.cases)]);
      expect(buckets.map((b) => [b['PPK'], b['Sanksi Diputuskan (orang)'], b['Sanksi Diputuskan (kasus)'], b['Tingkat Tindak Lanjut']])).toEqual(
        summary.buckets.map((b: Record<string, any>) => [b.key.ppk ?? '', String(b.decided.persons), String(b.decided.cases), b.actedOnRate === null ? '' : String(b.actedOnRate).replace('.', ',')]),
      );
      expect(overall['Status: Belum ditindaklanjuti (orang)']).toBe(String(summary.overall.byStatus.find((s: { status: string }) => s.status === 'PENDING').count));
    });

    it('names violations and elections in words beside their codes, and writes rates with a decimal comma, under id only', async () => {
      const question = { groupBy: 'VIOLATION,ELECTION', asOf: PAST };
      const [id, en, json] = await Promise.all([
        download(netra, '/exports/summary.csv', question, oversightToken),
        download(netra, '/exports/summary.csv', { ...question, headers: 'en' }, oversightToken),
        download(netra, '/exports/summary.json', question, oversightToken),
      ]);
      const summary = JSON.parse(json.text);
      const [, ...buckets] = csvRecords(id.text);
      const [, ...enBuckets] = csvRecords(en.text);
      const words = (code: string) => (LABELS_ID.ViolationCode as Record<string, string>)[code];
      expect(buckets.map((b) => [b['Jenis Pelanggaran'], b['Kode Jenis Pelanggaran'], b['Pemilihan']])).toEqual(
        summary.buckets.map((b: Record<string, any>) => [words(b.key.violation), b.key.violation, b.key.election.replace('PILKADA', 'Pilkada').replace('PEMILU', 'Pemilu')]),
      );
      expect(enBuckets.map((b) => [b['key.violation'], b['key.election']])).toEqual(summary.buckets.map((b: Record<string, any>) => [b.key.violation, b.key.election]));
      const fractional = summary.buckets.filter((b: Record<string, any>) => b.actedOnRate !== null && !Number.isInteger(b.actedOnRate));
      expect(fractional.length).toBeGreaterThan(0);
      for (const [i, b] of summary.buckets.entries()) {
        expect(buckets[i]['Tingkat Tindak Lanjut']).toBe(b.actedOnRate === null ? '' : String(b.actedOnRate).replace('.', ','));
        expect(enBuckets[i].actedOnRate).toBe(b.actedOnRate === null ? '' : String(b.actedOnRate));
      }
    });

    it('answers without a token, but not about one person or one case', async () => {
      expect((await download(netra, '/exports/summary.csv', {})).status).toBe(200);
      for (const narrowing of [{ respondentNip: NIP_CAMAT }, { caseId: awkward.id }]) {
        const file = await download(netra, '/exports/summary.csv', narrowing);
        expect([file.status, JSON.parse(file.text).code, JSON.parse(file.text).field]).toEqual([400, 'BAD_USER_INPUT', Object.keys(narrowing)[0]]);
        expect((await download(netra, '/exports/summary.csv', narrowing, oversightToken)).status).toBe(200);
      }
    });
  });

  it.each([
    ['follow-ups.csv', { regionPrefix: '16.7' }, 'regionPrefix'],
    ['follow-ups.csv', { respondentNip: '1985' }, 'respondentNip'],
    ['follow-ups.json', { electionYear: 'dua ribu' }, 'electionYear'],
    ['follow-ups.json', { electionYear: '1999' }, 'electionYear'],
    ['follow-ups.csv', { stage: 'DONE' }, 'stage'],
    ['follow-ups.csv', { overdue: 'maybe' }, 'overdue'],
    ['follow-ups.csv', { receivedFrom: '2024-10-01T10:00' }, 'receivedFrom'],
    ['follow-ups.csv', { asOf: '2024-02-30' }, 'asOf'],
    ['follow-ups.csv', { asOf: '2099-01-01' }, 'asOf'],
    ['follow-ups.csv', { groupBy: 'REGION' }, 'groupBy'],
    ['follow-ups.json', { headers: 'en' }, 'headers'],
    ['follow-ups.csv', { headers: 'fr' }, 'headers'],
    ['follow-ups.csv', { regionprefix: '16' }, 'regionprefix'],
    ['summary.csv', { groupBy: 'REGION,KABUPATEN' }, 'groupBy'],
    ['summary.json', { followUpStatus: 'DONE' }, 'followUpStatus'],
  ])('%s with %j is refused with 400 BAD_USER_INPUT naming %s', async (path, query, field) => {
    const file = await download(netra, `/exports/${path}`, query, oversightToken);
    expect(file.status).toBe(400);
    const body = JSON.parse(file.text);
    expect(body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.message.startsWith(`${field}: `)).toBe(true);
  });

  it('pins a download to one log position: a case recorded while it runs is on no page', async () => {
    const reader = netra.app.get(CaseReader);
    const pinned = { ...readSource(new Date(), new Date()), position: await reader.position() };
    const before = await reader.followUpPage({}, null, 100, OVERSIGHT_ACTOR, pinned);
    const recorded = await mutate(await netra.client('BAWASLU', '16.73'), REPORT, aLaporan({ receivedAt: '2026-01-05T09:00:00+07:00', knownAt: '2026-01-05T08:00:00+07:00', occurredAt: '2026-01-04T08:00:00+07:00' }));
    const after = await reader.followUpPage({}, null, 100, OVERSIGHT_ACTOR, pinned);
    expect(after.records.map((r) => r.followUp.caseId)).not.toContain(recorded.id);
    expect(after.records.map((r) => r.followUp.id)).toEqual(before.records.map((r) => r.followUp.id));
    const unpinned = await reader.followUpPage({}, null, 100, OVERSIGHT_ACTOR, readSource(new Date(), new Date()));
    expect(unpinned.records.map((r) => r.followUp.caseId)).toContain(recorded.id);
  });

    it('answers HEAD with the headers of the download, without reading a row', async () => {
    const pages = jest.mocked(netra.app.get(CaseReader).followUpPage);
    const before = pages.mock.calls.length;
    const url = new URL('/exports/follow-ups.csv', netra.url);
    const head = await fetch(url, { method: 'HEAD', headers: { authorization: `Bearer ${oversightToken}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-disposition')).toMatch(/^attachment; filename="netra-follow-ups-/);
    expect(await head.text()).toBe('');
    expect(pages.mock.calls.length).toBe(before);
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(401);
  });

    it('refuses a parameter given twice', async () => {
    const url = `${netra.origin}/exports/follow-ups.csv?stage=REPORTED&stage=STUDIED`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${oversightToken}` } });
    expect([response.status, (await response.json()).field]).toEqual([400, 'stage']);
  });

  it('never writes a NIP or a name to the logs, whatever the query string held', async () => {
    for (const nip of [NIP_CAMAT, NIP_STAFF]) {
      const file = await download(netra, '/exports/follow-ups.csv', { respondentNip: nip }, oversightToken);
      expect(file.text).toContain(nip);
      await download(netra, '/exports/summary.json', { respondentNip: nip });
    }
    await download(netra, '/exports/follow-ups.csv', { respondentNip: `${NIP_CAMAT}9` }, oversightToken);
    expect(netra.logs.some((line) => line.includes('"export":"/exports/follow-ups.csv"'))).toBe(true);
    const secrets = [NIP_CAMAT, NIP_STAFF, 'HYPERLINK', 'Dewi'];
    expect(netra.logs.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });
}

describe('exports on the embedded store', () => {
  exportSuite(async () => ({ env: {}, drop: async () => undefined }));
});

describeWithPostgres('exports on PostgreSQL', () => {
  exportSuite(async () => {
    const database = await createThrowawayDatabase(4);
    return { env: { EVENT_STORE_URL: database.url, DATABASE_URL: database.url }, drop: () => database.drop() };
  });
});

import { sql } from 'drizzle-orm';
import { gql, type GraphQLClient } from 'graphql-request';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { signDevToken } from '../../src/auth/dev-token';
import { ProjectionService } from '../../src/oversight/projection.service';
import { ERASED } from '../../src/privacy/personal-fields';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import { Feed } from '../grpc/event-feed';
import { CaseWorkflowClient } from '../grpc/grpc-client';
import { TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { POSTGRES_URL } from '../support/throwaway-database';
import { onBothStores, type StartedNetra } from '../support/on-both-stores';
import { mutate, REPORT, STUDY } from './case-steps';
import { aLaporan } from './fixtures';

/** What this suite records and then erases: every value must be gone from disk afterwards. */
const NAME = 'Sulastri Wahyuningtyas';
const NIP = '198706142010032007';
const POSITION = 'Kepala Seksi Pemerintahan Lubuklinggau Timur';
const REPORTER = { name: 'Bambang Sutrisno Hadi', phone: '+62 813 7777 4242', email: 'bambang.hadi@example.id' };
const NOTE = 'kesaksian Joko Priyanto di panggung deklarasi';
const SUMMARY = 'Terlapor berorasi untuk pasangan calon di Lapangan Merdeka';
const PLACE = 'Lapangan Merdeka Lubuklinggau Timur';
const EVIDENCE = 'Video orasi dari ponsel Yuliana Sari';
const PERSONAL = { NAME, NIP, POSITION, REPORTER: REPORTER.name, NOTE, SUMMARY, PLACE, EVIDENCE };
/** A word of the summary as the search index keeps it (a lexeme of to_tsvector, README "Search"). */
const SUMMARY_WORD = 'berorasi';

const CASE_READ = gql`
  query ($id: ID!, $asOf: DateTime) {
    case(id: $id, asOf: $asOf) {
      summary place evidence personalDataErasedAt reporter { name phone }
      respondents { respondentId name nip position }
      timeline { type description }
    }
  }
`;
const FOLLOW_UPS = gql`
  query ($nip: String) { followUps(first: 50, filter: { respondentNip: $nip }) { totalCount edges { node { name nip position } } } }
`;
const ERASE = gql`
  mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { personalDataErasedAt respondents { name nip } } }
`;

onBothStores(
  'erasure erases: the raw database files',
  (start) => {
    let started: StartedNetra;
    let netra: RunningNetra;
    let storage: Storage;
    let bawaslu: GraphQLClient;
    let caseId: string;
    let recordedAt: string;
    let wrappedKey: string;

    beforeAll(async () => {
      started = await start();
      netra = started.netra;
      storage = netra.app.get<Storage>(STORAGE);
      bawaslu = await netra.client('BAWASLU', '16.73');
      caseId = (
        await mutate(
          bawaslu,
          REPORT,
          aLaporan({
            summary: SUMMARY,
            place: PLACE,
            evidence: [EVIDENCE],
            reporter: REPORTER,
            respondents: [{ name: NAME, nip: NIP, employment: 'PNS', position: POSITION, institution: 'Kecamatan Lubuk Linggau Timur I', institutionRegionCode: '16.73' }],
          }),
        )
      ).id;
      await mutate(bawaslu, STUDY, {
        caseId,
        studiedAt: '2024-09-28T10:00:00+07:00',
        findings: [{ respondentId: 'R1', outcome: 'VIOLATION', violations: ['PARTISAN_ACTIVITY'], note: NOTE }],
      });
      // Bystanders: with several distinct values ANALYZE keeps histograms, which would sample the erased ones.
      for (const name of ['Agus Salim Harahap', 'Budi Darmawan Putra', 'Citra Kirana Dewi']) {
        await mutate(bawaslu, REPORT, aLaporan({ respondents: [{ name, employment: 'PNS', position: `Staf ${name}`, institution: 'Kecamatan Lubuk Linggau Timur I', institutionRegionCode: '16.73' }] }));
      }
      recordedAt = new Date().toISOString();
      wrappedKey = String((await rows(storage, sql`SELECT wrapped_key FROM netra_keys.case_keys WHERE case_id = ${caseId}`))[0].wrapped_key);
    }, 120_000);
    afterAll(() => started.cleanup());

    it('before the erasure the scan finds every value (but the reporter) in the tables that hold it: the scan can fail', async () => {
      await rows(storage, sql`ANALYZE`); // what autovacuum does on its own: statistics must not keep samples
      const found = await scan(started, storage, { ...PERSONAL, SUMMARY_WORD, WRAPPED_KEY: wrappedKey });
      const { REPORTER: reporterFound, ...others } = found;
      for (const [label, where] of Object.entries(others)) expect([label, where.length > 0]).toEqual([label, true]);
      expect(reporterFound).toEqual([]); // the reporter never reaches the read model, only sealed events
      if (started.databaseUrl) {
        expect(found.NAME).toEqual(expect.arrayContaining(['rm_follow_ups', 'rm_follow_up_versions', 'rm_case_states']));
        expect(found.SUMMARY).toEqual(expect.arrayContaining(['rm_cases', 'rm_case_versions']));
        expect(found.SUMMARY_WORD).toEqual(expect.arrayContaining(['rm_cases', 'rm_cases_summary_words_idx']));
        expect(found.NIP).toEqual(expect.arrayContaining(['rm_follow_ups', 'rm_follow_ups_nip_idx']));
        expect(found.WRAPPED_KEY).toEqual(['netra_keys.case_keys']);
        // ANALYZE did sample the table, but no personal column: pg_statistic is out of an erasure's reach.
        const stats = await rows(storage, sql`SELECT attname FROM pg_stats WHERE tablename IN ('rm_follow_ups', 'case_keys') ORDER BY attname`);
        const columns = stats.map((r) => r.attname);
        expect(columns).toEqual(expect.arrayContaining(['employment', 'institution', 'case_id']));
        for (const personal of ['name', 'nip', 'position', 'wrapped_key']) expect(columns).not.toContain(personal);
      }
      // The events themselves never held them: only the read model (which opens them) did.
      const events = JSON.stringify((await storage.store.readAll(0n, 1000)).map((e) => e.data));
      for (const value of Object.values(PERSONAL)) expect(events).not.toContain(value);
    });

    it('after the erasure every read path shows the erased marker, now and as of before the erasure', async () => {
      const national = await netra.client('BAWASLU', null);
      const { erasePersonalData } = await national.request<{ erasePersonalData: any }>(ERASE, {
        input: { caseId, reason: `Permintaan ${NAME} (UU 27/2022)`, overrideLegalHold: true },
      });
      expect(erasePersonalData.respondents).toEqual([{ name: ERASED, nip: null }]);

      for (const asOf of [null, recordedAt]) {
        const { case: read } = await bawaslu.request<{ case: any }>(CASE_READ, { id: caseId, asOf });
        // As of before the erasure the case was not erased yet, but its values are gone from that version too.
        expect(read).toMatchObject({ summary: ERASED, place: ERASED, evidence: [ERASED], reporter: null, personalDataErasedAt: asOf ? null : expect.any(String) });
        expect(read.respondents).toEqual([{ respondentId: 'R1', name: ERASED, nip: null, position: ERASED }]);
        expectNoPersonal(JSON.stringify(read));
      }
      const byNip = await bawaslu.request<{ followUps: any }>(FOLLOW_UPS, { nip: NIP });
      expect(byNip.followUps.totalCount).toBe(0);
      const all = await bawaslu.request<{ followUps: any }>(FOLLOW_UPS, {});
      expect(all.followUps.edges.map((e: any) => e.node)).toContainEqual({ name: ERASED, nip: null, position: ERASED });
      expect(all.followUps.edges.map((e: any) => e.node.name)).toContain('Agus Salim Harahap');

      const csv = await (await fetch(`${netra.origin}/exports/follow-ups.csv`, { headers: { authorization: `Bearer ${await signDevToken(TEST_SECRET, { sub: 'bawaslu-16.73', agency: 'BAWASLU', region: '16.73' })}` } })).text();
      expect(csv).toContain(ERASED);
      expectNoPersonal(csv);

      const grpc = new CaseWorkflowClient(netra.grpcAddress);
      try {
        const feed = new Feed(await grpc.watch({ afterPosition: '' }, { agency: 'OVERSIGHT' }));
        await feed.caughtUp;
        feed.cancel();
        const ofCase = feed.events.filter((e) => e.caseId === caseId);
        expect(ofCase.map((e) => e.type)).toEqual(['CaseReported', 'CaseStudied', 'PersonalDataErased']);
        expect(JSON.parse(ofCase[0].dataJson).respondents[0]).toMatchObject({ name: ERASED, nip: null, position: ERASED });
        expect(JSON.stringify(feed.events)).toContain('Budi Darmawan Putra'); // the feed opens what is not erased
        expectNoPersonal(JSON.stringify(feed.events));
      } finally {
        grpc.close();
      }
    });

    it('nothing of it is left in the database files outside the WAL: no name, NIP, reporter, note, text or wrapped key', async () => {
      // The second rewrite runs once no transaction older than the erasure is left anywhere on the server
      // (another suite's, on a shared PostgreSQL): until then PostgreSQL must keep what they may see.
      await netra.app.get(ProjectionService).runner.erasureSettled();
      const found = await scan(started, storage, { ...PERSONAL, SUMMARY_WORD, WRAPPED_KEY: wrappedKey, ERASURE_REASON: `Permintaan ${NAME}` });
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((label) => [label, []])));
    });

    it('on a shared server, the second rewrite waits for a transaction older than the erasure in another database, then runs', async () => {
      if (!started.databaseUrl) return; // one connection: no transaction can be open beside the rewrite
      const other = new Client({ connectionString: POSTGRES_URL });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT txid_current()'); // an xid older than the erasure, in another database
        const second = (await mutate(bawaslu, REPORT, aLaporan({ summary: 'Kasus kedua untuk penghapusan' }))).id;
        await (await netra.client('BAWASLU', null)).request(gql`mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { personalDataErasedAt } }`, {
          input: { caseId: second, reason: 'Permintaan terlapor (UU 27/2022)', overrideLegalHold: true },
        });
        const runner = netra.app.get(ProjectionService).runner;
        const settled = runner.erasureSettled().then(() => 'settled');
        expect(await Promise.race([settled, new Promise((resolve) => setTimeout(() => resolve('waiting'), 1500))])).toBe('waiting');
        await other.query('COMMIT');
        expect(await Promise.race([settled, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 20_000))])).toBe('settled');
      } finally {
        await other.end();
      }
    }, 60_000);
  },
  {},
  { embeddedOnDisk: true },
);

function expectNoPersonal(text: string): void {
  for (const value of [...Object.values(PERSONAL), REPORTER.phone, REPORTER.email]) expect(text).not.toContain(value);
}


async function rows(storage: Storage, query: ReturnType<typeof sql>): Promise<Array<Record<string, unknown>>> {
  return ((await storage.readDb.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

/** Where each value's bytes occur: PostgreSQL relations (pageinspect), or files of PGlite's data directory (pg_wal left out). */
async function scan(started: StartedNetra, storage: Storage, needles: Record<string, string>): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  if (started.databaseUrl) {
    const client = new Client({ connectionString: started.databaseUrl });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
      for (const [label, needle] of Object.entries(needles)) {
        const { rows: hits } = await client.query(
          `SELECT coalesce(nullif(n.nspname, 'netra_read') || '.', '') || c.relname AS rel
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 't', 'i', 'm') AND c.relpersistence <> 't' AND pg_relation_size(c.oid) > 0
              AND EXISTS (SELECT 1 FROM generate_series(0, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int - 1) AS b
                           WHERE position($1::bytea IN get_raw_page(c.oid::regclass::text, 'main', b)) > 0)
            ORDER BY 1`,
          [Buffer.from(needle, 'utf8')],
        );
        found[label] = hits.map((h) => String(h.rel));
      }
    } finally {
      await client.end();
    }
    return found;
  }
  await rows(storage, sql`CHECKPOINT`); // shared buffers to the files
  const files = filesUnder(started.dataDir!).filter((file) => !relative(started.dataDir!, file).startsWith('pg_wal'));
  const contents = files.map((file) => ({ file: relative(started.dataDir!, file), bytes: readFileSync(file) }));
  for (const [label, needle] of Object.entries(needles)) {
    found[label] = contents.filter(({ bytes }) => bytes.includes(Buffer.from(needle, 'utf8'))).map(({ file }) => file);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

import { sql } from 'drizzle-orm';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CaseReader } from '../../src/oversight/queries/case-reader';
import { READ_DB, type ReadDb } from '../../src/oversight/read-model/read-db';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { tokenFor } from './exports-support';

/**
 * 100,000 follow-ups leave as a CSV without ever being in memory together: read a page at a time,
 * sent as they are read, and no longer read once the client has gone. On the embedded store, where
 * the database shares Node's one thread with the HTTP server; the same reader crosses many page
 * boundaries on PostgreSQL in exports.e2e-spec.ts.
 */

const CASES = 50_000;
const ROWS = 2 * CASES;
const MiB = 2 ** 20;

setFlagsFromString('--expose-gc');
/** A full collection, so heap figures count what is still held rather than garbage not yet swept. */
const collectGarbage = runInNewContext('gc') as () => void;

/** Two respondents per case, straight into the read model (current rows and their one history version). */
async function insertFollowUps(db: ReadDb): Promise<void> {
  await db.execute(sql`
    INSERT INTO rm_cases (id, register_number, source, election_kind, election_year, election_region, handling_unit, stage,
                          received_at, known_at, summary, violations, evidence, scope_codes, version, position)
    SELECT 'bulk-' || lpad(n::text, 6, '0'), 'TM/16.73/2024/' || n, 'FINDING', 'PILKADA', 2024, '16.73', '16.73', 'SANCTION_DECIDED',
           timestamptz '2024-09-01T00:00:00Z' + n * interval '1 second', timestamptz '2024-09-01T00:00:00Z', 'bulk', ARRAY['SOCIAL_MEDIA_ENGAGEMENT'],
           ARRAY[]::text[], ARRAY['16.73'], 4, 0
    FROM generate_series(1, ${CASES}) AS n`);
  const columns = sql.raw(`case_id, respondent_id, name, employment, institution, stage, waiting_on, since, due_at, follow_up_status, violations,
    region_code, province_code, regency_code, election_kind, election_year, handling_unit, case_received_at`);
  await db.execute(sql`
    INSERT INTO rm_follow_ups (${columns})
    SELECT c.id, 'R' || r, 'Terlapor ' || c.id || '-' || r, 'PNS', 'Sekretariat "DPRD", Kota Lubuk Linggau', 'SANCTION_DECIDED', 'PPK',
           c.received_at, c.received_at + interval '14 days', 'PENDING', c.violations, '16.73', '16', '16.73', 'PILKADA', 2024, '16.73', c.received_at
    FROM rm_cases c CROSS JOIN generate_series(1, 2) AS r WHERE c.id LIKE 'bulk-%'`);
  await db.execute(sql`
    INSERT INTO rm_follow_up_versions (${columns}, case_version, valid_from, log_position)
    SELECT ${columns}, 4, case_received_at, 0 FROM rm_follow_ups WHERE case_id LIKE 'bulk-%'`);
}

/** The key the i-th data line must carry: newest case first, R2 before R1. */
const expectedKey = (i: number) => `bulk-${String(CASES - Math.floor(i / 2)).padStart(6, '0')},R${2 - (i % 2)}`;

describe('the follow-ups export', () => {
  let netra: RunningNetra;
  let pageReads = 0;
  /** Heap in use after a full collection, every 10th page read. */
  let heapUsed: number[] = [];
  /** Settles when the client holds the first bytes of the file; null when no test is waiting for that. */
  let clientHasBytes: Promise<void> | null = null;

  beforeAll(async () => {
    netra = await startTestNetra();
    await insertFollowUps(netra.app.get<ReadDb>(READ_DB));
    const reader = netra.app.get(CaseReader);
    const read = reader.followUpPage.bind(reader);
    // A counting wrapper, not a jest spy: a spy keeps every page it returned, which is what this test must rule out.
    reader.followUpPage = async (...args) => {
      pageReads += 1;
      if (pageReads % 10 === 0) {
        collectGarbage();
        heapUsed.push(process.memoryUsage().heapUsed);
      }
      // Page 50 waits for the client to hold the first bytes: an export built whole before sending would stall here.
      if (pageReads === 50 && clientHasBytes) await clientHasBytes;
      return read(...args);
    };
  }, 120_000);
  afterAll(() => netra?.close());
  beforeEach(() => {
    pageReads = 0;
    heapUsed = [];
    clientHasBytes = null;
  });

  /** Every download a test opened; a test that fails or times out must not leave its export reading pages into the next one. */
  const opened: AbortController[] = [];
  afterEach(async () => {
    for (const download of opened.splice(0)) download.abort();
    // The server sees the client go away and stops reading within a page or two.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  const request = async (signal?: AbortSignal) => {
    const url = `${netra.origin}/exports/follow-ups.csv?headers=en`;
    const own = new AbortController();
    opened.push(own);
    const response = await fetch(url, { headers: { authorization: `Bearer ${await tokenFor('PPK', '16.73')}` }, signal: signal ? AbortSignal.any([signal, own.signal]) : own.signal });
    expect(response.status).toBe(200);
    return response.body!.getReader();
  };

  it('sends 100,000 rows whole and in order, a page at a time, the first bytes before page 50 is read, in flat memory', async () => {
    let firstBytes!: () => void;
    clientHasBytes = new Promise((resolve) => (firstBytes = resolve));
    const body = await request();
    const decoder = new TextDecoder();
    let rest = '';
    let lines = 0;
    let outOfOrder: string | null = null;
    for (let chunk = await body.read(); !chunk.done; chunk = await body.read()) {
      firstBytes();
      const text = rest + decoder.decode(chunk.value, { stream: true });
      const complete = text.split('\r\n');
      rest = complete.pop()!;
      for (const line of complete) {
        const i = lines++ - 1;
        if (i >= 0 && outOfOrder === null && !line.includes(`,${expectedKey(i)},`)) outOfOrder = `line ${i + 2}: ${line.slice(0, 60)}`;
      }
    }
    expect(rest).toBe('');
    expect(outOfOrder).toBeNull();
    expect(lines).toBe(ROWS + 1);
    expect(pageReads).toBe(ROWS / 1000);
    // The rows as objects would take well over 100 MiB (the CSV alone is 40 MB); a few pages in flight take a few.
    expect((Math.max(...heapUsed) - heapUsed[0]) / MiB).toBeLessThan(24);
    // 40 MB through HTTP with a full collection every 10 pages: about 30 s on an idle 2-core machine, more beside other work.
  }, 240_000);

  it('stops reading pages when the client goes away', async () => {
    const abort = new AbortController();
    const body = await request(abort.signal);
    await body.read();
    abort.abort();
    const stopped = () => netra.logs.find((line) => line.includes('export stopped: the client went away'));
    while (!stopped()) await new Promise((resolve) => setTimeout(resolve, 20));
    const readWhenStopped = pageReads;
    expect(JSON.parse(stopped()!)).toMatchObject({ outcome: 'aborted', agency: 'PPK' });
    expect(JSON.parse(stopped()!).rows).toBeLessThan(ROWS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pageReads).toBe(readWhenStopped);
    expect(readWhenStopped).toBeLessThan(ROWS / 1000);
  });
});

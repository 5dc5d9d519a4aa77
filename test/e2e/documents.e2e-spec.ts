import { sql } from 'drizzle-orm';
import { gql, type GraphQLClient } from 'graphql-request';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDevToken } from '../../src/auth/dev-token';
import type { Agency } from '../../src/case/case-vocabulary';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import { TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { onBothStores, type StartedNetra } from '../support/on-both-stores';
import { aRecommendation, aSanctionDecision, aStudy, anExecution, BUPATI_MUSI_RAWAS, DECIDE, EXECUTE, mutate, RECOMMEND, REPORT, STUDY } from './case-steps';
import { aLaporan } from './fixtures';

/** Documents (issue 18) over real HTTP: upload, download, refusals, visibility, generated letters, the missing SK, verify and erasure, on both stores. */
/** The PDF's text as pdf-parse extracts it, whitespace folded. pdf.js loads its worker by dynamic import, which jest's VM refuses: it runs in a child node. */
const pdfText = async (bytes: Buffer) => {
  const script = `const { PDFParse } = require('pdf-parse'); const data = new Uint8Array(require('fs').readFileSync(0)); new PDFParse({ data }).getText().then((t) => process.stdout.write(t.text), (e) => { console.error(e); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script], { input: bytes, encoding: 'utf8', timeout: 30_000, cwd: join(__dirname, '..', '..') });
  if (result.status !== 0) throw new Error(`pdf-parse failed: ${result.stderr}`);
  return result.stdout.replace(/\s+/g, ' ');
};
const MASTER_KEY = randomBytes(32).toString('base64');
const VERIFY = join(__dirname, '..', '..', 'dist', 'cli', 'verify-ledger.js');
const FILE_NAME = 'Bukti orasi Sulastri Wahyuningtyas.pdf';
/** A PDF of 200 KiB: several sealed segments of 64 KiB. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200 * 1024), Buffer.from('\n%%EOF\n')]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const DOCUMENTS = gql`
  query ($id: ID!) {
    case(id: $id) {
      version
      documents { id kind name size contentType sha256 respondentId attachedAt attachedBy attachedByUnit readable version }
      timeline { type agency unit description }
    }
  }
`;
const GENERATE = gql`
  mutation ($input: GenerateLetterInput!) {
    generateLetter(input: $input) { document { id kind name size contentType sha256 respondentId readable } case { version } }
  }
`;
const MISSING = gql`
  query ($id: ID!) {
    documentsMissing { total byKind { kind count } }
    case(id: $id) { respondents { respondentId missingDocument } }
  }
`;
const ERASE = gql`
  mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { personalDataErasedAt } }
`;

async function token(agency: Agency, region: string | null): Promise<string> {
  return signDevToken(TEST_SECRET, { sub: `${agency}-${region ?? 'national'}`, agency, region });
}

async function upload(netra: RunningNetra, caseId: string, as: string, file: { bytes: Buffer; name: string; type?: string }, fields: Record<string, string> = { kind: 'EVIDENCE' }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
  const response = await fetch(`${netra.origin}/cases/${caseId}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${as}` } });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function download(netra: RunningNetra, caseId: string, documentId: string, as: string) {
  const response = await fetch(`${netra.origin}/cases/${caseId}/documents/${documentId}`, { headers: { authorization: `Bearer ${as}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

function verify(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [VERIFY], { env: { ...process.env, NETRA_MASTER_KEY: MASTER_KEY, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, report: JSON.parse(result.stdout || 'null'), stderr: result.stderr };
}

onBothStores(
  'documents',
  (start) => {
    let started: StartedNetra;
    let netra: RunningNetra;
    let bawaslu: GraphQLClient;
    let bawasluToken: string;
    let caseId: string;
    let documentId: string;
    let closed = false;

    const versionOf = async (id: string) => (await bawaslu.request<{ case: { version: number } }>(DOCUMENTS, { id })).case.version;

    beforeAll(async () => {
      started = await start();
      netra = started.netra;
      bawaslu = await netra.client('BAWASLU', '16.73');
      bawasluToken = await token('BAWASLU', '16.73');
      caseId = (await mutate(bawaslu, REPORT, aLaporan())).id;
    }, 120_000);
    afterAll(async () => {
      if (!closed) return started.cleanup();
      if (started.dataDir) rmSync(started.dataDir, { recursive: true, force: true });
    });

    it('a PDF goes up and comes back byte for byte, with its hash in the ledger, as an attachment never sniffed by the browser', async () => {
      const sent = await upload(netra, caseId, bawasluToken, { bytes: PDF, name: FILE_NAME }, { kind: 'EVIDENCE', respondentId: 'R1' });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ caseId, sha256: sha(PDF), size: PDF.length, contentType: 'application/pdf', kind: 'EVIDENCE', respondentId: 'R1', version: 2 });
      documentId = sent.body.documentId;

      const got = await download(netra, caseId, documentId, bawasluToken);
      expect(got.status).toBe(200);
      expect(sha(got.bytes)).toBe(sha(PDF));
      expect(got.bytes.equals(PDF)).toBe(true);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="Bukti orasi Sulastri Wahyuningtyas\.pdf"/);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');

      const { case: read } = await bawaslu.request<{ case: any }>(DOCUMENTS, { id: caseId });
      expect(read.documents).toEqual([
        {
          id: documentId,
          kind: 'EVIDENCE',
          name: FILE_NAME,
          size: PDF.length,
          contentType: 'application/pdf',
          sha256: sha(PDF),
          respondentId: 'R1',
          attachedAt: expect.any(String),
          attachedBy: 'BAWASLU',
          attachedByUnit: '16.73',
          readable: true,
          version: 2,
        },
      ]);
      expect(read.timeline.map((t: any) => t.type)).toEqual(['CaseReported', 'DocumentAttached']);
      expect(read.timeline[1].description).toContain('Document attached by BAWASLU: EVIDENCE (application/pdf');

      // The ledger holds the hash; the name only sealed, the bytes nowhere in the events.
      const storage = netra.app.get<Storage>(STORAGE);
      const events = await storage.store.readAll(0n, 100);
      const attached = events.find((e) => e.type === 'DocumentAttached')!;
      expect(attached.data).toMatchObject({ documentId, sha256: sha(PDF), size: PDF.length, contentType: 'application/pdf', name: expect.stringMatching(/^sealed:v1:/) });
      expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Sulastri');
      if (started.dataDir) {
        // Embedded: a file beside the store, sealed (the PDF's bytes are not in it).
        const stored = readFileSync(join(started.dataDir, 'documents', caseId, sha(PDF)));
        expect(stored.includes(PDF.subarray(0, 64))).toBe(false);
        expect(stored.length).toBeGreaterThan(PDF.length);
      }
    });

    it('a program renamed to .pdf is refused by its bytes, naming the file, and nothing is appended', async () => {
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(4096)]);
      const before = await versionOf(caseId);
      const sent = await upload(netra, caseId, bawasluToken, { bytes: exe, name: 'surat-rekomendasi.pdf', type: 'application/pdf' });
      expect(sent.status).toBe(400);
      expect(sent.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', key: 'document.type' });
      expect(sent.body.params.allowed).toContain('application/pdf');
      expect(await versionOf(caseId)).toBe(before);
    });

    it('a file over the limit is refused with the limit named, and nothing is appended or kept', async () => {
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1536 * 1024)]);
      const before = await versionOf(caseId);
      const sent = await upload(netra, caseId, bawasluToken, { bytes: big, name: 'besar.pdf' });
      expect(sent.status).toBe(413);
      expect(sent.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', key: 'document.tooLarge', params: { maxMegabytes: 1, maxBytes: 1024 * 1024 } });
      expect(sent.body.message).toContain('1 MB');
      expect(await versionOf(caseId)).toBe(before);
      if (started.dataDir) {
        expect(readdirSync(join(started.dataDir, 'documents', caseId))).toEqual([sha(PDF)]);
        expect(readdirSync(join(started.dataDir, 'documents', '.staging'))).toEqual([]);
      }
    });

    it('another region’s unit gets NOT_FOUND for the upload and the download, and no document in its listing', async () => {
      const musiRawas = await token('BAWASLU', '16.05');
      const before = await versionOf(caseId);
      const sent = await upload(netra, caseId, musiRawas, { bytes: PDF, name: 'x.pdf' });
      expect([sent.status, sent.body.code, sent.body.key]).toEqual([404, 'NOT_FOUND', 'case.notFound']);
      const got = await download(netra, caseId, documentId, musiRawas);
      expect([got.status, JSON.parse(got.bytes.toString()).code]).toEqual([404, 'NOT_FOUND']);
      expect(got.bytes.toString()).not.toContain('%PDF');
      expect(await versionOf(caseId)).toBe(before);
      const { case: read } = await (await netra.client('BAWASLU', '16.05')).request<{ case: unknown }>(DOCUMENTS, { id: caseId });
      expect(read).toBeNull();
      // A unit that reads the case may not attach unless it takes its steps: a PPK no decision names.
      const ppk = await upload(netra, caseId, await token('PPK', '16.73'), { bytes: PDF, name: 'sk.pdf' }, { kind: 'DECREE', respondentId: 'R1' });
      expect([ppk.status, ppk.body.code]).toEqual([403, 'FORBIDDEN']);
    });

    it('a unit that reads the case but not a respondent sees neither that respondent’s document nor a case document’s name', async () => {
      const shared = (
        await mutate(
          bawaslu,
          REPORT,
          aLaporan({
            respondents: [
              { name: 'Ahmad Fauzi', employment: 'PNS', position: 'Camat', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' },
              { name: 'Rina Marlina', employment: 'PNS', position: 'Staf', institution: 'Dinas Pendidikan Musi Rawas', institutionRegionCode: '16.05' },
            ],
          }),
        )
      ).id;
      const ofR1 = await upload(netra, shared, bawasluToken, { bytes: PDF, name: 'BAP Ahmad Fauzi.pdf' }, { kind: 'EVIDENCE', respondentId: 'R1' });
      const ofCase = await upload(netra, shared, bawasluToken, { bytes: PDF, name: 'Kronologi Ahmad Fauzi.pdf' }, { kind: 'EVIDENCE' });
      expect([ofR1.status, ofCase.status]).toEqual([201, 201]);

      const musiRawas = await token('BAWASLU', '16.05');
      const { case: read } = await (await netra.client('BAWASLU', '16.05')).request<{ case: any }>(DOCUMENTS, { id: shared });
      expect(read.documents).toEqual([expect.objectContaining({ id: ofCase.body.documentId, name: null, respondentId: null })]);
      expect(JSON.stringify(read)).not.toContain('Ahmad');
      expect((await download(netra, shared, ofR1.body.documentId, musiRawas)).status).toBe(404);
      const got = await download(netra, shared, ofCase.body.documentId, musiRawas);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-disposition')).toBe(`attachment; filename="document-${ofCase.body.documentId}.pdf"; filename*=UTF-8''document-${ofCase.body.documentId}.pdf`);
      // The handling unit sees both, with their names.
      const { case: own } = await bawaslu.request<{ case: any }>(DOCUMENTS, { id: shared });
      expect(own.documents.map((d: any) => d.name)).toEqual(['BAP Ahmad Fauzi.pdf', 'Kronologi Ahmad Fauzi.pdf']);
    });

    it('after erasePersonalData the bytes cannot be opened: the download is refused in clear words', async () => {
      const erased = (await mutate(bawaslu, REPORT, aLaporan())).id;
      const sent = await upload(netra, erased, bawasluToken, { bytes: PDF, name: FILE_NAME }, { kind: 'EVIDENCE' });
      expect(sent.status).toBe(201);
      expect((await download(netra, erased, sent.body.documentId, bawasluToken)).status).toBe(200);

      const national = await netra.client('BAWASLU', null);
      await national.request(ERASE, { input: { caseId: erased, reason: 'Permintaan subjek data (UU 27/2022)', overrideLegalHold: true } });

      const got = await download(netra, erased, sent.body.documentId, bawasluToken);
      expect(got.status).toBe(410);
      const refusal = JSON.parse(got.bytes.toString());
      expect(refusal).toMatchObject({ code: 'INVALID_TRANSITION', key: 'document.erased', params: { erasedAt: expect.any(String) } });
      expect(refusal.message).toContain('erased');
      expect(got.bytes.includes(PDF.subarray(0, 64))).toBe(false);
      // The sealed bytes themselves are gone from the store, not only unreadable.
      const blobs = netra.app.get<Storage>(STORAGE).blobs;
      expect(await blobs.open(`${erased}/${sha(PDF)}`)).toBeNull();
      expect(await blobs.caseIds()).not.toContain(erased);
      if (started.dataDir) expect(readdirSync(join(started.dataDir, 'documents'))).not.toContain(erased);
      const { case: read } = await bawaslu.request<{ case: any }>(DOCUMENTS, { id: erased });
      expect(read.documents).toEqual([expect.objectContaining({ id: sent.body.documentId, readable: false, name: '[erased]', sha256: sha(PDF) })]);
      // Nothing more can be attached: the key it would be sealed with is gone.
      const again = await upload(netra, erased, bawasluToken, { bytes: PDF, name: 'lagi.pdf' });
      expect([again.status, again.body.key]).toEqual([409, 'erasure.done']);
    });

    describe('letters', () => {
      const RECOMMENDATION_NO = '0456/PP.01.02/K.SS-16.73/09/2024';
      let lettered: string;
      let bkn: GraphQLClient;
      let ppk: GraphQLClient;
      const generate = async (client: GraphQLClient, input: Record<string, unknown>) =>
        (await client.request<{ generateLetter: { document: any; case: { version: number } } }>(GENERATE, { input })).generateLetter;
      const refusal = async (request: Promise<unknown>) => {
        try {
          await request;
          return null;
        } catch (error) {
          return (error as { response: { errors: Array<{ extensions: Record<string, unknown> }> } }).response.errors[0].extensions;
        }
      };

      beforeAll(async () => {
        bkn = await netra.client('BKN', null);
        ppk = await netra.client('PPK', '16.73');
        lettered = (
          await mutate(
            bawaslu,
            REPORT,
            aLaporan({
              respondents: [
                { name: 'Ahmad Fauzi', nip: '198203152008011002', employment: 'PNS', position: 'Camat', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' },
                { name: 'Sri Wahyuni', employment: 'PNS', position: 'Guru', institution: 'Dinas Pendidikan Musi Rawas', institutionRegionCode: '16.05' },
              ],
            }),
          )
        ).id;
        await mutate(bawaslu, STUDY, aStudy(lettered, { R1: 'VIOLATION', R2: 'VIOLATION' }));
        await mutate(bawaslu, RECOMMEND, aRecommendation(lettered, ['R1', 'R2'], { letterNumber: RECOMMENDATION_NO }));
        await mutate(bkn, DECIDE, aSanctionDecision(lettered, 'R1'));
        await mutate(bkn, DECIDE, aSanctionDecision(lettered, 'R2', { ppk: BUPATI_MUSI_RAWAS }));
      }, 60_000);

      it('Bawaslu’s surat rekomendasi is generated as a PDF document of the step: number, Indonesian date, both respondents, the norms and the legal basis', async () => {
        const before = await versionOf(lettered);
        const { document, case: after } = await generate(bawaslu, { caseId: lettered, kind: 'RECOMMENDATION', respondentId: 'R1' });
        expect(after.version).toBe(before + 1);
        expect(document).toMatchObject({ kind: 'RECOMMENDATION_LETTER', contentType: 'application/pdf', respondentId: null, readable: true, name: 'Surat Rekomendasi 0456-PP.01.02-K.SS-16.73-09-2024.pdf' });
        const got = await download(netra, lettered, document.id, bawasluToken);
        expect(got.status).toBe(200);
        expect([sha(got.bytes), got.bytes.length]).toEqual([document.sha256, document.size]);
        const text = await pdfText(got.bytes);
        for (const words of [
          'BADAN PENGAWAS PEMILIHAN UMUM',
          'KOTA LUBUK LINGGAU',
          `Nomor : ${RECOMMENDATION_NO}`,
          'Lubuk Linggau, 30 September 2024',
          'Kepala Badan Kepegawaian Negara',
          'Ahmad Fauzi',
          'NIP: 198203152008011002',
          'Sri Wahyuni',
          'Mengunggah, mengomentari, membagikan, menyukai konten calon di media sosial',
          'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
          'Ketua Bawaslu Kota Lubuk Linggau',
        ]) {
          expect(text).toContain(words);
        }
        expect(text).not.toContain('terlapor lain');
        // The ledger holds the letter's hash like any document's, and names the respondents it shows.
        const events = await netra.app.get<Storage>(STORAGE).store.readStream(`case-${lettered}`);
        expect(events.at(-1)!.data).toMatchObject({ documentId: document.id, sha256: sha(got.bytes), kind: 'RECOMMENDATION_LETTER', namedRespondentIds: ['R1', 'R2'] });
      });

      it('a caller who may not see a respondent gets a letter without that name, and is not handed the letter that has it', async () => {
        const { document } = await generate(ppk, { caseId: lettered, kind: 'RECOMMENDATION', respondentId: 'R1' });
        const ppkToken = await token('PPK', '16.73');
        const text = await pdfText((await download(netra, lettered, document.id, ppkToken)).bytes);
        expect(text).toContain(RECOMMENDATION_NO);
        expect(text).toContain('Ahmad Fauzi');
        expect(text).not.toContain('Sri Wahyuni');
        expect(text).not.toContain('Dinas Pendidikan Musi Rawas');
        expect(text).toContain('1 (satu) terlapor lain di luar wilayah Anda');
        const listed = (await ppk.request<{ case: { documents: Array<{ id: string }> } }>(DOCUMENTS, { id: lettered })).case.documents.map((d) => d.id);
        expect(listed).toEqual([document.id]);
        const full = (await bawaslu.request<{ case: { documents: Array<{ id: string }> } }>(DOCUMENTS, { id: lettered })).case.documents[0].id;
        expect((await download(netra, lettered, full, ppkToken)).status).toBe(404);
      });

      it('BKN’s letter to the PPK over HTTP: addressed to the Walikota, the sanction in Indonesian, only that PPK’s respondent', async () => {
        const response = await fetch(`${netra.origin}/cases/${lettered}/letters`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await token('BKN', null)}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'SANCTION_DECISION', respondentId: 'R1' }),
        });
        const body = (await response.json()) as Record<string, any>;
        expect(response.status).toBe(201);
        expect(body).toMatchObject({ kind: 'DECISION_LETTER', respondentId: 'R1', contentType: 'application/pdf' });
        const text = await pdfText((await download(netra, lettered, body.documentId, await token('BKN', null))).bytes);
        for (const words of ['BADAN KEPEGAWAIAN NEGARA', 'Nomor : B-1444/JP.01/10/2024/R1', 'Jakarta, 7 Oktober 2024', 'Walikota Lubuk Linggau selaku Pejabat Pembina Kepegawaian', 'Ahmad Fauzi', 'Sanksi moral terbuka']) {
          expect(text).toContain(words);
        }
        // The recommendation it follows, cited in the paragraph (a long number may wrap after a slash).
        expect(text.replace(/\s/g, '')).toContain(`rekomendasiBadanPengawasPemilihanUmumNomor${RECOMMENDATION_NO}`);
        expect(text).not.toContain('Sri Wahyuni');
      });

      it('a letter whose step was not recorded is refused with its key, and nothing is appended', async () => {
        const fresh = (await mutate(bawaslu, REPORT, aLaporan())).id;
        const before = await versionOf(fresh);
        expect(await refusal(generate(bawaslu, { caseId: fresh, kind: 'RECOMMENDATION', respondentId: 'R1' }))).toMatchObject({ code: 'INVALID_TRANSITION', key: 'letter.notIssued', params: { kind: 'RECOMMENDATION', respondentId: 'R1', stage: 'REPORTED' } });
        expect(await refusal(generate(await netra.client('BAWASLU', '16.02'), { caseId: lettered, kind: 'RECOMMENDATION', respondentId: 'R1' }))).toMatchObject({ code: 'NOT_FOUND' });
        expect(await refusal(generate(await netra.client('KEMENDAGRI', null), { caseId: lettered, kind: 'RECOMMENDATION', respondentId: 'R1' }))).toMatchObject({ code: 'FORBIDDEN' });
        expect(await versionOf(fresh)).toBe(before);
      });

      it('a decree recorded without its SK counts as a missing document until the SK is attached', async () => {
        const missing = async () => (await bkn.request<{ documentsMissing: { total: number }; case: { respondents: Array<{ respondentId: string; missingDocument: string | null }> } }>(MISSING, { id: lettered }));
        const start = (await missing()).documentsMissing.total;
        await mutate(ppk, EXECUTE, anExecution(lettered, 'R1'));
        const recorded = await missing();
        expect(recorded.documentsMissing.total).toBe(start + 1);
        expect(recorded.case.respondents).toEqual([
          { respondentId: 'R1', missingDocument: 'DECREE' },
          { respondentId: 'R2', missingDocument: null },
        ]);
        const sk = await upload(netra, lettered, await token('PPK', '16.73'), { bytes: PDF, name: 'SK 800-101 Ahmad Fauzi.pdf' }, { kind: 'DECREE', respondentId: 'R1' });
        expect(sk.status).toBe(201);
        const attached = await missing();
        expect(attached.documentsMissing.total).toBe(start);
        expect(attached.case.respondents[0]).toEqual({ respondentId: 'R1', missingDocument: null });
      });
    });

    it('verify holds the stored bytes against the ledger: whole, then one changed byte is found', async () => {
      const env: Record<string, string> = started.dataDir ? { EVENT_STORE_URL: `file:${started.dataDir}` } : { EVENT_STORE_URL: started.databaseUrl!, DATABASE_URL: started.databaseUrl! };
      if (started.dataDir) {
        // The embedded store is one process's: verify runs with the server stopped.
        await netra.close();
        closed = true;
      }
      const whole = verify(env);
      if (whole.report === null) throw new Error(`verify printed no report: ${whole.stderr}`);
      // 3 uploads, then 3 generated letters and 1 SK (describe 'letters'): each letter's bytes held against the hash its event recorded.
      expect(whole.report).toMatchObject({ ok: true, ledgerOk: true, documents: { ok: true, checked: 7, erased: 1, problems: [] } });
      expect(whole.status).toBe(0);

      if (started.dataDir) {
        const file = join(started.dataDir, 'documents', caseId, sha(PDF));
        const bytes = readFileSync(file);
        bytes[100_000] ^= 0xff;
        writeFileSync(file, bytes);
      } else {
        const storage = netra.app.get<Storage>(STORAGE);
        await storage.readDb.execute(
          sql`UPDATE netra_documents.blob_chunks SET bytes = set_byte(bytes, 100000, get_byte(bytes, 100000) # 255) WHERE key = ${`${caseId}/${sha(PDF)}`} AND seq = 0`,
        );
        // The server itself refuses to hand out the changed bytes as the document.
        const got = await download(netra, caseId, documentId, bawasluToken).catch(() => null);
        expect(got === null || !got.bytes.equals(PDF)).toBe(true);
      }
      const tampered = verify(env);
      expect(tampered.status).toBe(1);
      expect(tampered.report).toMatchObject({
        ok: false,
        ledgerOk: true,
        documents: { ok: false, problems: [{ caseId, documentId, problem: 'damaged' }] },
      });
    }, 240_000);
  },
  { DOCUMENT_MAX_MB: '1', NETRA_MASTER_KEY: MASTER_KEY },
  { embeddedOnDisk: true },
);

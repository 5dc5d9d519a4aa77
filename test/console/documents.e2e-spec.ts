import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gql } from 'graphql-request';
import type { Browser, Page } from 'playwright-core';
import { REPORT_CASE, aLaporan, type CaseResult } from '../e2e/fixtures';
import { goodLine, registerCsv } from '../import/register-fixture';
import { aRecommendation, aSanctionDecision, aStudy, DECIDE, mutate, RECOMMEND, STUDY } from '../e2e/case-steps';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectIndonesianOnly, listenToServer } from './indonesian-only';
import { expectNoAxeViolations, launchChromium, openConsole, screenshot, signInAsDeveloper, stepForm, type ConsolePage } from './browser';

const DOCUMENTS = gql`query documents($id: ID!) { case(id: $id) { version documents { id kind name size sha256 respondentId } } }`;

/** A small PDF whose bytes differ from run to run, so the download is compared with what was sent, not with a constant. */
function aPdf(): Buffer {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${Date.now()} ${Math.random()}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(body), Buffer.alloc(3000, 0x20)]);
}

/**
 * Issue 19 (documents): the case page lists the case's documents with a download that carries the
 * session's token, and an upload form whose refusals (type, size) read in the officer's language.
 * One Netra with a 1 MB limit, a Bawaslu officer of the handling unit in Chromium.
 */
describe('console: documents of a case', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let officer: ConsolePage;
  let caseId: string;
  /** A case recommended for both respondents and decided by BKN for Ahmad Fauzi (R1): its two letters can be generated. */
  let decidedId: string;
  let serverWords = new Set<string>();

  const documents = async (id = caseId) =>
    (await (await netra.client('BAWASLU', '16.73')).request<{ case: { version: number; documents: Array<{ id: string; kind: string; name: string; size: number; sha256: string; respondentId: string | null }> } }>(DOCUMENTS, { id })).case;

  /** The English the document routes answer with, so the Indonesian check can look for it on the page. */
  function listenToDocumentRoutes(page: Page, words: Set<string>): void {
    page.on('response', async (response) => {
      if (!/\/cases\/[^/]+\/documents/.test(response.url()) || response.ok()) return;
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      if (body?.message) words.add(body.message);
    });
  }

  /** Chromium logs each refused request as a console error: take out exactly the refusals this test expects, so any other still fails it. */
  function expectRefusedRequests(...statuses: number[]): void {
    const refused = officer.problems.filter((p) => p.startsWith('console: Failed to load resource: the server responded with a status of '));
    expect(refused.map((p) => Number(/status of (\d+)/.exec(p)![1]))).toEqual(statuses);
    // In place: the page's listeners hold this very array.
    for (const p of refused) officer.problems.splice(officer.problems.indexOf(p), 1);
  }

  async function upload(page: Page, form: ReturnType<typeof stepForm>, kind: string, forWhom: string, file: { name: string; mimeType: string; buffer: Buffer }, button: string) {
    await form.getByLabel(/^(Jenis dokumen|Kind of document)/).selectOption({ label: kind });
    await form.getByLabel(/^(Untuk|For)$/).selectOption({ label: forWhom });
    // The browser's own chooser button follows the browser's language: the console draws its own words.
    const chooser = form.locator('.file-chooser');
    expect(await chooser.locator('.file-choose').textContent()).toMatch(/^(Pilih berkas|Choose a file)$/);
    await form.getByLabel(/^(Berkas|File)/).setInputFiles(file);
    await chooser.locator('.file-chosen').filter({ hasText: file.name }).waitFor();
    await form.getByRole('button', { name: button }).click();
  }

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra({ DOCUMENT_MAX_MB: '1' }), launchChromium()]);
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const laporan = aLaporan({ summary: 'Seorang camat memakai kaus calon pada acara kecamatan.' });
    caseId = (await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: laporan })).reportCase.id;
    decidedId = (await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() })).reportCase.id;
    await mutate(bawaslu, STUDY, aStudy(decidedId, { R1: 'VIOLATION', R2: 'VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(decidedId, ['R1', 'R2']));
    await mutate(await netra.client('BKN'), DECIDE, aSanctionDecision(decidedId, 'R1'));
    officer = await openConsole(browser, netra.origin);
    serverWords = listenToServer(officer.page);
    listenToDocumentRoutes(officer.page, serverWords);
    await signInAsDeveloper(officer.page, 'BAWASLU', '16.73');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => expect(officer.problems).toEqual([]));

  it('in Indonesian: a PDF uploaded for a respondent is listed, and its download holds the same bytes', async () => {
    const { page } = officer;
    await page.goto(`${netra.origin}/#/cases/${caseId}`);
    const section = page.getByRole('region', { name: 'Dokumen' });
    await section.getByText('Belum ada dokumen pada kasus ini.').waitFor();
    await section.locator('summary', { hasText: 'Unggah dokumen' }).click();
    const form = stepForm(page, 'Unggah dokumen');
    const pdf = aPdf();
    await upload(page, form, 'Bukti', 'Ahmad Fauzi', { name: 'bukti-orasi.pdf', mimeType: 'application/pdf', buffer: pdf }, 'Unggah');
    await section.getByText('Dokumen diunggah: bukti-orasi.pdf.').waitFor();

    const item = section.locator('li.document');
    await item.getByText('bukti-orasi.pdf').waitFor();
    expect(await item.count()).toBe(1);
    expect((await item.textContent())?.replace(/\s+/g, ' ')).toMatch(/^Bukti — Ahmad Fauzibukti-orasi\.pdfPDF · 3 KB · dilampirkan \d+ \w+ \d{4} \d{2}\.\d{2} WIB oleh Bawaslu Kota Lubuk LinggauUnduh$/);
    // The history says it too, in Indonesian, from the line's data.
    await page.getByRole('region', { name: 'Riwayat' }).getByText('Bawaslu melampirkan Bukti untuk Ahmad Fauzi').waitFor();
    const stored = await documents();
    expect(stored.documents.map((d) => [d.kind, d.name, d.size, d.respondentId])).toEqual([['EVIDENCE', 'bukti-orasi.pdf', pdf.length, 'R1']]);

    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Unduh Bukti: bukti-orasi.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('bukti-orasi.pdf');
    expect(readFileSync((await download.path())!).equals(pdf)).toBe(true);

    await expectIndonesianOnly(page, serverWords, 'a document listed after its upload');
    await expectNoAxeViolations(page, 'a document listed after its upload');
    await screenshot(page, 'documents-1-listed');
    // On a phone: the list and the form fit the width, still with no violation.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'documents on a phone');
    await screenshot(page, 'documents-1-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('in Indonesian: a program renamed .pdf and a file over the limit are refused under the file, in Indonesian, and nothing is attached', async () => {
    const { page } = officer;
    const before = await documents();
    const section = page.getByRole('region', { name: 'Dokumen' });
    const form = stepForm(page, 'Unggah dokumen');
    const program = { name: 'surat.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2000, 1)]) };
    await upload(page, form, 'Surat rekomendasi Bawaslu', 'Seluruh kasus', program, 'Unggah');
    const error = form.locator('.field-invalid .field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Hanya berkas PDF, JPEG, PNG, MP4, DOCX atau XLSX yang diterima; isi berkas ini bukan salah satunya.');
    expect(await form.getByLabel('Berkas').getAttribute('aria-invalid')).toBe('true');
    await expectIndonesianOnly(page, serverWords, 'a file type refused');
    await expectNoAxeViolations(page, 'a file type refused');
    await screenshot(page, 'documents-2-type-refused');

    const large = { name: 'rekaman.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_500_000, 0x20)]) };
    await form.getByLabel('Berkas').setInputFiles(large);
    await form.getByRole('button', { name: 'Unggah' }).click();
    await form.getByText('Berkas melebihi batas 1 MB.').waitFor();
    await expectIndonesianOnly(page, serverWords, 'a file over the limit refused');

    expect(await documents()).toEqual(before);
    expect(await section.locator('li.document').count()).toBe(1);
    expectRefusedRequests(400, 413);
  });

  it('in English: the list, the refusal and the download read in English', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'English' }).click();
    const section = page.getByRole('region', { name: 'Documents' });
    const form = stepForm(page, 'Upload a document');
    const pdf = aPdf();
    await upload(page, form, 'Bawaslu recommendation letter', 'The whole case', { name: 'rekomendasi.pdf', mimeType: 'application/pdf', buffer: pdf }, 'Upload');
    await section.getByText('Document uploaded: rekomendasi.pdf.').waitFor();
    const item = section.locator('li.document', { hasText: 'rekomendasi.pdf' });
    expect((await item.textContent())?.replace(/\s+/g, ' ')).toMatch(/^Bawaslu recommendation letter — The whole caserekomendasi\.pdfPDF · 3 KB · attached \d+ \w+ \d{4} \d{2}:\d{2} WIB by Bawaslu Kota Lubuk LinggauDownload$/);
    await page.getByRole('region', { name: 'History' }).getByText('Bawaslu attached Bawaslu recommendation letter', { exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Download Bawaslu recommendation letter: rekomendasi.pdf' }).click()]);
    expect(readFileSync((await download.path())!).equals(pdf)).toBe(true);

    await upload(page, form, 'Evidence', 'Dewi Anggraini', { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') }, 'Upload');
    await form.getByText('Only PDF, JPEG, PNG, MP4, DOCX or XLSX files are accepted; the content of this file is none of them.').waitFor();
    expect((await documents()).documents).toHaveLength(2);
    expectRefusedRequests(400);
    await expectNoAxeViolations(page, 'documents in English');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });

  /** A generated letter's download: a PDF whose bytes are the ones the ledger's hash names. */
  async function expectLetterDownload(page: Page, button: ReturnType<Page['getByRole']>, kind: string): Promise<void> {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const stored = (await documents(decidedId)).documents.filter((d) => d.kind === kind);
    expect(stored.map((d) => [d.sha256, d.size, d.name])).toEqual([[createHash('sha256').update(bytes).digest('hex'), bytes.length, download.suggestedFilename()]]);
  }

  it('in Indonesian: the letters the case offers are generated from it, listed with the documents and downloaded', async () => {
    const { page } = officer;
    await page.goto(`${netra.origin}/#/cases/${decidedId}`);
    const section = page.getByRole('region', { name: 'Dokumen' });
    const letters = section.getByRole('group', { name: 'Buat surat dari kasus' });
    await letters.getByRole('listitem').nth(1).waitFor();
    // One recommendation letter for both respondents (one letter number), one letter to the PPK for the decided one.
    expect((await letters.getByRole('listitem').allTextContents()).map((x) => x.replace(/\s+/g, ' '))).toEqual([
      'Buat Surat rekomendasi nomor 0456/PP.01.02/K.SS-16.73/09/2024 — Ahmad Fauzi, Dewi Anggraini',
      'Buat Surat kepada PPK nomor B-1444/JP.01/10/2024/R1 — Ahmad Fauzi',
    ]);
    await expectIndonesianOnly(page, serverWords, 'letters offered');
    await expectNoAxeViolations(page, 'letters offered');

    await letters.getByRole('button', { name: /^Buat Surat rekomendasi, nomor 0456/ }).click();
    const status = section.getByRole('status');
    await status.getByText(/^Surat dibuat dan dilampirkan: .+\.pdf\.$/).waitFor();
    const item = section.locator('li.document');
    expect(await item.count()).toBe(1);
    expect((await item.textContent())?.replace(/\s+/g, ' ')).toMatch(/^Surat rekomendasi Bawaslu — Seluruh kasus.+\.pdfPDF · \d+ KB · dilampirkan \d+ \w+ \d{4} \d{2}\.\d{2} WIB oleh Bawaslu Kota Lubuk LinggauUnduh$/);
    await page.getByRole('region', { name: 'Riwayat' }).getByText('Bawaslu melampirkan Surat rekomendasi Bawaslu', { exact: true }).waitFor();
    await expectLetterDownload(page, item.getByRole('button', { name: /^Unduh Surat rekomendasi Bawaslu: / }), 'RECOMMENDATION_LETTER');

    await expectIndonesianOnly(page, serverWords, 'a letter generated');
    await expectNoAxeViolations(page, 'a letter generated');
    await screenshot(page, 'documents-4-letter');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'a letter generated, on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('in English: the letter to the PPK, generated and downloaded, in English words', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'English' }).click();
    const section = page.getByRole('region', { name: 'Documents' });
    const letters = section.getByRole('group', { name: 'Generate a letter from the case' });
    await letters.getByRole('button', { name: 'Generate Letter to the PPK, number B-1444/JP.01/10/2024/R1 — Ahmad Fauzi' }).click();
    await section.getByRole('status').getByText(/^Letter generated and attached: .+\.pdf\.$/).waitFor();
    const item = section.locator('li.document', { hasText: 'KASN/BKN' });
    expect((await item.textContent())?.replace(/\s+/g, ' ')).toMatch(/^KASN\/BKN decision letter — Ahmad Fauzi.+\.pdfPDF · \d+ KB · attached \d+ \w+ \d{4} \d{2}:\d{2} WIB by Bawaslu Kota Lubuk LinggauDownload$/);
    await expectLetterDownload(page, item.getByRole('button', { name: /^Download KASN\/BKN decision letter: / }), 'DECISION_LETTER');
    expect((await documents(decidedId)).documents).toHaveLength(2);
    await expectNoAxeViolations(page, 'a letter generated, in English');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });

  it('import (Indonesian, then English): the template downloads, a dry run lists each row\'s problem in the officer\'s language, and the import writes the good rows only', async () => {
    const { page } = officer;
    const register = { name: 'register.csv', mimeType: 'text/csv', buffer: registerCsv([{ ...goodLine(7002), NIP: '123' }, goodLine(7003)]) };
    const registered = async () =>
      (await (await netra.client('BAWASLU', '16.73')).request<{ cases: { totalCount: number } }>(gql`query { cases(first: 1) { totalCount } }`)).cases.totalCount;
    const before = await registered();
    await page.goto(`${netra.origin}/#/cases`);
    await page.getByRole('link', { name: 'Impor register' }).click();
    await page.getByRole('heading', { name: 'Impor register', level: 1 }).waitFor();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh templat register (XLSX)' }).click()]);
    expect(template.suggestedFilename()).toBe('netra-register-templat.xlsx');
    expect(readFileSync((await template.path())!).subarray(0, 2).toString()).toBe('PK');

    const form = stepForm(page, 'Uji coba impor');
    // A fresh form: the console's own words beside the browser's chooser, whatever the browser's language.
    expect(await form.locator('.file-chooser').textContent()).toBe('Pilih berkasBelum ada berkas dipilih');
    await form.getByLabel(/^Berkas register/).setInputFiles(register);
    await form.locator('.file-chosen').filter({ hasText: 'register.csv' }).waitFor();
    await form.getByRole('button', { name: 'Uji coba' }).click();
    const result = page.getByRole('region', { name: 'Hasil uji coba (belum dicatat)' });
    await result.getByText('2 baris diperiksa: 1 baris dapat diimpor (1 kasus), 1 baris bermasalah, 0 baris sudah pernah diimpor.').waitFor();
    const problems = result.getByRole('table', { name: 'Masalah per baris' });
    expect((await problems.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '))).toEqual(['27003NIPNIP harus tepat 18 digit (terisi 3 karakter, 3 di antaranya angka).']);
    expect(await registered()).toBe(before);
    await expectIndonesianOnly(page, serverWords, 'an import dry run');
    await expectNoAxeViolations(page, 'an import dry run');
    await screenshot(page, 'import-1-dry-run');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'an import dry run, on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await result.getByRole('button', { name: 'Impor 1 baris' }).click();
    const done = page.getByRole('region', { name: 'Impor selesai' });
    await done.getByText('Dicatat: 1 kasus, 1 langkah. 1 baris bermasalah tidak diimpor.').waitFor();
    expect(await registered()).toBe(before + 1);
    await expectIndonesianOnly(page, serverWords, 'an import done');

    // In English, the same file again: the written row is already there, the problem in English.
    await page.getByRole('button', { name: 'English' }).click();
    const again = stepForm(page, 'Trial import');
    await again.getByLabel(/^Register file/).setInputFiles(register);
    await again.getByRole('button', { name: 'Try it' }).click();
    const english = page.getByRole('region', { name: 'Trial result (nothing recorded yet)' });
    await english.getByText('2 rows checked: 0 rows can be imported (0 cases), 1 row has problems, 1 row was imported before.').waitFor();
    expect((await english.getByRole('table', { name: 'Problems per row' }).locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '))).toEqual([
      '27003NIPA NIP is exactly 18 digits (got 3 characters, 3 of them digits).',
    ]);
    expect(await english.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'an import dry run in English');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });
});

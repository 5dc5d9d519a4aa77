import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DECIDE_SANCTION, ISSUE_RECOMMENDATION, RECORD_EXECUTION, REPORT_CASE, aLaporan, type CaseResult } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectIndonesianOnly, listenToServer } from './indonesian-only';
import { launchChromium, openConsole, screenshot, signInAsDeveloper, stepForm, type ConsolePage } from './browser';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core with no violation at all, whatever its impact. */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ where, violations }).toEqual({ where, violations: [] });
}

/** An officer in Bahasa Indonesia meets no English sentence from the server and no raw code: refusals and the history are written from codes. */
describe('console in Bahasa Indonesia: refusals and history written from codes', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let officer: ConsolePage;
  let caseId: string;
  let respondents: CaseResult['respondents'];
  let serverWords = new Set<string>();

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra(), launchChromium()]);
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const laporan = aLaporan({ summary: 'Seorang camat memakai kaus calon pada acara kecamatan.', evidence: ['Foto kegiatan'] });
    const { reportCase } = await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: laporan });
    ({ id: caseId, respondents } = reportCase);
    officer = await openConsole(browser, netra.origin);
    serverWords = listenToServer(officer.page);
    // With a name: without one the token's subject is a code (dev:BAWASLU-16.73).
    await officer.page.getByLabel('Nama petugas').fill('Sari Wulandari');
    await signInAsDeveloper(officer.page, 'BAWASLU', '16.73');
  });

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => expect(officer.problems).toEqual([]));

  it('the kajian starts with nothing proven, and a date before the case was received is refused in Indonesian with both dates', async () => {
    const { page } = officer;
    await page.goto(`${netra.origin}/#/cases/${caseId}`);
    const study = stepForm(page, 'Catat kajian');
    await study.waitFor();
    const outcomes = study.getByLabel('Hasil kajian');
    expect(await outcomes.evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value))).toEqual(['', '']);
    expect(await study.getByRole('checkbox').count()).toBe(0);

    await outcomes.nth(0).selectOption('VIOLATION');
    await study.getByRole('checkbox', { name: 'Kegiatan yang berpihak kepada calon' }).check();
    await outcomes.nth(1).selectOption('NO_VIOLATION');
    await study.getByLabel(/^Tanggal kajian/).fill('2024-09-20T10:00');
    await study.getByRole('button', { name: 'Simpan kajian' }).click();

    const error = study.locator('.field-invalid .field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Tidak boleh sebelum waktu diterima: 20 September 2024 10.00 WIB lebih awal dari 26 September 2024 09.00 WIB.');
    expect([...serverWords].some((w) => w.startsWith('studiedAt: must not be before receivedAt'))).toBe(true);
    await expectIndonesianOnly(page, serverWords, 'the kajian refused for its date');
    await expectNoAxeViolations(page, 'the kajian refused for its date');
    await screenshot(page, 'indonesian-1-study-date-refused');

    await study.getByLabel(/^Tanggal kajian/).fill('2024-09-28T10:00');
    await study.getByRole('button', { name: 'Simpan kajian' }).click();
    await stepForm(page, 'Terbitkan rekomendasi').waitFor();
  });

  it('a recommendation someone else sent meanwhile is refused at the form with the versions, in Indonesian', async () => {
    const { page } = officer;
    const recommend = stepForm(page, 'Terbitkan rekomendasi');
    await recommend.getByLabel('Nomor surat').fill('045/PM.00.02/K.SS-16/10/2024');
    await recommend.getByLabel(/^Tanggal surat/).fill('2024-10-01T09:00');
    const bawaslu = await netra.client('BAWASLU', '16.73');
    await bawaslu.request(ISSUE_RECOMMENDATION, {
      input: { caseId, respondentIds: [respondents[0].respondentId], recipient: 'BKN', letterNumber: '045/PM.00.02/K.SS-16/10/2024', issuedAt: '2024-10-01T09:00:00+07:00' },
    });
    await recommend.getByRole('button', { name: 'Kirim rekomendasi' }).click();
    const alert = recommend.locator('.form-error[data-code="CONFLICT"]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-key')).toBe('version.stale');
    expect(await alert.textContent()).toContain('Kasus kini pada versi 3, bukan 2 seperti yang Anda buka.');
    await expectIndonesianOnly(page, serverWords, 'the recommendation refused with CONFLICT');
    await expectNoAxeViolations(page, 'the recommendation refused with CONFLICT');
    await screenshot(page, 'indonesian-2-conflict-in-indonesian');
  });

  it('the history names respondents, agencies, regions, violations and sanctions in Indonesian, and in English after the switch', async () => {
    const bkn = await netra.client('BKN');
    const decide = { caseId, respondentId: respondents[0].respondentId, decision: 'SANCTION', letterNumber: 'B-1444/JP.01/10/2024', decidedAt: '2024-10-03T10:00:00+07:00' };
    await bkn.request(DECIDE_SANCTION, { input: { ...decide, sanction: 'WRITTEN_REPRIMAND', ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' } } });
    const ppk = await netra.client('PPK', '16.73');
    const decree = { caseId, respondentId: respondents[0].respondentId, decreeNumber: '800/123/BKPSDM/2024', executedAt: '2024-10-10T10:00:00+07:00' };
    await ppk.request(RECORD_EXECUTION, { input: { ...decree, sanction: 'WRITTEN_REPRIMAND' } });

    const { page } = officer;
    await page.reload();
    const history = page.locator('ol.timeline');
    await history.locator('li').nth(4).waitFor();
    const lines = await history.locator('.timeline-detail').allTextContents();
    expect(lines).toEqual([
      'Laporan diterima oleh Bawaslu Kota Lubuk Linggau; 2 terlapor: Ahmad Fauzi, Dewi Anggraini',
      'Hasil kajian: Ahmad Fauzi — Terbukti melanggar: Kegiatan yang berpihak kepada calon · Dewi Anggraini — Tidak terbukti',
      'Rekomendasi 045/PM.00.02/K.SS-16/10/2024 kepada BKN untuk Ahmad Fauzi',
      'BKN merekomendasikan Teguran tertulis untuk Ahmad Fauzi kepada Walikota Lubuk Linggau, Kota Lubuk Linggau (surat B-1444/JP.01/10/2024)',
      'PPK (Pejabat Pembina Kepegawaian) melaksanakan Teguran tertulis untuk Ahmad Fauzi dengan SK 800/123/BKPSDM/2024: Sesuai rekomendasi',
    ]);
    await expectIndonesianOnly(page, serverWords, 'the case page with its history');
    await expectNoAxeViolations(page, 'the case page with its history');
    await screenshot(page, 'indonesian-3-history-in-indonesian');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Case details' }).waitFor();
    expect(await history.locator('.timeline-detail').nth(3).textContent()).toBe(
      'BKN recommended Written reprimand for Ahmad Fauzi to Walikota Lubuk Linggau, Kota Lubuk Linggau (letter B-1444/JP.01/10/2024)',
    );
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Data kasus' }).waitFor();
  });
});

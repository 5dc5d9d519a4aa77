import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GraphQLClient } from 'graphql-request';
import { aRecommendation, aSanctionDecision, mutate, DECIDE, RECOMMEND, REPORT } from '../e2e/case-steps';
import { aLaporan, NIP_CAMAT } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectAccessible, launchChromium, openConsole, screenshot, signInAsDeveloper, stepForm, type ConsolePage } from './browser';
import { expectIndonesianOnly, listenToServer } from './indonesian-only';

/**
 * One case as each agency sees it, in Indonesian: Bawaslu Kota Lubuk Linggau studies it (a
 * "terbukti melanggar" with nothing ticked is refused at the boxes, nothing sent), BKN and the PPK
 * find it in their queues, and oversight — on whom nothing waits — lands on the case list, filters
 * it, pages through it and finds the case by NIP, name and register number. Units appear by name,
 * never by code; one screenshot of each agency's main page (UPDATE_README_SCREENSHOTS=1 renews the
 * README's four).
 */
describe('console: each agency’s main page, by name', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let bawasluApi: GraphQLClient;
  let caseId = '';
  let register = '';
  const opened: ConsolePage[] = [];

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra(), launchChromium()]);
    bawasluApi = await netra.client('BAWASLU', '16.73');
    const reported = await mutate(bawasluApi, REPORT, aLaporan({ summary: 'Camat memakai kaus calon pada acara kecamatan.' }));
    caseId = reported.id;
    register = reported.registerNumber;
    // 21 older temuan of Musi Rawas, so the list has a second page.
    for (let i = 0; i < 21; i++) {
      await mutate(await netra.client('BAWASLU', '16.05'), REPORT, aLaporan({
        source: 'FINDING', reporter: undefined, handlingUnit: '16.05', election: { kind: 'PILKADA', year: 2024, regionCode: '16.05' },
        receivedAt: `2024-09-${String(i + 2).padStart(2, '0')}T09:00:00+07:00`, knownAt: '2024-09-01T12:00:00+07:00', occurredAt: '2024-09-01T08:00:00+07:00',
        summary: `Temuan patroli nomor ${i + 1}.`,
        respondents: [{ name: `Pegawai Musi Rawas ${i + 1}`, employment: 'PNS', institution: 'Dinas Pendidikan Kabupaten Musi Rawas', institutionRegionCode: '16.05' }],
      }));
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => {
    for (const { problems } of opened) expect(problems).toEqual([]);
  });

  async function officer(agency: string, region: string | null, name?: string): Promise<{ page: Page; server: Set<string> }> {
    const console = await openConsole(browser, netra.origin);
    opened.push(console);
    const server = listenToServer(console.page);
    if (name) await console.page.getByLabel('Nama petugas').fill(name);
    await signInAsDeveloper(console.page, agency, region);
    return { page: console.page, server };
  }

  async function mainPage(page: Page, server: Set<string>, name: string): Promise<void> {
    await expectIndonesianOnly(page, server, name);
    await expectAccessible(page, name);
    const shot = await screenshot(page, `agency-${name}`);
    if (process.env.UPDATE_README_SCREENSHOTS) {
      const target = join(__dirname, 'readme-screenshots');
      mkdirSync(target, { recursive: true });
      // Small: the top of the page at a laptop's width, not the whole page.
      await page.setViewportSize({ width: 1000, height: 640 });
      await page.screenshot({ path: join(target, `agency-${name}.png`) });
      expect(shot).toBeTruthy();
      // The same unit's inbox, the case and the dashboard, as it sees them (README "Console").
      const start = page.url();
      await page.goto(`${netra.origin}/#/inbox`);
      await page.getByRole('heading', { name: 'Kotak masuk', level: 1 }).waitFor();
      await page.locator('.inbox-count, .inbox .empty').first().waitFor();
      await page.screenshot({ path: join(target, `inbox-${name}.png`) });
      await page.goto(`${netra.origin}/#/cases/${caseId}`);
      await page.locator('ol.timeline li').first().waitFor();
      await page.screenshot({ path: join(target, `case-${name}.png`) });
      await page.goto(`${netra.origin}/#/dashboard`);
      await page.locator('.dashboard h1, main h1').first().waitFor();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(target, `dashboard-${name}.png`) });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(start);
      await page.locator('main h1').first().waitFor();
    }
  }

  it('Bawaslu Kota Lubuk Linggau: its unit by name, and a proven finding with nothing ticked refused before anything is sent', async () => {
    const { page, server } = await officer('BAWASLU', '16.73', 'Rahmat Hidayat');
    await page.locator('.who', { hasText: 'Bawaslu Kota Lubuk Linggau' }).waitFor();
    await page.locator('.lead', { hasText: 'Bawaslu Kota Lubuk Linggau' }).waitFor();
    expect(await page.locator('.who').textContent()).toBe('Bawaslu Kota Lubuk Linggau');
    expect(await page.locator('.lead').textContent()).toBe('Bawaslu Kota Lubuk Linggau');
    await page.getByText('Ahmad Fauzi').first().waitFor();
    await mainPage(page, server, 'bawaslu');

    await page.getByRole('link', { name: register }).first().click();
    const study = stepForm(page, 'Catat kajian');
    await study.waitFor();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('recordStudy')) sent.push(request.postData() ?? '');
    });
    const outcomes = study.getByLabel('Hasil kajian');
    await outcomes.nth(0).selectOption('VIOLATION');
    await outcomes.nth(1).selectOption('NO_VIOLATION');
    await study.getByRole('button', { name: 'Simpan kajian' }).click();
    const refusal = study.getByText('Centang sedikitnya satu pelanggaran yang terbukti untuk Ahmad Fauzi.');
    await refusal.waitFor();
    expect(sent).toEqual([]);
    await expectIndonesianOnly(page, server, 'bawaslu-study-refused');
    await expectAccessible(page, 'bawaslu-study-refused');
    await study.getByRole('checkbox', { name: 'Kegiatan yang berpihak kepada calon' }).check();
    await study.getByRole('button', { name: 'Simpan kajian' }).click();
    await page.locator('.respondent .stage', { hasText: 'Dikaji' }).first().waitFor();
    expect(sent).toHaveLength(1);
    // The history names the unit and the officer (the token's name claim), never the unit's code.
    await page.locator('.timeline-who', { hasText: 'Bawaslu Kota Lubuk Linggau — Rahmat Hidayat' }).first().waitFor();
    expect(await page.locator('.timeline-who').allTextContents()).toEqual(['Bawaslu Kota Lubuk Linggau', 'Bawaslu Kota Lubuk Linggau — Rahmat Hidayat']);
    expect(JSON.parse(sent[0]).variables.input.findings[0]).toMatchObject({ respondentId: 'R1', outcome: 'VIOLATION', violations: ['PARTISAN_ACTIVITY'] });
    // The rest of the way by the API: recommendation to BKN, BKN's decision for the Walikota.
    // The study was dated now (the form's default), so the later steps are too.
    await mutate(bawasluApi, RECOMMEND, aRecommendation(caseId, ['R1'], { issuedAt: new Date().toISOString() }));
  });

  it('BKN, national: the recommended track in its queue', async () => {
    const { page, server } = await officer('BKN', null);
    await page.locator('.who', { hasText: 'BKN · nasional' }).waitFor();
    await page.getByText('Ahmad Fauzi').waitFor();
    await mainPage(page, server, 'bkn');
    await mutate(await netra.client('BKN', null), DECIDE, aSanctionDecision(caseId, 'R1', { decidedAt: new Date().toISOString() }));
  });

  it('the PPK of Kota Lubuk Linggau: the decision waiting on it, the Walikota named', async () => {
    const { page, server } = await officer('PPK', '16.73');
    await page.locator('.who', { hasText: 'PPK Kota Lubuk Linggau' }).waitFor();
    await page.getByText('Walikota Lubuk Linggau').waitFor();
    expect(await page.locator('.lead').textContent()).toBe('PPK Kota Lubuk Linggau');
    await mainPage(page, server, 'ppk');
  });

  it('oversight lands on the case list: newest first, paged, filtered by stage, election and region, and searched', async () => {
    const { page, server } = await officer('OVERSIGHT', null);
    expect(await page.getByRole('link', { name: 'Antrean' }).count()).toBe(0);
    const status = page.getByRole('status');
    await status.filter({ hasText: 'Menampilkan 1–20 dari 22 kasus, terbaru lebih dulu.' }).waitFor();
    // Newest first: the laporan of 26 September 2024, then the Musi Rawas temuan from the 22nd down.
    const items = page.locator('.case-item');
    expect(await items.first().textContent()).toContain(register);
    expect(await items.nth(1).textContent()).toContain('22 September 2024');
    expect(await items.first().textContent()).toContain('Ditangani Kota Lubuk Linggau');
    await mainPage(page, server, 'oversight');

    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await status.filter({ hasText: 'Menampilkan 21–22 dari 22 kasus' }).waitFor();
    await page.getByRole('button', { name: 'Sebelumnya' }).click();
    await status.filter({ hasText: 'Menampilkan 1–20 dari 22 kasus' }).waitFor();

    await page.getByLabel('Tahap').selectOption('SANCTION_DECIDED');
    await status.filter({ hasText: 'Menampilkan 1–1 dari 1 kasus' }).waitFor();
    await page.getByLabel('Tahap').selectOption('');
    // By keyboard: the list offers Musi Rawas first (then Musi Rawas Utara); Enter chooses it.
    const region = page.getByRole('combobox', { name: 'Wilayah', exact: true });
    await region.fill('musi raw');
    await page.getByRole('option', { name: /^Kabupaten Musi Rawas Utara/ }).waitFor();
    expect(await page.getByRole('listbox', { name: 'Pilihan Wilayah' }).getByRole('option').allTextContents()).toEqual(['Kabupaten Musi Rawas — Sumatera Selatan', 'Kabupaten Musi Rawas Utara — Sumatera Selatan']);
    await region.press('Enter');
    await page.getByText('Dipilih: Kabupaten Musi Rawas (kode Kemendagri 16.05)').waitFor();
    await status.filter({ hasText: 'dari 21 kasus' }).waitFor();
    await page.getByLabel('Pemilihan').selectOption('PEMILU 2024');
    await status.filter({ hasText: 'Tidak ada kasus yang cocok.' }).waitFor();
    await expectIndonesianOnly(page, server, 'oversight-filtered');
    await expectAccessible(page, 'oversight-filtered');

    const search = async (text: string) => {
      await page.getByRole('searchbox', { name: 'Cari kasus' }).fill(text);
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.getByRole('heading', { name: `Hasil pencarian: ${text}` }).waitFor();
    };
    await search(`${NIP_CAMAT.slice(0, 8)} ${NIP_CAMAT.slice(8, 14)} ${NIP_CAMAT.slice(14, 15)} ${NIP_CAMAT.slice(15)}`);
    await status.filter({ hasText: 'Menampilkan 1–1 dari 1 kasus' }).waitFor();
    await page.getByText('Cocok pada: NIP/NRP/NIK').waitFor();
    await search('Ahmad Fauzy');
    await page.getByText('Cocok pada: nama').waitFor();
    await search(register.toLowerCase());
    await page.getByText('Cocok pada: nomor register').waitFor();
    await expectIndonesianOnly(page, server, 'oversight-search');
    await expectAccessible(page, 'oversight-search');
    await page.locator('.case-item a').first().click();
    await page.getByRole('heading', { name: new RegExp(register.replace(/[/.]/g, '\\$&')) }).waitFor();
  });
});

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectAccessible, launchChromium, openConsole, screenshot, signInAsDeveloper, stepForm, type ConsolePage } from './browser';

/**
 * The "done when", in a real browser against a real Netra on the embedded store: a Bawaslu
 * officer reports a laporan, studies and recommends; BKN decides a sanction for the PPK of Lubuk
 * Linggau; that PPK finds it in its queue, records the decree, and never sees the reporter.
 */
describe('console: a case from laporan to executed sanction', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let base: string;
  const opened: ConsolePage[] = [];
  let caseUrl = '';

  const REPORTER = 'Siti Aminah Rahmawati';

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra(), launchChromium()]);
    base = netra.origin;
  });

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => {
    for (const { problems } of opened) expect(problems).toEqual([]);
  });

  async function officer(agency: string, region: string | null): Promise<Page> {
    const console = await openConsole(browser, base);
    opened.push(console);
    await signInAsDeveloper(console.page, agency, region);
    return console.page;
  }

  it('a Bawaslu officer in Lubuk Linggau reports a laporan with its reporter, studies it and recommends', async () => {
    const page = await officer('BAWASLU', '16.73');
    await page.getByRole('link', { name: 'Kasus baru' }).click();
    await page.getByRole('heading', { name: 'Kasus baru' }).waitFor();
    // No election until the officer picks one of those Netra knows: never the current year by default.
    expect(await page.getByLabel('Pemilihan serentak').inputValue()).toBe('');
    await page.getByLabel('Pemilihan serentak').selectOption('PILKADA 2024');
    await page.getByLabel('Uraian singkat').fill('Seorang ASN membagikan unggahan calon wali kota di Facebook.');
    await page.getByLabel('Tempat kejadian').fill('Kelurahan Taba Jemekeh');
    await page.getByLabel('Mengunggah, mengomentari, membagikan, menyukai konten calon di media sosial').check();
    const first = page.getByRole('group', { name: 'Terlapor 1' });
    await first.getByRole('textbox', { name: 'Nama', exact: true }).fill('Budi Santoso');
    await first.getByLabel('NIP').fill('198503302010121002');
    await first.getByRole('textbox', { name: 'Instansi', exact: true }).fill('Dinas Pendidikan Kota Lubuk Linggau');
    // The region by its name: typed, offered by the Kemendagri list, chosen; the form keeps its code.
    await first.getByRole('combobox', { name: 'Wilayah instansi', exact: true }).fill('lubuk lingg');
    await first.getByRole('option', { name: /^Kota Lubuk Linggau/ }).click();
    await first.getByText('Dipilih: Kota Lubuk Linggau (kode Kemendagri 16.73)').waitFor();
    // A second respondent added by mistake is removed again.
    await page.getByRole('button', { name: 'Tambah terlapor' }).click();
    await page.getByRole('group', { name: 'Terlapor 2' }).getByRole('textbox', { name: 'Nama', exact: true }).fill('Salah Ketik');
    await page.getByRole('button', { name: 'Hapus terlapor 2' }).click();
    await page.getByRole('button', { name: 'Tambah bukti' }).click();
    await page.getByLabel('Bukti 1').fill('Tangkapan layar unggahan Facebook, 1 Oktober');
    await page.getByLabel('Nama pelapor').fill(REPORTER);
    await page.getByLabel('Telepon').fill('+62 812 7000 1234');
    await expectAccessible(page, 'the new-case form');
    await screenshot(page, 'lifecycle-1-new-case-form');
    await page.getByRole('button', { name: 'Simpan kasus' }).click();

    // The new-case page's own heading is "Kasus baru": wait for the case's page, not any heading.
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^Kasus / }).waitFor();
    caseUrl = page.url();
    expect(caseUrl).toMatch(/#\/cases\/[0-9a-f-]{36}$/);
    expect(await page.getByText(REPORTER).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Terlapor 2' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('WIB (UTC+7)');

    const study = stepForm(page, 'Catat kajian');
    // Nothing proven until the officer says so.
    expect(await study.getByLabel('Hasil kajian').inputValue()).toBe('');
    await study.getByLabel('Hasil kajian').selectOption('VIOLATION');
    expect(await study.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await study.getByLabel('Mengunggah, mengomentari, membagikan, menyukai konten calon di media sosial').check();
    await study.getByRole('button', { name: 'Simpan kajian' }).click();
    const recommend = stepForm(page, 'Terbitkan rekomendasi');
    await recommend.getByLabel('Nomor surat').fill('045/PM.00.02/K.SS-16/10/2026');
    await expectAccessible(page, 'the case page with the recommendation form');
    await recommend.getByRole('button', { name: 'Kirim rekomendasi' }).click();
    await page.getByText('Tidak ada langkah yang dapat diambil unit Anda saat ini.').waitFor();
    expect(await page.locator('.respondent .stage').textContent()).toBe('Direkomendasikan');
    await screenshot(page, 'lifecycle-2-bawaslu-recommended');
  });

  it('a BKN officer finds it in the queue and recommends a written reprimand to the Walikota of Lubuk Linggau', async () => {
    const page = await officer('BKN', null);
    await page.getByRole('link', { name: /Budi Santoso/ }).click();
    const decide = stepForm(page, 'Putuskan sanksi: Budi Santoso');
    await decide.getByLabel('Nomor surat').fill('B-1444/JP.01/10/2026');
    await decide.getByRole('combobox', { name: 'Sanksi', exact: true }).selectOption('WRITTEN_REPRIMAND');
    await decide.getByLabel('Jabatan PPK').fill('Walikota Lubuk Linggau');
    await decide.getByText('Dipilih: Kota Lubuk Linggau (kode Kemendagri 16.73)').waitFor();
    expect(await decide.getByRole('combobox', { name: 'Wilayah PPK', exact: true }).inputValue()).toBe('Kota Lubuk Linggau');
    await decide.getByRole('button', { name: 'Simpan keputusan' }).click();
    await page.locator('.respondent .stage', { hasText: 'Sanksi diputuskan' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(REPORTER);
    await screenshot(page, 'lifecycle-3-bkn-decided');
  });

  it('the PPK of Lubuk Linggau sees it waiting, with days left, records the decree, and never sees the reporter', async () => {
    const page = await officer('PPK', '16.73');
    const item = page.locator('.queue-item', { hasText: 'Budi Santoso' });
    expect(await item.textContent()).toMatch(/\d+ hari lagi/);
    await expectAccessible(page, 'the PPK queue');
    await screenshot(page, 'lifecycle-4-ppk-queue');
    await item.getByRole('link').click();
    await page.getByRole('heading', { name: /^Kasus / }).waitFor();
    expect(page.url()).toBe(caseUrl);
    expect(await page.content()).not.toContain(REPORTER);
    expect(await page.locator('.confidential').textContent()).toContain('dirahasiakan');

    const execute = stepForm(page, 'Catat pelaksanaan sanksi: Budi Santoso');
    expect(await execute.getByLabel('Sanksi yang dijatuhkan').inputValue()).toBe('WRITTEN_REPRIMAND');
    await execute.getByLabel('Nomor SK').fill('800/123/KPTS/BKPSDM/2026');
    await execute.getByRole('button', { name: 'Simpan SK' }).click();
    await page.locator('.respondent .stage', { hasText: 'Sanksi dilaksanakan' }).waitFor();
    expect(await page.locator('.respondent').textContent()).toContain('Sesuai rekomendasi');
    expect(await page.content()).not.toContain(REPORTER);
    await expectAccessible(page, 'the case page after execution');
    const shot = await screenshot(page, 'lifecycle-5-ppk-executed-case-page');
    if (process.env.UPDATE_README_SCREENSHOTS) {
      const target = join(__dirname, 'readme-screenshots');
      mkdirSync(target, { recursive: true });
      copyFileSync(shot, join(target, 'case-page.png'));
    }

    await page.getByRole('link', { name: 'Antrean' }).click();
    await page.getByText('Tidak ada yang menunggu tindakan Anda.').waitFor();
  });
});

import type { Browser } from 'playwright-core';
import { RECORD_STUDY, REPORT_CASE, aLaporan, type CaseResult } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectAccessible, launchChromium, openConsole, screenshot, signInAsDeveloper, stepForm, type ConsolePage } from './browser';

/** The API judges every input; the console shows its verdict where the officer can act on it. */
describe('console: refusals from the API', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let base: string;
  let officer: ConsolePage;

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra(), launchChromium()]);
    base = netra.origin;
    officer = await openConsole(browser, base);
    await signInAsDeveloper(officer.page, 'BAWASLU', '16.73');
  });

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => expect(officer.problems).toEqual([]));

  it('a NIP one digit short is refused, and the message stands under the NIP field of that respondent', async () => {
    const { page } = officer;
    await page.goto(`${base}/#/cases/new`);
    await page.getByLabel('Pemilihan serentak').selectOption('PILKADA 2024');
    await page.getByLabel('Uraian singkat').fill('Seorang ASN memasang baliho calon di kantor kelurahan.');
    await page.getByLabel('Memasang spanduk/baliho calon').check();
    await page.getByLabel('Nama pelapor').fill('Pelapor Uji');
    const respondent = page.getByRole('group', { name: 'Terlapor 1' });
    await respondent.getByRole('textbox', { name: 'Nama', exact: true }).fill('Andi Wijaya');
    await respondent.getByRole('textbox', { name: 'Instansi', exact: true }).fill('Kelurahan Taba Jemekeh');
    const nip = respondent.getByRole('textbox', { name: 'NIP' });
    await nip.fill('19850330201012100');
    await page.getByRole('button', { name: 'Simpan kasus' }).click();

    const error = respondent.locator('.field-invalid .field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('NIP harus tepat 18 digit (terisi 17 karakter, 17 di antaranya angka).');
    expect(await nip.getAttribute('aria-invalid')).toBe('true');
    expect(await nip.evaluate((input) => input === document.activeElement)).toBe(true);
    // The message is the field's description, so a screen reader reads it with the field.
    expect((await nip.getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
    expect(await page.getByRole('alert').first().textContent()).toBe('Periksa isian yang ditandai.');
    await expectAccessible(page, 'the new-case form with a refused NIP');
    await screenshot(page, 'forms-1-nip-refused-next-to-field');

    const client = await netra.client('BAWASLU', '16.73');
    const { cases } = await client.request<{ cases: { totalCount: number } }>('{ cases { totalCount } }');
    expect(cases.totalCount).toBe(0);
  });

  it('a study sent on a case someone else moved meanwhile is refused with CONFLICT at the form, and reloading shows the new state', async () => {
    const client = await netra.client('BAWASLU', '16.73');
    const { reportCase } = await client.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() });
    const { page } = officer;
    await page.goto(`${base}/#/cases/${reportCase.id}`);
    const study = stepForm(page, 'Catat kajian');
    await study.waitFor();

    // A colleague records the study from another tab first.
    const findings = reportCase.respondents.map((r) => ({ respondentId: r.respondentId, outcome: 'NO_VIOLATION' }));
    await client.request(RECORD_STUDY, { input: { caseId: reportCase.id, studiedAt: '2024-09-28T10:00:00+07:00', findings } });

    for (const outcome of await study.getByLabel('Hasil kajian').all()) await outcome.selectOption('NO_VIOLATION');
    await study.getByRole('button', { name: 'Simpan kajian' }).click();
    const alert = study.locator('.form-error[data-code="CONFLICT"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Kasus telah berubah sejak Anda membukanya');
    await screenshot(page, 'forms-2-conflict-at-form');
    await study.getByRole('button', { name: 'Muat ulang kasus' }).click();
    // Every track is finished: the only step left is erasing the personal data, folded under its title.
    await page.locator('details.later-step > summary', { hasText: 'Hapus data pribadi kasus ini' }).waitFor();
    expect(await page.locator('#next-steps ~ form, #next-steps ~ details > summary').allTextContents()).toEqual(['Hapus data pribadi kasus ini']);
    expect(await page.locator('.respondent .stage').allTextContents()).toEqual(['Tidak terbukti', 'Tidak terbukti']);
  });
});

import type { Browser } from 'playwright-core';
import { DECIDE_SANCTION, ISSUE_RECOMMENDATION, RECORD_STUDY, REPORT_CASE, aLaporan, type CaseResult } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectAccessible, launchChromium, openConsole, screenshot, signInAsDeveloper, type ConsolePage } from './browser';

const PHONE = { width: 390, height: 844 };

/**
 * A PPK officer in Kutai Kartanegara (64.02, Kalimantan Timur: WITA) on a phone, with a sanction
 * decided in October 2024 and long overdue: the queue, the case, both languages, keyboard only.
 */
describe('console: phone, keyboard, language and time zone', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let base: string;
  let ppk: ConsolePage;
  let caseId: string;

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra(), launchChromium()]);
    base = netra.origin;
    const kutai = { institution: 'Dinas Perhubungan Kabupaten Kutai Kartanegara', institutionRegionCode: '64.02' };
    const input = aLaporan({
      election: { kind: 'PILKADA', year: 2024, regionCode: '64.02' },
      handlingUnit: '64.02',
      respondents: [{ name: 'Rahmat Hidayat', nip: '198203152008011002', employment: 'PNS', position: 'Kepala Bidang', ...kutai }],
    });
    const bawaslu = await netra.client('BAWASLU', '64.02');
    const { reportCase } = await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input });
    caseId = reportCase.id;
    const respondentId = reportCase.respondents[0].respondentId;
    await bawaslu.request(RECORD_STUDY, { input: { caseId, studiedAt: '2024-09-28T10:00:00+07:00', findings: [{ respondentId, outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] }] } });
    await bawaslu.request(ISSUE_RECOMMENDATION, { input: { caseId, respondentIds: [respondentId], recipient: 'BKN', letterNumber: '101/PM.00.02/K.KT-02/09/2024', issuedAt: '2024-09-30T10:00:00+07:00' } });
    const bkn = await netra.client('BKN', null);
    const ppkInput = { title: 'Bupati Kutai Kartanegara', regionCode: '64.02' };
    await bkn.request(DECIDE_SANCTION, {
      input: { caseId, respondentId, decision: 'SANCTION', sanction: 'MORAL_OPEN', letterNumber: 'B-2001/JP.01/10/2024', decidedAt: '2024-10-07T10:00:00+07:00', ppk: ppkInput },
    });
    ppk = await openConsole(browser, base, PHONE);
    await signInAsDeveloper(ppk.page, 'PPK', '64.02');
  });

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => expect(ppk.problems).toEqual([]));

  it('fits a 390 px phone screen without sideways scrolling, and the late sanction heads the queue', async () => {
    const { page } = ppk;
    const item = page.locator('.queue-item').first();
    expect(await item.textContent()).toMatch(/Rahmat Hidayat.*terlambat \d+ hari/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'the queue on a phone');
    await screenshot(page, 'layout-1-phone-queue');
  });

  it('works by keyboard alone: skip link first, then the case link opens the case', async () => {
    const { page } = ppk;
    await page.reload();
    await page.getByRole('heading', { name: 'Menunggu tindakan Anda' }).waitFor();
    // The heading shows while the queue still loads; until its links are there, Tab from main wraps back to the skip link.
    await page.locator(`.queue-item a[href="#/cases/${caseId}"]`).first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lewati ke konten');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`#/cases/${caseId}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Kasus / }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'the case page on a phone');
    await screenshot(page, 'layout-2-phone-case-page');
  });

  it('shows the case in WITA, the handling unit’s zone, whatever the device’s zone (Berlin here)', async () => {
    const facts = await ppk.page.locator('#case-facts + .facts').textContent();
    // knownAt 2024-09-25T12:00:00+07:00 is 13.00 in Kalimantan Timur.
    expect(facts).toContain('WITA (UTC+8), zona unit penanganan');
    expect(facts).toContain('25 September 2024 13.00 WITA');
    expect(await ppk.page.locator('.respondent').textContent()).toContain('B-2001/JP.01/10/2024 — 7 Oktober 2024 11.00 WITA');
  });

  it('switches to English and back, and remembers the choice across a reload', async () => {
    const { page } = ppk;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Case details' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('#case-facts + .facts').textContent()).toContain('25 September 2024 13:00 WITA');
    expect(await page.locator('.respondent').textContent()).toMatch(/\d+ days? late/);
    await page.reload();
    await page.getByRole('heading', { name: 'Case details' }).waitFor();
    await screenshot(page, 'layout-3-phone-case-page-english');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Data kasus' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
  });
});

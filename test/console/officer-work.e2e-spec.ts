import { gql, type GraphQLClient } from 'graphql-request';
import type { Browser, Page } from 'playwright-core';
import { DECIDE, RECOMMEND, REPORT, STUDY, aRecommendation, aSanctionDecision, aStudy, mutate } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { LABELS_ID } from '../../src/case/case-vocabulary-id';
import { expectIndonesianOnly, listenToServer } from './indonesian-only';
import { expectAccessible, expectNoAxeViolations, launchChromium, openConsole, screenshot, signInAsDeveloper, stepForm, type ConsolePage } from './browser';

const EXTEND = gql`mutation extendDeadline($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id version } }`;
const TRACKS = gql`query tracks($id: ID!) { case(id: $id) { version respondents { respondentId stage waitingOn decidedAt decisionLetter dueAt recommendedSanction ppk { title regionCode } } } }`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Track {
  respondentId: string;
  stage: string;
  waitingOn: string | null;
  decidedAt: string | null;
  decisionLetter: string | null;
  dueAt: string | null;
  recommendedSanction: string | null;
  ppk: { title: string; regionCode: string } | null;
}

/**
 * Issue 19: what officers still met in the console — dates in the browser's "12/06/2026, 02:17 AM",
 * typed work lost after a CONFLICT, a sign-in asked again in every new tab, navigation and buttons on
 * paper. One Netra, a laporan with two respondents recommended to BKN, an officer in Chromium.
 */
describe('console: the officer’s own habits', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let base: string;
  let bkn: GraphQLClient;
  let caseId: string;
  let officer: ConsolePage;

  async function aRecommendedCase(): Promise<string> {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const reported = await mutate(bawaslu, REPORT, aLaporan());
    await mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1', 'R2']));
    return reported.id;
  }

  const tracks = async (id: string) => (await bkn.request<{ case: { version: number; respondents: Track[] } }>(TRACKS, { id })).case;

  /** Every request the page sends that carries a mutation of that name. */
  function mutationsSent(page: Page, name: string): string[] {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes(name)) sent.push(request.postData()!);
    });
    return sent;
  }

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra(), launchChromium()]);
    base = netra.origin;
    bkn = await netra.client('BKN');
    caseId = await aRecommendedCase();
    officer = await openConsole(browser, base);
    await signInAsDeveloper(officer.page, 'BKN', null);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => expect(officer.problems).toEqual([]));

  it('a date is typed and shown as dd/mm/yyyy and a 24-hour time in the case’s zone, an unreadable one is refused in Indonesian before sending', async () => {
    const { page } = officer;
    const sent = mutationsSent(page, 'decideSanction');
    await page.goto(`${base}/#/cases/${caseId}`);
    const form = stepForm(page, 'Putuskan sanksi: Ahmad Fauzi');
    const date = form.getByLabel(/^Tanggal keputusan \(WIB\)/);
    expect(await date.getAttribute('type')).toBe('text');
    expect(await date.getAttribute('placeholder')).toBe('hh/bb/tttt jj.mm');
    // The default is now, written as officers write it — never "12/06/2026, 02:17 AM".
    expect(await date.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}$/);
    await form.getByLabel('Nomor surat').fill('B-1444/JP.01/10/2024');
    await form.getByLabel('Jabatan PPK').fill('Walikota Lubuk Linggau');

    await date.fill('31/02/2024 10.00');
    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    const error = form.locator('.field-invalid .field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Tanggal dan jam tidak terbaca. Tulis tanggal/bulan/tahun lalu jam.menit, misalnya 06/12/2026 14.05.');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.evaluate((input) => input === document.activeElement)).toBe(true);
    expect((await date.getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
    expect(sent).toEqual([]);
    await expectAccessible(page, 'a typed date that is not a real date');
    await screenshot(page, 'officer-work-1-unreadable-date');

    // 14.05 WIB on 7 October is 07.05 UTC: the API gets the instant the officer meant.
    await date.fill('7/10/2024 14.05');
    await date.blur();
    expect(await date.inputValue()).toBe('07/10/2024 14.05');
    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    await form.waitFor({ state: 'detached' });
    expect(sent).toHaveLength(1);
    const r1 = (await tracks(caseId)).respondents.find((r) => r.respondentId === 'R1')!;
    expect([r1.decidedAt, r1.decisionLetter]).toEqual(['2024-10-07T07:05:00.000Z', 'B-1444/JP.01/10/2024']);
  });

  it('after a CONFLICT, “Muat ulang kasus” reloads the case and keeps the letter number, sanction, PPK and dates already typed', async () => {
    const { page } = officer;
    const form = stepForm(page, 'Putuskan sanksi: Dewi Anggraini');
    await form.getByLabel('Nomor surat').fill('B-1500/JP.01/10/2024');
    await form.getByRole('combobox', { name: 'Sanksi', exact: true }).selectOption('WRITTEN_REPRIMAND');
    await form.getByLabel('Jabatan PPK').fill('Walikota Lubuk Linggau');
    await form.getByLabel(/^Wilayah PPK/).fill('16.73');
    await form.getByLabel(/^Tanggal keputusan/).fill('08/10/2024 09.30');
    await form.getByLabel(/^Tenggat pelaksanaan/).fill('22/10/2024 23.59');

    // Meanwhile a BKN colleague extends Dewi's deadline: her track moves on, her stage does not.
    const before = await tracks(caseId);
    const newDueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await bkn.request(EXTEND, { input: { caseId, respondentId: 'R2', newDueAt, legalBasis: 'Surat BKN B-3001/JP.01/10/2024: perpanjangan' } });

    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    const alert = form.locator('.form-error[data-code="CONFLICT"]');
    await alert.waitFor();
    await form.getByRole('button', { name: 'Muat ulang kasus' }).click();
    await form.locator('.draft-kept').waitFor();
    expect(await form.locator('.draft-kept').textContent()).toBe('Isian yang sudah Anda ketik tetap ada; periksa lagi terhadap kasus terbaru sebelum mengirim.');
    expect(await form.locator('.form-error').count()).toBe(0);
    // And what changed meanwhile, so the officer can decide: the colleague's extension, one line, in Indonesian, in this form only.
    const changes = form.locator('.changes-since');
    expect(await changes.locator('p').textContent()).toBe('Yang dicatat sejak Anda membuka kasus ini:');
    expect(await changes.locator('.timeline-detail').allTextContents()).toEqual([
      expect.stringMatching(/^BKN memperpanjang tenggat Keputusan sanksi untuk Dewi Anggraini dari \d+ \w+ \d{4} \d{2}\.\d{2} WIB menjadi \d+ \w+ \d{4} \d{2}\.\d{2} WIB$/),
    ]);
    expect(await page.locator('.changes-since').count()).toBe(1);
    // The PPK region is kept as its code; the picker shows it by name (typed as a code, or chosen from the list).
    await form.getByText('Dipilih: Kota Lubuk Linggau (kode Kemendagri 16.73)').waitFor();
    expect([
      await form.getByLabel('Nomor surat').inputValue(),
      await form.getByRole('combobox', { name: 'Sanksi', exact: true }).inputValue(),
      await form.getByLabel('Jabatan PPK').inputValue(),
      await form.getByLabel(/^Tanggal keputusan/).inputValue(),
      await form.getByLabel(/^Tenggat pelaksanaan/).inputValue(),
    ]).toEqual(['B-1500/JP.01/10/2024', 'WRITTEN_REPRIMAND', 'Walikota Lubuk Linggau', '08/10/2024 09.30', '22/10/2024 23.59']);
    await expectAccessible(page, 'a decision form kept after a reload');
    await screenshot(page, 'officer-work-2-kept-after-conflict');

    // In English the kept dates read dd/mm/yyyy hh:mm.
    await page.getByRole('button', { name: 'English' }).click();
    const english = stepForm(page, 'Decide a sanction: Dewi Anggraini');
    expect(await english.getByLabel(/^Decision date/).inputValue()).toBe('08/10/2024 09:30');
    expect(await english.locator('.changes-since p').textContent()).toBe('Recorded since you opened this case:');
    expect(await english.locator('.changes-since .timeline-detail').allTextContents()).toEqual([expect.stringMatching(/^BKN extended the Sanction decision deadline for Dewi Anggraini from .+ WIB to .+ WIB$/)]);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    await form.waitFor({ state: 'detached' });
    const after = await tracks(caseId);
    expect(after.version).toBeGreaterThan(before.version + 1);
    const r2 = after.respondents.find((r) => r.respondentId === 'R2')!;
    expect(r2).toMatchObject({
      decisionLetter: 'B-1500/JP.01/10/2024',
      decidedAt: '2024-10-08T02:30:00.000Z',
      dueAt: '2024-10-22T16:59:00.000Z',
      recommendedSanction: 'WRITTEN_REPRIMAND',
      ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' },
    });
  });

  it('a folded step keeps its typed work after a CONFLICT too: the extension comes back open with its new due time and legal basis', async () => {
    const { page } = officer;
    await page.goto(`${base}/#/cases/${caseId}`);
    const title = 'Perpanjang tenggat Pelaksanaan sanksi: Ahmad Fauzi';
    await page.locator('details.later-step > summary', { hasText: title }).click();
    const form = stepForm(page, title);
    await form.waitFor();
    await form.getByLabel(/^Tenggat baru/).fill('31/03/2027 23.59');
    await form.getByLabel('Dasar hukum perpanjangan').fill('Surat BKN B-3100/JP.01/12/2026: PPK meminta waktu.');

    // Meanwhile a BKN colleague extends Ahmad's execution due time.
    await bkn.request(EXTEND, { input: { caseId, respondentId: 'R1', newDueAt: new Date(Date.now() + 40 * 86_400_000).toISOString(), legalBasis: 'Surat BKN B-3099/JP.01/12/2026' } });
    await form.getByRole('button', { name: 'Simpan perpanjangan' }).click();
    await form.locator('.form-error[data-code="CONFLICT"]').waitFor();
    await form.getByRole('button', { name: 'Muat ulang kasus' }).click();
    await form.locator('.draft-kept').waitFor();
    expect(await form.locator('.changes-since .timeline-detail').allTextContents()).toEqual([expect.stringMatching(/^BKN memperpanjang tenggat Pelaksanaan sanksi untuk Ahmad Fauzi dari /)]);
    expect([await form.getByLabel(/^Tenggat baru/).inputValue(), await form.getByLabel('Dasar hukum perpanjangan').inputValue()]).toEqual([
      '31/03/2027 23.59',
      'Surat BKN B-3100/JP.01/12/2026: PPK meminta waktu.',
    ]);
    expect(await form.locator('.form-error').count()).toBe(0);

    await form.getByRole('button', { name: 'Simpan perpanjangan' }).click();
    await form.waitFor({ state: 'detached' });
    const r1 = (await tracks(caseId)).respondents.find((r) => r.respondentId === 'R1')!;
    expect(r1.dueAt).toBe(new Date('2027-03-31T23:59:00+07:00').toISOString());
  });

  it('prints the case summary — letterhead, facts, deadlines, respondents and history only — under the print date in the officer’s own zone, in Indonesian and English', async () => {
    // An oversight officer in Kutai Kartanegara (WITA) prints a case handled in Lubuk Linggau (WIB).
    const reader = await openConsole(browser, base);
    const words = listenToServer(reader.page);
    await signInAsDeveloper(reader.page, 'OVERSIGHT', '64.02');
    const { page } = reader;
    await page.goto(`${base}/#/cases/${caseId}`);
    await page.locator('ol.timeline li').first().waitFor();
    const stamp = page.locator('.print-stamp');
    const letterhead = page.locator('.print-letterhead');
    const deadlines = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: /^(Tenggat|Due)$/ }) });
    expect({ stamp: await stamp.isVisible(), letterhead: await letterhead.isVisible(), deadlines: await deadlines.isVisible() }).toEqual({ stamp: false, letterhead: false, deadlines: false });
    // The button opens the browser's print dialog (counted here instead: a headless browser has none).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Cetak ringkasan' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await expectIndonesianOnly(page, words, 'the case page with its print button');
    await expectNoAxeViolations(page, 'the case page with its print button');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'the case page with its print button, on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.emulateMedia({ media: 'print' });
    expect((await letterhead.textContent())?.replace(/\s+/g, ' ')).toMatch(/^Netra — Tindak lanjut netralitas ASN ?Kota Lubuk Linggau ?Ringkasan kasus \S+$/);
    expect(await deadlines.isVisible()).toBe(true);
    expect(await deadlines.getByRole('columnheader').allTextContents()).toEqual(['Terlapor', 'Tahap', 'Menunggu', 'Tenggat']);
    const rows = (await deadlines.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '));
    expect(rows).toHaveLength(2);
    // Each row says where the track stands as the API has it; a track that waits says on whom and by when, in the case's zone.
    const stored = (await tracks(caseId)).respondents;
    expect(stored.length).toBe(2);
    stored.forEach((t, i) => {
      const waiting = t.waitingOn ? `${escape(LABELS_ID.Agency[t.waitingOn as keyof typeof LABELS_ID.Agency])}\\d{1,2} \\w+ \\d{4} \\d{2}\\.\\d{2} WIB.*` : '——';
      expect(rows[i]).toMatch(new RegExp(`^${['Ahmad Fauzi', 'Dewi Anggraini'][i]}${LABELS_ID.Stage[t.stage as keyof typeof LABELS_ID.Stage]}${waiting}$`));
    });
    expect(stored.some((t) => t.waitingOn)).toBe(true);
    await expectIndonesianOnly(page, words, 'the printed case summary');
    expect(await stamp.isVisible()).toBe(true);
    expect(await stamp.textContent()).toMatch(/^Netra Dicetak \d{1,2} \w+ \d{4} \d{2}\.\d{2} WITA oleh Pengawas \(baca saja\) 64\.02$/);
    for (const kept of ['section[aria-labelledby="case-facts"]', 'section[aria-labelledby="respondents"]', 'section[aria-labelledby="timeline"]', 'main h1']) {
      expect({ kept, visible: await page.locator(kept).first().isVisible() }).toEqual({ kept, visible: true });
    }
    // The history keeps the case's own zone.
    expect(await page.locator('ol.timeline time').first().textContent()).toMatch(/ WIB$/);
    const visible = (selector: string) => page.locator(selector).evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null || getComputedStyle(n).position === 'fixed').length);
    expect({ nav: await visible('nav'), header: await visible('.site-header'), buttons: await visible('button'), forms: await visible('form'), inputs: await visible('input, select, textarea') }).toEqual({
      nav: 0,
      header: 0,
      buttons: 0,
      forms: 0,
      inputs: 0,
    });
    await screenshot(page, 'officer-work-3-printed-case');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    expect(await letterhead.isVisible()).toBe(false);

    // The same sheet in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Print summary' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect((await letterhead.textContent())?.replace(/\s+/g, ' ')).toMatch(/^Netra — ASN neutrality follow-up ?Kota Lubuk Linggau ?Case summary \S+$/);
    expect(await deadlines.getByRole('columnheader').allTextContents()).toEqual(['Respondent', 'Stage', 'Waiting on', 'Due']);
    expect(await page.locator('button, nav, form').evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length)).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(page, 'the case page in English');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    expect(reader.problems).toEqual([]);
    await reader.context.close();
  });

  it('the dashboard’s day is typed as dd/mm/yyyy too', async () => {
    const { page } = officer;
    await page.goto(`${base}/#/dashboard`);
    const day = page.getByRole('textbox', { name: 'Per tanggal' });
    await page.locator('#figures-provenance').waitFor();
    expect(await day.getAttribute('placeholder')).toBe('hh/bb/tttt');
    await day.fill('31/13/2024');
    await day.blur();
    expect(await page.locator('.field-invalid .field-error').textContent()).toBe('Tanggal tidak terbaca. Tulis tanggal/bulan/tahun, misalnya 06/12/2026.');
    await day.fill('31/12/2024');
    await page.getByText('Angka per 31 Desember 2024 23.59 WIB', { exact: false }).waitFor();
    // The auditors' command stays folded, and follows the day chosen: that instant, not --current.
    expect(await page.locator('.verify-figures code').isVisible()).toBe(false);
    expect(await page.locator('.verify-figures code').textContent()).toMatch(/^npm run figures -- --position \d+ --as-of 2024-12-31T16:59:59\.000Z --group-by PROVINCE$/);
  });

  it('a tab opened with Ctrl+click from the queue is signed in already; signing out there signs out every tab', async () => {
    const second = await aRecommendedCase();
    const { page, context } = officer;
    await page.goto(`${base}/#/queue`);
    const link = page.locator(`a[href="#/cases/${second}"]`).first();
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click({ modifiers: ['Control'] })]);
    await stepForm(tab, 'Putuskan sanksi: Ahmad Fauzi').waitFor();
    expect(await tab.getByRole('button', { name: 'Masuk', exact: true }).count()).toBe(0);
    // Shared in memory between the tabs: no token in the address or in localStorage.
    expect(tab.url()).toBe(`${base}/#/cases/${second}`);
    for (const p of [page, tab]) expect(await p.evaluate(() => Object.values(localStorage).join(' '))).not.toMatch(/eyJ/);

    // Also a tab opened by hand, not from a link.
    const typed = await context.newPage();
    await typed.goto(`${base}/#/queue`);
    await typed.getByRole('heading', { name: 'Menunggu tindakan Anda' }).waitFor();

    await tab.getByRole('button', { name: 'Keluar' }).click();
    for (const p of [tab, page, typed]) await p.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
    await screenshot(page, 'officer-work-4-signed-out-in-another-tab');
    // Nothing is left for a new tab to take.
    const after = await context.newPage();
    await after.goto(`${base}/#/queue`);
    await after.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
    expect(await after.evaluate(() => sessionStorage.getItem('netra.token'))).toBeNull();
  });
});

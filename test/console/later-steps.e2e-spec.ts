import { gql } from 'graphql-request';
import type { Browser, Page } from 'playwright-core';
import { LABELS_ID } from '../../src/case/case-vocabulary-id';
import { aCaseWithTwoSanctionsDecided, aStudy, EXECUTE, mutate, REPORT, STUDY, anExecution } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectAccessible, launchChromium, openConsole, screenshot, signInAsDeveloper, stepForm, type ConsolePage } from './browser';
import { expectIndonesianOnly, listenToServer } from './indonesian-only';

/**
 * The step forms beside the lifecycle, driven in Bahasa Indonesia on a real Netra whose clock stands
 * on 18 Dec 2026: a PPK corrects its decree, Kemendagri reprimands a PPK that did not act, Bawaslu
 * extends a study deadline counted provisionally into 2027, KemenPANRB publishes 2027 (a TEST
 * calendar: one invented day of cuti bersama on 5 Jan 2027) and the provisional due time is recounted,
 * and Bawaslu erases the personal data of a finished case after ticking that it understands.
 */
const SERVER = gql`
  query state($id: ID!) {
    case(id: $id) {
      personalDataErasedAt reporter { name }
      respondents { respondentId dueAt dueAtProvisional followUpStatus decreeNumber executedSanction decreeCorrection { replacedDecreeNumber reason } latestEscalation { kind letterNumber } }
    }
  }
`;
const CALENDAR = gql`query { holidayCalendar { year status publishedBy legalBasis { decree signedAt } holidays { date kind name } } }`;
const SUMMARY = 'Seorang camat memakai kaus calon pada acara kecamatan.';
const L = LABELS_ID;

interface ServerCase {
  personalDataErasedAt: string | null;
  reporter: { name: string } | null;
  respondents: Array<{
    respondentId: string;
    dueAt: string | null;
    dueAtProvisional: boolean;
    followUpStatus: string | null;
    decreeNumber: string | null;
    executedSanction: string | null;
    decreeCorrection: { replacedDecreeNumber: string; reason: string } | null;
    latestEscalation: { kind: string; letterNumber: string } | null;
  }>;
}

/** An occasional step is folded under its title: the officer opens it, then fills the form. */
async function openStep(page: Page, title: string) {
  await page.locator('details.later-step > summary', { hasText: title }).click();
  const form = stepForm(page, title);
  await form.waitFor();
  return form;
}

const folded = (page: Page, title: string) => page.locator('details.later-step > summary', { hasText: title });

/** Reloads until the page shows what the read model caught up to (a publication recounts asynchronously to the page). */
async function reloadUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await done()) return;
    await page.waitForTimeout(250);
    await page.reload();
    await page.locator('ol.timeline').waitFor();
  }
  throw new Error('the page never showed the expected state');
}

describe('console in Bahasa Indonesia: correcting a decree, escalating, extending a deadline, publishing the calendar, erasing personal data', () => {
  const now = new Date('2026-12-18T10:00:00+07:00');
  let netra: RunningNetra;
  let browser: Browser;
  const officers: ConsolePage[] = [];
  let decreeCase: string;
  let pemiluCase: string;
  let finishedCase: string;

  const serverCase = async (id: string) => (await (await netra.client('BAWASLU', null)).request<{ case: ServerCase }>(SERVER, { id })).case;
  /** A new browser context signed in as the officer, with the server's English collected as the page runs. */
  const officer = async (agency: string, region: string | null) => {
    const o = await openConsole(browser, netra.origin);
    officers.push(o);
    const words = listenToServer(o.page);
    await o.page.getByLabel('Nama petugas').fill('Petugas Uji');
    await signInAsDeveloper(o.page, agency, region);
    return { page: o.page, words };
  };

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra({}, { clock: () => now }), launchChromium()]);
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const decided = await aCaseWithTwoSanctionsDecided(netra, aLaporan({ summary: SUMMARY }));
    decreeCase = decided.id;
    // The PPK's first decree is lighter than recommended (moral tertutup instead of terbuka).
    await mutate(await netra.client('PPK', '16.73'), EXECUTE, anExecution(decreeCase, 'R1', { decreeNumber: '800/101/KPTS/BKPSDM/2024', sanction: 'MORAL_CLOSED' }));
    // A Pemilu study (14 working days) received on 18 Dec 2026 runs into 2027, which Netra has only provisionally.
    const received = { occurredAt: '2026-12-16T08:00:00+07:00', knownAt: '2026-12-17T12:00:00+07:00', receivedAt: '2026-12-18T09:00:00+07:00' };
    pemiluCase = (await mutate(bawaslu, REPORT, aLaporan({ ...received, summary: SUMMARY, election: { kind: 'PEMILU', year: 2029, regionCode: '16.73' } }))).id;
    finishedCase = (await mutate(bawaslu, REPORT, aLaporan({ summary: SUMMARY }))).id;
    await mutate(bawaslu, STUDY, aStudy(finishedCase, { R1: 'NO_VIOLATION', R2: 'NO_VIOLATION' }));
  });

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => expect(officers.flatMap((o) => o.problems)).toEqual([]));

  it('the PPK corrects its decree with a reason; the status follows the corrected decree and the history says so in Indonesian', async () => {
    const { page, words } = await officer('PPK', '16.73');
    await page.goto(`${netra.origin}/#/cases/${decreeCase}`);
    const form = await openStep(page, 'Koreksi SK pelaksanaan sanksi: Ahmad Fauzi');
    expect(await form.getByLabel('Nomor SK koreksi').inputValue()).toBe('800/101/KPTS/BKPSDM/2024');
    expect(await form.textContent()).toContain('SK yang berlaku: 800/101/KPTS/BKPSDM/2024, 14 Oktober 2024 10.00 WIB, Sanksi moral tertutup.');

    // Without a reason the API refuses, and says so under the reason.
    await form.getByLabel('Nomor SK koreksi').fill('800/245/KPTS/BKPSDM/2024');
    await form.getByLabel(/^Tanggal SK koreksi/).fill('2024-10-21T10:00');
    await form.getByLabel('Sanksi menurut SK koreksi').selectOption('MORAL_OPEN');
    await form.getByRole('button', { name: 'Simpan SK koreksi' }).click();
    const refused = form.locator('.field-invalid');
    await refused.waitFor();
    expect(await refused.locator('label').textContent()).toContain('Alasan koreksi');
    expect(await refused.locator('.field-error').textContent()).toBe('Wajib diisi.');
    expect((await serverCase(decreeCase)).respondents[0].decreeCorrection).toBeNull();
    await expectAccessible(page, 'the correction form refused for its reason');

    await form.getByLabel('Alasan koreksi').fill('SK sebelumnya keliru mencantumkan sanksi moral tertutup.');
    await form.getByRole('button', { name: 'Simpan SK koreksi' }).click();
    const track = page.getByRole('article', { name: 'Ahmad Fauzi' });
    await track.getByText('Koreksi SK').waitFor();
    const facts = await track.locator('.fact').allTextContents();
    expect(facts).toEqual(
      expect.arrayContaining([
        'SK pelaksanaan800/245/KPTS/BKPSDM/2024 — 21 Oktober 2024 10.00 WIB',
        `Sanksi yang dijatuhkan${L.SanctionKind.MORAL_OPEN}`,
        `Status tindak lanjut${L.FollowUpStatus.AS_RECOMMENDED}`,
        `Koreksi SKmenggantikan SK 800/101/KPTS/BKPSDM/2024; dikoreksi oleh ${L.Agency.PPK} (1 kali); alasan: SK sebelumnya keliru mencantumkan sanksi moral tertutup.`,
      ]),
    );
    const history = await page.locator('ol.timeline .timeline-detail').allTextContents();
    expect(history.at(-1)).toBe(
      `${L.Agency.PPK} mengoreksi SK untuk Ahmad Fauzi: 800/101/KPTS/BKPSDM/2024 (${L.SanctionKind.MORAL_CLOSED}) diganti 800/245/KPTS/BKPSDM/2024 (${L.SanctionKind.MORAL_OPEN}): ${L.FollowUpStatus.AS_RECOMMENDED}`,
    );
    expect((await serverCase(decreeCase)).respondents[0]).toMatchObject({
      decreeNumber: '800/245/KPTS/BKPSDM/2024',
      executedSanction: 'MORAL_OPEN',
      followUpStatus: 'AS_RECOMMENDED',
      decreeCorrection: { replacedDecreeNumber: '800/101/KPTS/BKPSDM/2024' },
    });
    await expectIndonesianOnly(page, words, 'the case page after a corrected decree');
    await screenshot(page, 'later-steps-1-corrected-decree');
  });

  it('Kemendagri reprimands the PPK that has not executed the other sanction, choosing only its own kind of escalation', async () => {
    const { page, words } = await officer('KEMENDAGRI', null);
    await page.goto(`${netra.origin}/#/cases/${decreeCase}`);
    const form = await openStep(page, 'Catat eskalasi: Dewi Anggraini');
    expect(await form.getByLabel('Jenis eskalasi').locator('option').allTextContents()).toEqual([L.EscalationKind.KEMENDAGRI_REPRIMAND]);
    await form.getByLabel('Nomor surat').fill('100.2.2/1234/OTDA');
    await form.getByLabel(/^Tanggal surat eskalasi/).fill('2026-12-01T09:00');
    await form.getByRole('button', { name: 'Simpan eskalasi' }).click();
    await page.getByRole('article', { name: 'Dewi Anggraini' }).getByText(`${L.EscalationKind.KEMENDAGRI_REPRIMAND}: 100.2.2/1234/OTDA — 1 Desember 2026 09.00 WIB`).waitFor();
    expect((await serverCase(decreeCase)).respondents[1].latestEscalation).toEqual({ kind: 'KEMENDAGRI_REPRIMAND', letterNumber: '100.2.2/1234/OTDA' });
    await expectIndonesianOnly(page, words, 'the case page after an escalation');
  });

  it('Bawaslu sees the due times counted into 2027 marked provisional, and extends one with its legal basis', async () => {
    const { page, words } = await officer('BAWASLU', '16.73');
    // The queue says so beside each due time.
    const provisional = 'sementara — kalender libur 2027 belum lengkap';
    await page.locator('.queue-item').first().waitFor();
    expect(await page.locator('.queue-item', { hasText: provisional }).count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Kalender libur' }).count()).toBe(0);

    await page.goto(`${netra.origin}/#/cases/${pemiluCase}`);
    const form = await openStep(page, 'Perpanjang tenggat Kajian: Ahmad Fauzi');
    expect(await page.locator('article.respondent', { hasText: provisional }).count()).toBe(2);
    expect(await folded(page, 'Perpanjang tenggat Kajian: Dewi Anggraini').count()).toBe(1);
    // An open case is under legal hold: a regional Bawaslu unit is offered no erasure.
    expect(await folded(page, 'Hapus data pribadi kasus ini').count()).toBe(0);

    await form.getByLabel(/^Tenggat baru/).fill('2027-01-10T10:00');
    await form.getByLabel('Dasar hukum perpanjangan').fill('UU 7/2017 Pasal 454: kajian diperpanjang untuk keterangan tambahan.');
    await form.getByRole('button', { name: 'Simpan perpanjangan' }).click();
    const error = form.locator('.field-invalid .field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Perpanjangan harus lebih lambat dari tenggat saat ini, 12 Januari 2027 23.59 WIB.');

    await form.getByLabel(/^Tenggat baru/).fill('2027-01-20T23:59');
    await form.getByRole('button', { name: 'Simpan perpanjangan' }).click();
    await page.locator('ol.timeline .timeline-detail', { hasText: 'memperpanjang tenggat' }).waitFor();
    expect(await page.locator('ol.timeline .timeline-detail', { hasText: 'memperpanjang tenggat' }).textContent()).toBe(
      'Bawaslu memperpanjang tenggat Kajian untuk Ahmad Fauzi dari 12 Januari 2027 23.59 WIB menjadi 20 Januari 2027 23.59 WIB',
    );
    const [r1, r2] = (await serverCase(pemiluCase)).respondents;
    expect(r1.dueAt).toBe(new Date('2027-01-20T23:59:00+07:00').toISOString());
    expect(r2.dueAtProvisional).toBe(true);
    await expectIndonesianOnly(page, words, 'the case page after an extension');
    await screenshot(page, 'later-steps-2-extended-deadline');
  });

  it('KemenPANRB publishes 2027 from the header link, typing days as dd/mm/yyyy; the list and the provisional due time follow', async () => {
    const { page, words } = await officer('KEMENPANRB', null);
    await page.getByRole('link', { name: 'Kalender libur' }).click();
    await page.getByRole('heading', { name: 'Kalender hari libur' }).waitFor();
    const row2027 = page.locator('tr[data-year="2027"]');
    expect(await row2027.textContent()).toContain('Sementara (belum diterbitkan)');
    expect(await row2027.textContent()).toContain('Berkas data Netra');
    await expectIndonesianOnly(page, words, 'the calendar page');
    // On a phone the years' table scrolls in its own box, and says so above it.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Geser tabel ke samping untuk melihat semua kolom.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'the calendar page on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByText('Geser tabel ke samping untuk melihat semua kolom.').waitFor({ state: 'detached' });

    await row2027.getByRole('button', { name: 'Terbitkan 2027' }).click();
    const form = stepForm(page, 'Terbitkan kalender libur 2027');
    await form.waitFor();
    const first = form.getByRole('group', { name: 'Hari libur 1' });
    expect(await first.getByLabel('Tanggal (hh/bb/tttt)').inputValue()).toBe('01/01/2027');
    expect(await first.textContent()).toContain('1 Januari 2027');

    await form.getByLabel('Status').selectOption('COMPLETE');
    await form.getByLabel('Dasar hukum (nomor SKB)').fill('SKB UJI/2026 (data uji, bukan SKB sebenarnya)');
    await form.getByLabel('Tanggal ditandatangani (hh/bb/tttt)').fill('01/12/2026');
    await form.getByLabel('Sumber tanggal').fill('Data uji');
    await form.getByRole('button', { name: 'Tambah hari libur' }).click();
    const leave = form.getByRole('group', { name: 'Hari libur 6' });
    await leave.getByLabel('Tanggal (hh/bb/tttt)').fill('31/02/2027');
    await leave.getByLabel('Jenis').selectOption('COLLECTIVE_LEAVE');
    await leave.getByLabel('Nama').fill('Cuti bersama Tahun Baru (uji)');
    await form.getByRole('button', { name: 'Tambah hari libur' }).click();
    const voting = form.getByRole('group', { name: 'Hari libur 7' });
    await voting.getByLabel('Tanggal (hh/bb/tttt)').fill('10/03/2027');
    await voting.getByLabel('Jenis').selectOption('ELECTION_DAY');
    await voting.getByLabel('Nama').fill('Hari pemungutan suara (uji)');

    // No real day: refused at the field before anything is sent.
    await form.getByRole('button', { name: 'Terbitkan kalender 2027' }).click();
    await leave.locator('.field-error').waitFor();
    expect(await leave.locator('.field-error').textContent()).toBe('Tanggal harus hari yang ada, ditulis hh/bb/tttt, mis. 17/08/2027.');
    const before = (await (await netra.client('KEMENPANRB', null)).request<{ holidayCalendar: Array<{ year: number; status: string }> }>(CALENDAR)).holidayCalendar;
    expect(before.find((y) => y.year === 2027)?.status).toBe('PROVISIONAL');
    await expectIndonesianOnly(page, words, 'the calendar form with a day refused');
    await expectAccessible(page, 'the calendar form with a day refused');

    await leave.getByLabel('Tanggal (hh/bb/tttt)').fill('05/01/2027');
    expect(await leave.textContent()).toContain('5 Januari 2027');
    // A real day outside the year: the API refuses it, and its words stand under that day, the day as officers write it.
    await voting.getByLabel('Tanggal (hh/bb/tttt)').fill('10/03/2028');
    await form.getByRole('button', { name: 'Terbitkan kalender 2027' }).click();
    await voting.locator('.field-error').waitFor();
    expect(await voting.locator('.field-error').textContent()).toBe('Tanggal 10 Maret 2028 tidak berada pada tahun 2027.');
    expect(await leave.locator('.field-error').count()).toBe(0);
    await expectIndonesianOnly(page, words, 'the calendar form refused by the API');
    await voting.getByLabel('Tanggal (hh/bb/tttt)').fill('10/03/2027');
    await form.getByRole('button', { name: 'Terbitkan kalender 2027' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Kalender 2027 diterbitkan' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/^Kalender 2027 diterbitkan: [1-9]\d* tenggat dihitung ulang, 0 catatan keterlambatan dicabut\.$/);
    await page.locator('tr[data-year="2027"][data-status="COMPLETE"]').waitFor();
    const published = await page.locator('tr[data-year="2027"]').textContent();
    expect(published).toContain('Lengkap');
    expect(published).toContain('Diterbitkan KemenPANRB, 18 Desember 2026 10.00 WIB');
    expect(published).toContain('SKB UJI/2026 (data uji, bukan SKB sebenarnya)');
    expect(published).toContain('5 libur nasional, 1 cuti bersama, 1 hari pemungutan suara');

    await page.locator('tr[data-year="2027"]').getByRole('button', { name: 'Lihat hari libur 2027' }).click();
    const days = await page.locator('ul.holiday-list li').allTextContents();
    expect(days).toContain('5 Januari 2027 — Cuti bersama Tahun Baru (uji) (cuti bersama)');
    expect(days).toContain('10 Maret 2027 — Hari pemungutan suara (uji) (hari pemungutan suara)');

    const year = (await (await netra.client('KEMENPANRB', null)).request<{ holidayCalendar: Array<{ year: number; status: string; publishedBy: string; legalBasis: { signedAt: string }; holidays: Array<{ date: string; kind: string }> }> }>(CALENDAR)).holidayCalendar.find((y) => y.year === 2027);
    expect(year).toMatchObject({ status: 'COMPLETE', publishedBy: 'KEMENPANRB', legalBasis: { signedAt: '2026-12-01' } });
    expect(year?.holidays).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2027-01-05', kind: 'COLLECTIVE_LEAVE' }), expect.objectContaining({ date: '2027-03-10', kind: 'ELECTION_DAY' })]));
    await screenshot(page, 'later-steps-3-calendar-published');

    // Back on the case: the study due time is no longer provisional, and the history says why.
    const bawaslu = await officer('BAWASLU', '16.73');
    await bawaslu.page.goto(`${netra.origin}/#/cases/${pemiluCase}`);
    const dewi = bawaslu.page.getByRole('article', { name: 'Dewi Anggraini' });
    await bawaslu.page.locator('ol.timeline').waitFor();
    await reloadUntil(bawaslu.page, async () => (await bawaslu.page.locator('.timeline-detail', { hasText: 'dihitung ulang' }).count()) > 0);
    expect(await dewi.textContent()).not.toContain('sementara');
    expect(await bawaslu.page.locator('.timeline-detail', { hasText: 'dihitung ulang' }).textContent()).toMatch(
      /^Tenggat Kajian untuk Dewi Anggraini dihitung ulang dari 12 Januari 2027 23\.59 WIB menjadi 13 Januari 2027 23\.59 WIB: kalender libur 2027 diterbitkan$/,
    );
    expect((await serverCase(pemiluCase)).respondents[1].dueAtProvisional).toBe(false);
    await expectIndonesianOnly(bawaslu.page, bawaslu.words, 'the case page after the calendar was published');
  });

  it('Bawaslu erases the personal data of a finished case only after ticking that it understands, with the reason', async () => {
    const { page, words } = await officer('BAWASLU', '16.73');
    await page.goto(`${netra.origin}/#/cases/${finishedCase}`);
    const form = await openStep(page, 'Hapus data pribadi kasus ini');
    expect(await form.textContent()).toContain('Yang berwenang: Bawaslu unit penanganan (atau unit di atasnya) untuk kasus yang sudah selesai');
    await form.getByLabel('Alasan penghapusan').fill('Permintaan subjek data berdasarkan UU 27/2022.');
    await form.getByRole('button', { name: 'Hapus data pribadi secara permanen' }).click();
    const unticked = form.locator('.field-invalid .field-error');
    await unticked.waitFor();
    expect(await unticked.textContent()).toBe('Centang pernyataan ini untuk menghapus.');
    const confirm = form.getByRole('checkbox', { name: /dihapus permanen dan tidak dapat dipulihkan/ });
    expect(await confirm.evaluate((box) => box === document.activeElement)).toBe(true);
    expect((await serverCase(finishedCase)).personalDataErasedAt).toBeNull();
    await expectAccessible(page, 'the erasure form refused for its confirmation');

    await confirm.check();
    await form.getByRole('button', { name: 'Hapus data pribadi secara permanen' }).click();
    await page.getByText('Identitas pelapor telah dihapus (UU 27/2022).').waitFor();
    expect(await page.locator('article.respondent h3').allTextContents()).toEqual(['[dihapus]', '[dihapus]']);
    expect(await page.locator('ol.timeline .timeline-detail').last().textContent()).toBe('Data pribadi dihapus: identitas pelapor dan nomor identitas terlapor dimusnahkan');
    expect(await folded(page, 'Hapus data pribadi kasus ini').count()).toBe(0);
    const erased = await serverCase(finishedCase);
    expect(erased.personalDataErasedAt).not.toBeNull();
    expect(erased.reporter).toBeNull();
    await expectIndonesianOnly(page, words, 'the case page after the erasure');
    await screenshot(page, 'later-steps-4-erased');
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { AccessAudit } from '../../src/audit/access-audit';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { InboxService } from '../../src/inbox/inbox.service';
import { aClearance, aRecommendation, aStudy, DECIDE, mutate, RECOMMEND, REPORT, STUDY } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { expectIndonesianOnly, listenToServer } from './indonesian-only';
import { expectNoAxeViolations, launchChromium, openConsole, screenshot, signInAsDeveloper, type ConsolePage } from './browser';

const REPORTED = 21;

/**
 * Issue 19 (inbox): what reached a unit, in the console. Bawaslu Lubuk Linggau reports 21 cases
 * (21 "case received" lines, one more than a page) and BKN clears a respondent of the first (a
 * 22nd line, newest, with the letter number); a Bawaslu officer reads them in Chromium.
 */
describe('console: the inbox', () => {
  let netra: RunningNetra;
  let browser: Browser;
  let officer: ConsolePage;
  let serverWords = new Set<string>();
  const lines = () => officer.page.getByRole('list', { name: /^(Isi kotak masuk|Inbox lines)$/ }).getByRole('listitem');
  const headerCount = () => officer.page.getByRole('navigation').locator('.nav-count');
  /** Respondents' names the console read through the inbox, as the access audit recorded them. */
  const inboxReads = async () => {
    const audit = netra.app.get(AccessAudit);
    await audit.flush();
    return (await audit.list({ agency: 'BAWASLU' }, 100, null)).records.filter((r) => r.via === 'graphql:inbox');
  };

  beforeAll(async () => {
    [netra, browser] = await Promise.all([startTestNetra(), launchChromium()]);
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const ids: string[] = [];
    for (let i = 0; i < REPORTED; i++) ids.push((await mutate(bawaslu, REPORT, aLaporan())).id);
    await mutate(bawaslu, STUDY, aStudy(ids[0], { R1: 'VIOLATION', R2: 'NO_VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(ids[0], ['R1']));
    await mutate(await netra.client('BKN'), DECIDE, aClearance(ids[0], 'R1'));
    await netra.app.get(InboxService).projection.waitFor(await netra.app.get<EventStore>(EVENT_STORE).headPosition(), 10_000);
    officer = await openConsole(browser, netra.origin);
    serverWords = listenToServer(officer.page);
    await signInAsDeveloper(officer.page, 'BAWASLU', '16.73');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await netra?.close();
  });

  afterEach(() => expect(officer.problems).toEqual([]));

  it('in Indonesian: the header counts the unread lines; the page lists them newest first, each marked unread, in words and local time', async () => {
    const { page } = officer;
    expect(await headerCount().textContent()).toBe('22');
    // The header's count reads no line, so it records no name read.
    expect(await inboxReads()).toEqual([]);
    await page.getByRole('link', { name: 'Kotak masuk (22 belum dibaca)' }).click();
    await page.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
    await page.getByText('Menampilkan 20 dari 22 baris, terbaru lebih dulu; 22 belum dibaca.').waitFor();
    expect(await lines().count()).toBe(20);
    expect((await inboxReads()).length).toBeGreaterThan(0);

    const newest = lines().first();
    const text = (await newest.textContent())?.replace(/\s+/g, ' ');
    // The clearance (7 Oct 2024 10.00 WIB) first, then the cases received (26 Sep 2024 09.00 WIB), as officers write dates.
    expect(text).toMatch(/^Terlapor dibebaskan KASN\/BKN.+?Belum dibaca07\/10\/2024 10\.00 WIBTerlapor: Ahmad Fauzisurat B-1445\/JP\.01\/10\/2024\/R1Tandai sudah dibaca/);
    expect((await lines().nth(1).textContent())?.replace(/\s+/g, ' ')).toMatch(/^Kasus masuk.+?Belum dibaca26\/09\/2024 09\.00 WIBTerlapor: Ahmad Fauzi, Dewi AnggrainiTandai sudah dibaca/);
    expect(await page.locator('.inbox-item.unread').count()).toBe(20);

    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await page.getByText('Menampilkan 22 dari 22 baris, terbaru lebih dulu; 22 belum dibaca.').waitFor();
    expect(await lines().count()).toBe(22);
    expect(await page.getByRole('button', { name: 'Muat lebih banyak' }).count()).toBe(0);

    await expectIndonesianOnly(page, serverWords, 'the inbox');
    await expectNoAxeViolations(page, 'the inbox');
    await screenshot(page, 'inbox-1-unread');
    if (process.env.UPDATE_README_SCREENSHOTS) {
      const target = join(__dirname, 'readme-screenshots');
      mkdirSync(target, { recursive: true });
      await page.setViewportSize({ width: 1000, height: 640 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(target, 'inbox.png') });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page, 'the inbox on a phone');
    await screenshot(page, 'inbox-1-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('in Indonesian: "mark as read" and opening a case mark the line read, for good, and the count drops', async () => {
    const { page } = officer;
    const newest = lines().first();
    const register = (await newest.locator('.queue-case').textContent())!;
    await newest.getByRole('button', { name: `Tandai sudah dibaca: Terlapor dibebaskan KASN/BKN — ${register}` }).click();
    await page.getByRole('status').getByText(`Ditandai sudah dibaca: Terlapor dibebaskan KASN/BKN — ${register}.`).waitFor();
    await page.getByText('Menampilkan 22 dari 22 baris, terbaru lebih dulu; 21 belum dibaca.').waitFor();
    expect(await newest.getByText('Belum dibaca').count()).toBe(0);
    await newest.getByText(/^dibaca \d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WIB$/).waitFor();
    await page.getByRole('link', { name: 'Kotak masuk (21 belum dibaca)' }).waitFor();

    // Opening the next line's case reads it.
    const second = lines().nth(1);
    const secondRegister = (await second.locator('.queue-case').textContent())!;
    await second.getByRole('link').click();
    await page.getByRole('heading', { name: `Kasus ${secondRegister}` }).waitFor();
    await page.getByRole('link', { name: 'Kotak masuk (20 belum dibaca)' }).waitFor();

    // Kept by the server: a reload, then only the unread.
    await page.goto(`${netra.origin}/#/inbox`);
    await page.reload();
    await page.getByText('Menampilkan 20 dari 22 baris, terbaru lebih dulu; 20 belum dibaca.').waitFor();
    expect(await page.locator('.inbox-item.unread').count()).toBe(18);
    await page.getByLabel('Hanya yang belum dibaca').check();
    await page.getByText('Menampilkan 20 dari 20 baris, terbaru lebih dulu; 20 belum dibaca.').waitFor();
    const shown = await lines().locator('.queue-case').allTextContents();
    // The clearance's case stays, by its own unread "case received" line; the clearance does not.
    expect(shown).toContain(register);
    expect(await lines().locator('.queue-name').allTextContents()).not.toContain('Terlapor dibebaskan KASN/BKN');
    expect(shown).not.toContain(secondRegister);
    expect(await page.locator('.inbox-item.unread').count()).toBe(20);
    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).waitFor();
    await expectIndonesianOnly(page, serverWords, 'the inbox, only unread');
    await expectNoAxeViolations(page, 'the inbox, only unread');
  });

  it('in English: the same lines in English words', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByLabel('Only unread').uncheck();
    await page.getByText('Showing 20 of 22 lines, newest first; 20 unread.').waitFor();
    expect((await lines().first().textContent())?.replace(/\s+/g, ' ')).toMatch(/^Respondent cleared by KASN\/BKN.+?07\/10\/2024 10:00 WIBRespondents: Ahmad Fauziletter B-1445\/JP\.01\/10\/2024\/R1read \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} WIB$/);
    expect((await lines().nth(2).textContent())?.replace(/\s+/g, ' ')).toMatch(/^Case received.+?Unread26\/09\/2024 09:00 WIBRespondents: Ahmad Fauzi, Dewi AnggrainiMark as read/);
    await page.getByRole('link', { name: 'Inbox (20 unread)' }).waitFor();
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    await expectNoAxeViolations(page, 'the inbox in English');
    await screenshot(page, 'inbox-2-english');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });

  it('"mark all as read" (English, then Indonesian) marks every line shown and up to it, never one that arrived after the page was shown', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${netra.origin}/#/inbox`);
    await page.getByText('Showing 20 of 22 lines, newest first; 20 unread.').waitFor();
    // A case reported after the page was shown: its line is newer than anything on it.
    const late = await mutate(await netra.client('BAWASLU', '16.73'), REPORT, aLaporan());
    await netra.app.get(InboxService).projection.waitFor(await netra.app.get<EventStore>(EVENT_STORE).headPosition(), 10_000);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('status').getByText('20 lines marked as read.').waitFor();
    expect(await page.locator('.inbox-item.unread').count()).toBe(0);
    await page.getByRole('link', { name: 'Inbox (1 unread)' }).waitFor();
    await expectNoAxeViolations(page, 'the inbox, all marked read, in English');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.reload();
    await page.getByText('Menampilkan 20 dari 23 baris, terbaru lebih dulu; 1 belum dibaca.').waitFor();
    const newest = lines().first();
    expect(await newest.locator('.queue-case').textContent()).toBe(late.registerNumber);
    await newest.getByText('Belum dibaca').waitFor();
    expect(await page.locator('.inbox-item.unread').count()).toBe(1);
    await expectIndonesianOnly(page, serverWords, 'the inbox after marking all read');
    await expectNoAxeViolations(page, 'the inbox after marking all read');
    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await page.getByRole('status').getByText('1 baris ditandai sudah dibaca.').waitFor();
    await page.getByRole('link', { name: 'Kotak masuk', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'the inbox, all read, on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

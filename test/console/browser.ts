import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (CI installs it with apt); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Headless chromium without the services that call home (sync, component updates, QUIC probes),
 * so a test run makes no network request but to Netra. Playwright gives every launch a fresh
 * temporary user-data directory, deleted on close.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors (a CSP violation shows up here). */
  problems: string[];
}

/**
 * A new browser context, so each officer has a session storage of their own. The browser's own
 * time zone is Berlin on purpose: the console must show times in the case's zone, not the device's.
 */
export async function openConsole(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 900 }): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Europe/Berlin' });
  // Fail in seconds, not after Jest's minute: every step here answers in well under a second.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${baseUrl}/`);
  return { context, page, problems };
}

/** The development sign-in form, as an officer fills it in. */
export async function signInAsDeveloper(page: Page, agency: string, region: string | null): Promise<void> {
  await page.getByLabel('Instansi').selectOption(agency);
  if (region) await page.getByLabel('Wilayah (kode Kemendagri)').fill(region);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  // Oversight, on whom nothing ever waits, lands on the case list.
  await page.getByRole('heading', { name: agency === 'OVERSIGHT' ? 'Daftar kasus' : 'Menunggu tindakan Anda' }).waitFor();
}

/** axe-core run inside the page; fails on serious and critical violations only. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // evaluate() runs outside the page's CSP, which (rightly) refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) throw new Error(`accessibility violations on ${where}:\n${JSON.stringify(blocking, null, 2)}`);
}

/** A full-page screenshot kept as a CI artifact (test-artifacts/screenshots). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The form (role=form, named by its heading) holding one step. */
export const stepForm = (page: Page, title: string | RegExp) => page.getByRole('form', { name: title });

/** axe-core with no violation at all, whatever its impact (expectAccessible fails on serious and critical ones only). */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ where, violations }).toEqual({ where, violations: [] });
}

import type { Page } from 'playwright-core';
import { LABELS_ID } from '../../src/case/case-vocabulary-id';

/**
 * The Indonesian-only check every console suite in Indonesian uses (indonesian.e2e-spec.ts first): no sentence the server sent
 * in English (error messages, history descriptions), no English function word, no raw enum code.
 */
const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL_SERVER_ERROR'];
const CALENDAR_CODES = ['COMPLETE', 'PROVISIONAL', 'NATIONAL', 'COLLECTIVE_LEAVE', 'ELECTION_DAY'];
const RAW_CODES = new Set([
  ...ERROR_CODES,
  ...CALENDAR_CODES,
  ...Object.values(LABELS_ID).flatMap((set) => Object.entries(set as Record<string, string>).filter(([code, words]) => !words.includes(code)).map(([code]) => code)),
]);
const ENGLISH = /\b(the|must|is|was|not|before|after|for|by|recommended|executed|completed|received|respondent|version|published|erased|holiday|deadline|decree)\b/i;

async function textsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    document.querySelectorAll('[aria-label], [title], [placeholder]').forEach((el) => {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    });
    return texts;
  });
}

/** Every English sentence the API answered (error messages and the history's descriptions), collected as the page runs. */
export function listenToServer(page: Page): Set<string> {
  const words = new Set<string>();
  page.on('response', async (response) => {
    if (!response.url().endsWith('/graphql')) return;
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string }>; data?: unknown } | null;
    for (const error of body?.errors ?? []) {
      words.add(error.message);
      words.add(error.message.replace(/^[\w.[\]]+: /, ''));
    }
    JSON.stringify(body?.data ?? null, (key, value) => {
      if (key === 'description' && typeof value === 'string') words.add(value);
      return value;
    });
  });
  return words;
}

export async function expectIndonesianOnly(page: Page, serverWords: Set<string>, where: string): Promise<void> {
  const problems = (await textsOf(page)).flatMap((text) => {
    const found: string[] = [];
    for (const sentence of serverWords) if (sentence.length > 12 && text.includes(sentence)) found.push(`server English "${sentence}"`);
    if (ENGLISH.test(text)) found.push('English words');
    for (const token of text.match(/[A-Z][A-Z0-9_]{2,}/g) ?? []) if (RAW_CODES.has(token)) found.push(`raw code ${token}`);
    return found.map((problem) => `${problem} in: ${text}`);
  });
  expect({ where, problems }).toEqual({ where, problems: [] });
}

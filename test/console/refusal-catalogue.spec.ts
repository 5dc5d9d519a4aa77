import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { LABELS_ID } from '../../src/case/case-vocabulary-id';
import { REFUSALS } from '../../src/case/refusal-keys';
import { PLACEHOLDER_FORMATS, placeholders, wordRefusal, type RefusalCatalogue } from '../../src/words/refusal-words';
import { REFUSALS_EN } from '../../src/words/refusals-en';
import { REFUSALS_ID } from '../../src/words/refusals-id';
import { WITA } from '../../src/words/zones';

const SRC = join(__dirname, '../../src');

/** Where each refusal helper takes its message key (src/case/case-error.ts), by argument index. */
const KEY_ARGUMENT: Record<string, number> = { badInput: 2, forbidden: 1, notFound: 1, invalidTransition: 1, conflict: 1, CaseError: 4, refusal: 0 };

function serverFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return relative(SRC, path) === join('console', 'web') ? [] : serverFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every message key the server's source raises, read from the source itself: the key argument of
 * each refusal helper and `new CaseError(…)` (its code where it gives no key), and the keys a
 * helper returns for its caller to raise (the `[message, key]` pairs of the text-safety pipe).
 */
function keysRaisedInSource(): Map<string, string[]> {
  const raised = new Map<string, string[]>();
  const add = (key: string, where: string) => raised.set(key, [...(raised.get(key) ?? []), where]);
  for (const file of serverFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text in KEY_ARGUMENT) {
        const args = node.arguments ?? ts.factory.createNodeArray();
        const key = args[KEY_ARGUMENT[node.expression.text]];
        if (key && ts.isStringLiteral(key)) add(key.text, where(node));
        else if (!key && node.expression.text === 'CaseError' && args[0] && ts.isStringLiteral(args[0])) add(args[0].text, where(node));
      }
      if (ts.isArrayLiteralExpression(node) && node.elements.length === 2 && node.elements.every(ts.isStringLiteral) && (node.elements[1] as ts.StringLiteral).text in REFUSALS) {
        add((node.elements[1] as ts.StringLiteral).text, where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return raised;
}

const raised = keysRaisedInSource();
const everyKey = [...new Set([...raised.keys(), ...Object.keys(REFUSALS)])].sort();

describe('the refusals the console words', () => {
  it('finds the keys in the server source (the registry is no list kept by hand beside it)', () => {
    expect(raised.size).toBeGreaterThan(100);
    expect(raised.get('nip.length')).toEqual([expect.stringMatching(/^case\/validation\/nip\.ts:\d+$/)]);
    // Every key raised is declared with its parameters, and every declared key is raised somewhere.
    expect([...raised.keys()].filter((key) => !(key in REFUSALS))).toEqual([]);
    expect(Object.keys(REFUSALS).filter((key) => !raised.has(key) && !/^[A-Z_]+$/.test(key))).toEqual([]);
  });

  describe.each([
    ['Indonesian', REFUSALS_ID],
    ['English', REFUSALS_EN],
  ] as Array<[string, RefusalCatalogue]>)('in %s', (_language, catalogue) => {
    it('has a sentence for every key the server can return', () => {
      const words = catalogue as Record<string, string | undefined>;
      expect(everyKey.filter((key) => !words[key]?.trim())).toEqual([]);
    });

    it('fills each sentence only from parameters the server sends with that key, in formats it knows', () => {
      const problems = Object.entries(catalogue).flatMap(([key, sentence]) =>
        placeholders(sentence)
          .filter(([name, format]) => !(REFUSALS[key as keyof typeof REFUSALS] as readonly string[]).includes(name) || (format !== undefined && !(PLACEHOLDER_FORMATS as readonly string[]).includes(format) && !(format in LABELS_ID)))
          .map(([name, format]) => `${key}: {${name}${format ? `:${format}` : ''}}`),
      );
      expect(problems).toEqual([]);
    });
  });

  it('writes the NIP refusal in Indonesian from its parameters, not from the English message', () => {
    const refusal = { code: 'BAD_USER_INPUT', key: 'nip.length', params: { expected: 18, length: 17, digits: 17 }, message: 'NIP must be exactly 18 digits (got 17 characters, 17 of them digits)' };
    expect(wordRefusal(refusal, { lang: 'id', zone: WITA })).toBe('NIP harus tepat 18 digit (terisi 17 karakter, 17 di antaranya angka).');
    expect(wordRefusal(refusal, { lang: 'en', zone: WITA })).toBe('A NIP is exactly 18 digits (got 17 characters, 17 of them digits).');
  });

  it('writes dates in the case’s zone, codes as words and respondents by name', () => {
    const before = { code: 'BAD_USER_INPUT', key: 'date.beforeOther', params: { otherField: 'decidedAt', at: '2024-10-01T02:00:00.000Z', other: '2024-10-02T02:00:00.000Z' }, message: '' };
    expect(wordRefusal(before, { lang: 'id', zone: WITA })).toBe('Tidak boleh sebelum tanggal keputusan: 1 Oktober 2024 10.00 WITA lebih awal dari 2 Oktober 2024 10.00 WITA.');
    const stage = { code: 'INVALID_TRANSITION', key: 'stage.respondent', params: { operation: 'decideSanction', respondentId: 'R2', stage: 'STUDIED', needed: 'RECOMMENDED' }, message: '' };
    expect(wordRefusal(stage, { lang: 'id', zone: WITA, respondentName: () => 'Siti Aminah' })).toBe(
      'Tidak dapat memutuskan sanksi: terlapor Siti Aminah berada pada tahap Dikaji; langkah ini memerlukan tahap Direkomendasikan.',
    );
    const agency = { code: 'FORBIDDEN', key: 'access.agency', params: { agency: 'PPK', operation: 'decideSanction', allowed: 'KASN,BKN' }, message: '' };
    expect(wordRefusal(agency, { lang: 'en', zone: WITA })).toBe('PPK (personnel authority) may not decide a sanction; only KASN or BKN.');
  });

  it('never shows the server’s English in Indonesian, even for a key it does not know', () => {
    const unknown = { code: 'FORBIDDEN', key: 'someday.newRule', params: {}, message: 'BKN may not do this new thing' };
    expect(wordRefusal(unknown, { lang: 'id', zone: WITA })).toBe(REFUSALS_ID.FORBIDDEN);
    expect(wordRefusal(unknown, { lang: 'en', zone: WITA })).toBe('BKN may not do this new thing');
  });
});

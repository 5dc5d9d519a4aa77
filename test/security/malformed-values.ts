import fc from 'fast-check';
import { regionName } from '../../src/case/validation/regions';

/**
 * Values that are wrong for a kind of field, each with the codes a correct Netra may answer for it.
 * Every value here is invalid by construction: none can make a mutation succeed.
 */

export type Code = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'GRAPHQL_VALIDATION_FAILED' | 'INVALID_TRANSITION' | 'FORBIDDEN';
export interface Bad {
  value: unknown;
  codes: Code[];
  shape: string;
}

export type Kind =
  | { type: 'text'; max: number; optional?: boolean }
  | { type: 'date'; earlyIsValid?: boolean; futureIsValid?: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'enumList'; values: readonly string[]; minimum: number }
  | { type: 'region'; optional?: boolean }
  | { type: 'nip' }
  | { type: 'caseId' }
  | { type: 'respondentId' }
  | { type: 'respondentIds' }
  | { type: 'year' }
  | { type: 'boolean' }
  | { type: 'commandId' }
  | { type: 'expectedVersion' }
  | { type: 'object' }
  | { type: 'objectList'; minimum: number; maximum: number; item: unknown };

const BAD: Code[] = ['BAD_USER_INPUT'];
const bad = (shape: string, codes: Code[] = BAD) => (value: unknown): Bad => ({ value, codes, shape });

/** Control characters Netra refuses in text (tab and line breaks are allowed). */
const CONTROL = fc.constantFrom(...'\u0000\u0001\u0007\u0008\u000B\u000C\u000E\u001B\u001F\u007F'.split(''));
const LONE_SURROGATE = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF');
/** Bidirectional controls that make a name read differently from what it holds (Trojan Source). */
export const BIDI_CONTROL = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
/** NUL, a lone surrogate or a bidi control: refused in every string argument on every path. */
export const UNSAFE_CHARACTER = fc.oneof(fc.constant('\u0000'), LONE_SURROGATE, BIDI_CONTROL);
/** Printable text around an unsafe character. */
export const UNSAFE_TEXT = fc
  .tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), UNSAFE_CHARACTER, fc.string({ unit: 'grapheme-ascii', maxLength: 12 }))
  .map(([a, b, c]) => `${a}${b}${c}`);
/** Any code points, lone surrogates included. */
const ANY_TEXT = fc.string({ unit: 'binary', maxLength: 40 });

/** `inside` between two arbitrary texts, fenced so that it cannot pair up with a neighbouring surrogate. */
const withInside = (inside: fc.Arbitrary<string>) =>
  fc.tuple(ANY_TEXT, inside, ANY_TEXT).map(([a, b, c]) => `${a}|${b}|${c}`);

/** Garbage of a JSON type a string field does not take (a number is a valid ID, so not for IDs). */
const NOT_A_STRING = fc.oneof(
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.array(fc.oneof(fc.integer(), fc.boolean()), { minLength: 1, maxLength: 3 }),
);
const ANY_NUMBER = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31) - 1));

function invalidText(max: number, optional: boolean): fc.Arbitrary<Bad> {
  return fc.oneof(
    withInside(CONTROL).map(bad('text with a control character')),
    withInside(LONE_SURROGATE).map(bad('text with a lone surrogate')),
    withInside(BIDI_CONTROL).map(bad('text with a bidi control')),
    fc.integer({ min: max + 1, max: max + 50 }).map((n) => bad('text over its length')('ü'.repeat(n))),
    ...(optional ? [] : [fc.constantFrom('', ' ', '\t\n ', '\u00a0').map(bad('empty text'))]),
    fc.oneof(NOT_A_STRING, ANY_NUMBER).map(bad('text of the wrong type')),
  );
}

const MALFORMED_DATES = [
  '2024-02-30',
  '2023-02-29T10:00:00+07:00',
  '2024-09-31T10:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-09-28T25:00:00Z',
  '2024-09-28T10:00:00',
  '2024-09-28 10:00',
  '28/09/2024',
  '28-09-2024',
  'kemarin',
  'now',
  'Infinity',
  '',
  ' ',
  '+275760-09-13T00:00:00Z',
  '2024-09-28T10:00:00+25:00',
  '0000-00-00',
];

function invalidDate(kind: { earlyIsValid?: boolean; futureIsValid?: boolean }): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.constantFrom(...MALFORMED_DATES).map(bad('a malformed or impossible date')),
    withInside(fc.constantFrom('x', '\u0000', '\uD800')).map(bad('a date that is not one')),
    fc.oneof(NOT_A_STRING, ANY_NUMBER).map(bad('a date of the wrong type')),
    fc.constantFrom('2024-09-28T10:00:00+07:00').map((d) => bad('a date wrapped in a list')([d])),
    ...(kind.futureIsValid ? [] : [fc.integer({ min: 2030, max: 9999 }).map((y) => bad('a date in the future')(`${y}-01-01T00:00:00Z`))]),
    ...(kind.earlyIsValid ? [] : [fc.integer({ min: 1900, max: 2003 }).map((y) => bad('a date before the step it follows')(`${y}-06-01T00:00:00+07:00`))]),
  );
}

function invalidEnum(values: readonly string[]): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.constantFrom(...values).map((v) => bad('an enum value in the wrong case')(v.toLowerCase())),
    fc.constantFrom(...values).map((v) => bad('an enum value with padding')(` ${v}`)),
    ANY_TEXT.filter((s) => !values.includes(s)).map(bad('not an enum value')),
    fc.oneof(NOT_A_STRING, ANY_NUMBER).map(bad('an enum of the wrong type')),
  );
}

const REGION_SHAPE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

function invalidRegion(optional: boolean): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.constantFrom('1673', '16-73', '16 73', '16.', '.16', '16..73', '16.7', '1.6', 'SS', 'xx', '16.73.', '١٦').map(bad('a malformed region code')),
    fc.oneof(
      fc.stringMatching(/^\d{2}$/),
      fc.stringMatching(/^\d{2}\.\d{2}$/),
      fc.stringMatching(/^\d{2}\.\d{2}\.\d{2}$/),
    )
      .filter((code) => regionName(code) === undefined)
      .map(bad('an unknown region code')),
    ANY_TEXT.filter((s) => s.trim() !== '' && !REGION_SHAPE.test(s.trim())).map(bad('text that is no region code')),
    ...(optional ? [] : [fc.constantFrom('', '  ').map(bad('an empty region code'))]),
    fc.oneof(NOT_A_STRING, ANY_NUMBER).map(bad('a region code of the wrong type')),
  );
}

function invalidNip(): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.stringMatching(/^\d{1,17}$/).map(bad('a NIP too short')),
    fc.stringMatching(/^\d{19,24}$/).map(bad('a NIP too long')),
    fc.constantFrom('198503302010121002'.replace(/(\d{8})(\d{6})(\d)(\d{3})/, '$1 $2 $3 $4'), '19850330.201012.1.002', '19850330-201012-1-002').map(bad('a NIP with separators')),
    fc.constantFrom('198513302010121002', '198502302010121002', '185003302010121002', '198503302010131002', '198503302010123002', '198503302000121002').map(bad('a NIP naming an impossible person')),
    withInside(fc.constantFrom('a', 'O', '\u0000', '\uD800')).map(bad('a NIP with letters')),
    fc.oneof(NOT_A_STRING, ANY_NUMBER).map(bad('a NIP of the wrong type')),
  );
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidCaseId(): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.uuid().map(bad('an unknown case id', ['NOT_FOUND'])),
    ANY_TEXT.filter((s) => !UUID_SHAPE.test(s)).map(bad('a case id that is no UUID')),
    fc.tuple(fc.uuid(), UNSAFE_CHARACTER).map(([id, c]) => bad('a case id with NUL, a surrogate or a bidi control')(`${id}${c}`)),
    fc.integer().map(bad('a case id that is a number')),
    fc.oneof(NOT_A_STRING.filter((v) => !Array.isArray(v)), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n))).map(bad('a case id of the wrong type')),
  );
}

function invalidRespondentId(): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.constantFrom('R0', 'R9', 'R10', 'r1', 'R-1', 'R1 2').map(bad('an unknown respondent', ['NOT_FOUND'])),
    fc.integer().map(bad('a respondent id that is a number', ['NOT_FOUND'])),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/^R[12]$/.test(s.trim())).map(bad('an unknown respondent', ['NOT_FOUND'])),
    fc.oneof(withInside(CONTROL), withInside(LONE_SURROGATE), fc.constantFrom('', '  ', 'R'.repeat(41))).map(bad('a respondent id that is no text')),
    NOT_A_STRING.filter((v) => !Array.isArray(v)).map(bad('a respondent id of the wrong type')),
  );
}

function invalidYear(): fc.Arbitrary<Bad> {
  return fc.oneof(
    fc.oneof(fc.integer({ min: -(2 ** 31), max: 2003 }), fc.integer({ min: 2101, max: 2 ** 31 - 1 })).map(bad('a year out of range')),
    fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e308, 2024.5, 2 ** 53).map(bad('a number that is no Int')),
    fc.constantFrom('2024', '', null).map(bad('a year of the wrong type')),
    NOT_A_STRING.map(bad('a year of the wrong type')),
  );
}

/** Deep, wide or odd objects where a field or an input object belongs. */
export const NESTED_GARBAGE: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), tie('node'), { maxKeys: 4 }),
    fc.array(tie('node'), { maxLength: 4 }),
  ),
})).node;

export function invalidValue(kind: Kind): fc.Arbitrary<Bad> {
  switch (kind.type) {
    case 'text':
      return invalidText(kind.max, kind.optional ?? false);
    case 'date':
      return invalidDate(kind);
    case 'enum':
      return invalidEnum(kind.values);
    case 'enumList':
      return fc.oneof(
        invalidEnum(kind.values).map((b) => ({ ...b, value: [kind.values[0], b.value], shape: `a list with ${b.shape}` })),
        ...(kind.minimum > 0 ? [fc.constant(bad('an empty list')([]))] : []),
        fc.constantFrom(...kind.values).map((v) => bad('a list repeating an entry')([v, v])),
        fc.oneof(fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.string(), { minKeys: 1, maxKeys: 2 })).map(bad('a list of the wrong type')),
      );
    case 'region':
      return invalidRegion(kind.optional ?? false);
    case 'nip':
      return invalidNip();
    case 'caseId':
      return invalidCaseId();
    case 'respondentId':
      return invalidRespondentId();
    case 'respondentIds':
      return fc.oneof(
        fc.constant(bad('no respondents')([])),
        fc.constant(bad('a respondent twice')(['R1', 'R1'])),
        invalidRespondentId().map((b) => ({ ...b, value: [b.value], shape: `a list with ${b.shape}` })),
        fc.oneof(fc.boolean(), fc.dictionary(fc.string(), fc.string(), { minKeys: 1, maxKeys: 2 })).map(bad('a list of the wrong type')),
      );
    case 'year':
      return invalidYear();
    case 'commandId':
      return fc.oneof(
        ANY_TEXT.filter((s) => !/^[A-Za-z0-9._:-]{8,100}$/.test(s)).map(bad('a command id of the wrong shape')),
        fc.integer({ min: 0, max: 9_999_999 }).map(bad('a command id too short')),
        fc.constant(bad('a command id too long')('c'.repeat(101))),
        NOT_A_STRING.filter((v) => !Array.isArray(v)).map(bad('a command id of the wrong type')),
      );
    case 'expectedVersion':
      return fc.oneof(
        fc.integer({ min: -(2 ** 31), max: 0 }).map(bad('a version below 1')),
        fc.constantFrom(2 ** 31, 1e308, 1.5, '1', '', true).map(bad('a version that is no Int')),
      );
    case 'boolean':
      return fc.oneof(fc.constantFrom('true', 'false', 'yes', '', 1, 0, 'null'), NOT_A_STRING.filter((v) => typeof v !== 'boolean')).map(bad('not a boolean'));
    case 'object':
      return fc.oneof(fc.oneof(fc.string(), ANY_NUMBER, fc.boolean()).map(bad('a scalar for an object')), NESTED_GARBAGE.filter((v) => v !== null).map(bad('nested garbage for an object')));
    case 'objectList':
      return fc.oneof(
        ...(kind.minimum > 0 ? [fc.constant(bad('an empty list')([]))] : []),
        fc.constant(null).map(() => bad('a list over its maximum')(Array.from({ length: kind.maximum + 1 }, () => structuredClone(kind.item)))),
        fc.oneof(fc.string(), ANY_NUMBER, fc.boolean()).map(bad('a list of scalars')),
        fc.array(NESTED_GARBAGE.filter((v) => v !== null), { minLength: 1, maxLength: 3 }).map(bad('a list of garbage')),
      );
  }
}

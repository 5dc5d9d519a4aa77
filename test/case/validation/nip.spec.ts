import { assertValidNip, nipBirthDate, parseNip } from '../../../src/case/validation/nip';
import { expectBadInput } from './expect-bad-input';

const FIELD = 'respondents[1].nip';
/** Born 30 Mar 1985, appointed (TMT) Dec 2010, male, sequence 002. */
const VALID = '198503302010121002';

/** A NIP with one part replaced: `nip({ birth: '19850230' })`. */
function nip(parts: { birth?: string; tmt?: string; sex?: string; seq?: string } = {}): string {
  return `${parts.birth ?? '19850330'}${parts.tmt ?? '201012'}${parts.sex ?? '1'}${parts.seq ?? '002'}`;
}

describe('NIP', () => {
  describe('a valid NIP', () => {
    it('is accepted and reads as born 30 March 1985, appointed December 2010, male, sequence 2', () => {
      expect(() => assertValidNip(VALID, FIELD)).not.toThrow();
      expect(parseNip(VALID, FIELD)).toEqual({
        birthDate: { year: 1985, month: 3, day: 30 },
        appointed: { year: 2010, month: 12 },
        sex: 'MALE',
        sequence: 2,
      });
      expect(nipBirthDate(VALID)).toBe('1985-03-30');
    });

    it('is accepted for a woman (sex digit 2) with the highest sequence 999', () => {
      expect(parseNip(nip({ sex: '2', seq: '999' }), FIELD)).toMatchObject({ sex: 'FEMALE', sequence: 999 });
    });

    it('is accepted for someone born on 29 February of a leap year', () => {
      expect(() => assertValidNip(nip({ birth: '19880229' }), FIELD)).not.toThrow();
      expect(() => assertValidNip(nip({ birth: '20000229', tmt: '201803' }), FIELD)).not.toThrow();
    });

    it('is accepted when the appointment falls in the month of the 18th birthday', () => {
      expect(() => assertValidNip(nip({ birth: '19850330', tmt: '200303' }), FIELD)).not.toThrow();
    });
  });

  describe('the length', () => {
    it('refuses 17 digits, naming the field', () => {
      const error = expectBadInput(() => assertValidNip(VALID.slice(1), FIELD), FIELD, 'NIP must be exactly 18 digits');
      expect(error.message).toMatch(/^respondents\[1\]\.nip: /);
    });

    it('refuses 19 digits', () => {
      expectBadInput(() => assertValidNip(`${VALID}0`, FIELD), FIELD, 'NIP must be exactly 18 digits');
    });

    it('refuses letters among the digits', () => {
      expectBadInput(() => assertValidNip('19850330201012100A', FIELD), FIELD, /exactly 18 digits.*17 of them digits/);
    });

    it('refuses the NIP as printed with spaces, saying to remove them', () => {
      expectBadInput(() => assertValidNip('19850330 201012 1 002', FIELD), FIELD, /without spaces/);
    });

    it('refuses an empty value', () => {
      expectBadInput(() => assertValidNip('', FIELD), FIELD, 'NIP must be exactly 18 digits');
    });
  });

  describe('the birth date', () => {
    it('refuses a birth date that does not exist (30 February)', () => {
      expectBadInput(() => assertValidNip(nip({ birth: '19850230' }), FIELD), FIELD, 'NIP birth date 1985-02-30 is not a real date');
    });

    it('refuses 29 February in a year that is not a leap year', () => {
      expectBadInput(() => assertValidNip(nip({ birth: '19850229' }), FIELD), FIELD, 'NIP birth date 1985-02-29 is not a real date');
    });

    it('refuses 29 February 1900, which was not a leap year', () => {
      expectBadInput(() => assertValidNip(nip({ birth: '19000229', tmt: '195001' }), FIELD), FIELD, /1900-02-29 is not a real date/);
    });

    it('refuses birth month 13 and day 00', () => {
      expectBadInput(() => assertValidNip(nip({ birth: '19851330' }), FIELD), FIELD, /birth date 1985-13-30 is not a real date/);
      expectBadInput(() => assertValidNip(nip({ birth: '19850300' }), FIELD), FIELD, /birth date 1985-03-00 is not a real date/);
    });

    it('refuses a birth year before 1900', () => {
      expectBadInput(() => assertValidNip(nip({ birth: '00000330' }), FIELD), FIELD, /birth year 0000 is not plausible/);
    });
  });

  describe('the appointment (TMT)', () => {
    it('refuses appointment month 00 and 13', () => {
      expectBadInput(() => assertValidNip(nip({ tmt: '201000' }), FIELD), FIELD, /appointment \(TMT\) month 00 must be between 01 and 12/);
      expectBadInput(() => assertValidNip(nip({ tmt: '201013' }), FIELD), FIELD, /month 13 must be between 01 and 12/);
    });

    it('refuses an appointment the month before the 18th birthday', () => {
      expectBadInput(
        () => assertValidNip(nip({ birth: '19850330', tmt: '200302' }), FIELD),
        FIELD,
        'NIP appointment (TMT) 2003-02 is before the 18th birthday of someone born 1985-03-30',
      );
    });

    it('refuses an appointment before the holder was born', () => {
      expectBadInput(() => assertValidNip(nip({ tmt: '198001' }), FIELD), FIELD, /before the 18th birthday/);
    });
  });

  describe('the sex digit', () => {
    it.each(['0', '3', '9'])('refuses sex digit %s', (digit) => {
      expectBadInput(
        () => assertValidNip(nip({ sex: digit }), FIELD),
        FIELD,
        `NIP sex digit must be 1 (male) or 2 (female), not ${digit}`,
      );
    });
  });

  describe('the sequence', () => {
    it('refuses sequence 000', () => {
      expectBadInput(() => assertValidNip(nip({ seq: '000' }), FIELD), FIELD, /sequence number .* between 001 and 999, not 000/);
    });

    it('accepts sequence 001', () => {
      expect(() => assertValidNip(nip({ seq: '001' }), FIELD)).not.toThrow();
    });
  });

  it('gives no birth date for an invalid NIP', () => {
    expect(nipBirthDate(nip({ birth: '19850230' }))).toBeUndefined();
  });
});

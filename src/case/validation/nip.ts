import { badInput } from '../case-error';
import { isRealDate } from '../deadlines/wib';

/**
 * NIP (PNS) and NI PPPK: 18 digits `YYYYMMDD YYYYMM G NNN` — birth date, appointment (TMT CPNS)
 * year and month, sex (1 male, 2 female), sequence. The number encodes personal data: messages
 * name the part that is wrong, never the whole number.
 */
export interface NipParts {
  birthDate: { year: number; month: number; day: number };
  appointed: { year: number; month: number };
  sex: 'MALE' | 'FEMALE';
  sequence: number;
}

const NIP_PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})(\d)(\d{3})$/;
/** Nobody serving (or retired with a pending case) was born earlier; catches typed zeros. */
const EARLIEST_BIRTH_YEAR = 1900;
const ADULT_AGE = 18;

/** Refuses anything that is not a plausible NIP/PPPK number; `field` is the input path, e.g. `respondents[1].nip`. */
export function assertValidNip(nip: string, field: string): void {
  parseNip(nip, field);
}

/** The parts of a valid NIP; throws BAD_USER_INPUT naming the first rule it breaks. */
export function parseNip(nip: string, field: string): NipParts {
  if (typeof nip !== 'string') throw badInput(field, 'NIP must be a string of 18 digits', 'nip.notString', { expected: 18 });
  const match = NIP_PATTERN.exec(nip);
  if (!match) {
    const digitsOnly = nip.replace(/[\s.-]/g, '');
    if (digitsOnly !== nip && /^\d{18}$/.test(digitsOnly)) {
      throw badInput(field, 'NIP must be exactly 18 digits, written without spaces, dots or dashes', 'nip.separators', { expected: 18 });
    }
    const digits = nip.replace(/\D/g, '').length;
    throw badInput(field, `NIP must be exactly 18 digits (got ${nip.length} characters, ${digits} of them digits)`, 'nip.length', { expected: 18, length: nip.length, digits });
  }
  const [birthYear, birthMonth, birthDay, tmtYear, tmtMonth, sexDigit, sequence] = match.slice(1).map(Number);
  const birth = `${match[1]}-${match[2]}-${match[3]}`;

  if (birthYear < EARLIEST_BIRTH_YEAR) {
    throw badInput(field, `NIP birth year ${match[1]} is not plausible (before ${EARLIEST_BIRTH_YEAR})`, 'nip.birthYear', { year: birthYear, minimum: EARLIEST_BIRTH_YEAR });
  }
  if (!isRealDate(birthYear, birthMonth, birthDay)) {
    throw badInput(field, `NIP birth date ${birth} is not a real date`, 'nip.birthDate', { date: birth });
  }
  if (tmtMonth < 1 || tmtMonth > 12) {
    throw badInput(field, `NIP appointment (TMT) month ${match[5]} must be between 01 and 12`, 'nip.appointmentMonth', { month: match[5] });
  }
  if (tmtYear * 12 + tmtMonth < (birthYear + ADULT_AGE) * 12 + birthMonth) {
    throw badInput(
      field,
      `NIP appointment (TMT) ${match[4]}-${match[5]} is before the 18th birthday of someone born ${birth}`,
      'nip.appointmentBeforeAdult',
      { appointed: `${match[4]}-${match[5]}`, birthDate: birth },
    );
  }
  if (sexDigit !== 1 && sexDigit !== 2) {
    throw badInput(field, `NIP sex digit must be 1 (male) or 2 (female), not ${sexDigit}`, 'nip.sexDigit', { digit: sexDigit });
  }
  if (sequence === 0) {
    throw badInput(field, 'NIP sequence number (last 3 digits) must be between 001 and 999, not 000', 'nip.sequence');
  }
  return {
    birthDate: { year: birthYear, month: birthMonth, day: birthDay },
    appointed: { year: tmtYear, month: tmtMonth },
    sex: sexDigit === 1 ? 'MALE' : 'FEMALE',
    sequence,
  };
}

/** Birth date `YYYY-MM-DD` encoded in a valid NIP, or undefined when the NIP is not valid. */
export function nipBirthDate(nip: string): string | undefined {
  try {
    const { year, month, day } = parseNip(nip, 'nip').birthDate;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  } catch {
    return undefined;
  }
}

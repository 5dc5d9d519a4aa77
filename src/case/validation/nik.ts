import { badInput } from '../case-error';
import { isRealDate } from '../deadlines/wib';

/**
 * NIK (Nomor Induk Kependudukan, shared/DOMAIN.md §7): 16 digits — the region of registration (6:
 * province, regency/city, district), the birth date as DDMMYY with 40 added to a woman's day, and a
 * 4-digit sequence. The region part is not checked against today's codes: it is where the person was
 * first registered, and regions split since. Like the NIP it is personal data: messages name the part
 * that is wrong, never the number.
 */
const NIK_PATTERN = /^(\d{6})(\d{2})(\d{2})(\d{2})(\d{4})$/;
const WOMEN_DAY_OFFSET = 40;

export function assertValidNik(nik: string, field: string): void {
  const match = typeof nik === 'string' ? NIK_PATTERN.exec(nik) : null;
  if (!match) {
    const digits = typeof nik === 'string' ? nik.replace(/\D/g, '').length : 0;
    throw badInput(field, `NIK must be exactly 16 digits (got ${typeof nik === 'string' ? nik.length : 0} characters, ${digits} of them digits)`, 'nik.length', { expected: 16, length: typeof nik === 'string' ? nik.length : 0, digits });
  }
  const [day, month, year, sequence] = [Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5])];
  if (match[1].startsWith('00')) throw badInput(field, 'NIK region part (first 6 digits) must start with a province code, not 00', 'nik.regionPart');
  const birthDay = day > WOMEN_DAY_OFFSET ? day - WOMEN_DAY_OFFSET : day;
  // Two-digit year: real in the 1900s or the 2000s (29 February needs a leap year in one of them).
  if (!isRealDate(1900 + year, month, birthDay) && !isRealDate(2000 + year, month, birthDay)) {
    throw badInput(field, `NIK birth date part ${match[2]}${match[3]}${match[4]} (DDMMYY, day + 40 for women) is not a real date`, 'nik.birthDate', { part: `${match[2]}${match[3]}${match[4]}` });
  }
  if (sequence === 0) throw badInput(field, 'NIK sequence number (last 4 digits) must be between 0001 and 9999, not 0000', 'nik.sequence');
}

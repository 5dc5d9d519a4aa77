import { badInput } from '../case-error';

/**
 * NRP (Nomor Registrasi Pokok) of TNI and Polri members. Personal data: messages never repeat the number.
 *
 * - Polri (Perkap 3/2018 on NRP administration): 8 digits, read as YYMM of birth and a sequence. Netra
 *   checks 8 digits and a month part 01–12; the YYMM reading is from public descriptions, **unconfirmed**.
 * - TNI: the number depends on the service and rank group and on when it was issued — 5 digits for the
 *   first officers' series, 6 for NCOs and privates, longer in later series. No public rule gives one
 *   shape, so Netra checks only a conservative one, 5 to 14 digits without a leading zero (**unconfirmed**:
 *   a setting in NRP_SHAPES, never read for meaning).
 */
export const NRP_SHAPES = {
  POLRI: { pattern: /^\d{8}$/, describe: 'exactly 8 digits', minLength: 8, maxLength: 8, confirmed: false },
  TNI: { pattern: /^[1-9]\d{4,13}$/, describe: '5 to 14 digits, not starting with 0', minLength: 5, maxLength: 14, confirmed: false },
} as const;

export function assertValidNrp(nrp: string, service: keyof typeof NRP_SHAPES, field: string): void {
  const shape = NRP_SHAPES[service];
  if (typeof nrp !== 'string' || !shape.pattern.test(nrp)) {
    const digits = typeof nrp === 'string' ? nrp.replace(/\D/g, '').length : 0;
    throw badInput(field, `a ${service === 'TNI' ? 'TNI' : 'Polri'} NRP must be ${shape.describe} (got ${typeof nrp === 'string' ? nrp.length : 0} characters, ${digits} of them digits)`, 'nrp.shape', {
      service,
      minLength: shape.minLength,
      maxLength: shape.maxLength,
      length: typeof nrp === 'string' ? nrp.length : 0,
      digits,
    });
  }
  if (service === 'POLRI') {
    const month = Number(nrp.slice(2, 4));
    if (month < 1 || month > 12) throw badInput(field, `a Polri NRP's month part (digits 3–4) must be between 01 and 12, not ${nrp.slice(2, 4)}`, 'nrp.month', { month: nrp.slice(2, 4) });
  }
}

import { badInput } from '../../case/case-error';

/** Calendar months as officers count them: in WIB (UTC+7), where Bawaslu RI and most units sit. */
const WIB_MS = 7 * 3_600_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` of an instant, in WIB. */
export function receivedMonth(ms: number): string {
  return new Date(ms + WIB_MS).toISOString().slice(0, 7);
}

/** The first instant of a `YYYY-MM` month in WIB, or of the month after it (`next`). */
export function monthStart(month: string, field: string, next = false): Date {
  const match = MONTH.exec(month);
  if (!match) throw badInput(field, 'must be a calendar month written YYYY-MM, e.g. 2024-10', 'filter.month');
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + (next ? 1 : 0), 1) - WIB_MS);
}

import { parseTypedDateTime, parseTypedDay, typedDateTime, typedDay } from '../../src/console/web/time/typed-date';
import { fromLocalInput, WITA } from '../../src/words/zones';

describe('dates as officers type them', () => {
  it.each([
    ['06/12/2026 14.05', '2026-12-06T14:05'],
    ['6/12/2026 14:05', '2026-12-06T14:05'],
    [' 06-12-2026  9.05 ', '2026-12-06T09:05'],
    ['29/02/2024 00.00', '2024-02-29T00:00'],
    ['2026-12-06T14:05', '2026-12-06T14:05'],
  ])('reads %j as %s', (typed, local) => expect(parseTypedDateTime(typed)).toBe(local));

  it.each(['31/02/2024 10.00', '29/02/2023 10.00', '06/13/2026 10.00', '06/12/2026 24.00', '06/12/2026 14.60', '06/12/2026', '12/06/2026, 02:17 AM', '06/12/26 14.05', ''])(
    'refuses %j',
    (typed) => expect(parseTypedDateTime(typed)).toBeNull(),
  );

  it('writes the time with a dot in Indonesian and a colon in English, and leaves unreadable text as typed', () => {
    expect(typedDateTime('2026-12-06T14:05', 'id')).toBe('06/12/2026 14.05');
    expect(typedDateTime('2026-12-06T14:05', 'en')).toBe('06/12/2026 14:05');
    expect(typedDateTime('31/02/2024 10.00', 'id')).toBe('31/02/2024 10.00');
  });

  it('reads a typed time in the case’s zone: 14.05 WITA is 06.05 UTC', () => {
    expect(new Date(fromLocalInput(parseTypedDateTime('06/12/2026 14.05')!, WITA)).toISOString()).toBe('2026-12-06T06:05:00.000Z');
  });

  it('reads a day without a time for the dashboard, and refuses one with a time or that does not exist', () => {
    expect(parseTypedDay('31/12/2024')).toBe('2024-12-31');
    expect(typedDay('2024-12-31')).toBe('31/12/2024');
    expect(parseTypedDay('31/12/2024 10.00')).toBeNull();
    expect(parseTypedDay('31/11/2024')).toBeNull();
  });
});

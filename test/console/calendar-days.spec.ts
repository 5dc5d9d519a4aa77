import { formatDay, parseTypedDay, toTypedDay } from '../../src/words/days';
import { wordRefusal } from '../../src/words/refusal-words';
import { WIB } from '../../src/words/zones';

/** Days on the calendar page are typed and shown as officers write them, and sent as the API reads them. */
describe('console: calendar days as officers write them', () => {
  it('reads dd/mm/yyyy (with or without leading zeros) as YYYY-MM-DD', () => {
    expect(parseTypedDay('17/08/2027')).toBe('2027-08-17');
    expect(parseTypedDay(' 1/1/2027 ')).toBe('2027-01-01');
  });

  it('refuses what is no real day or not written so', () => {
    expect(parseTypedDay('31/02/2027')).toBeNull();
    expect(parseTypedDay('29/02/2027')).toBeNull();
    expect(parseTypedDay('29/02/2028')).toBe('2028-02-29');
    expect(parseTypedDay('2027-08-17')).toBeNull();
    expect(parseTypedDay('17-08-2027')).toBeNull();
    expect(parseTypedDay('')).toBeNull();
  });

  it('shows a day as "1 Januari 2027", and back as the officer types it', () => {
    expect(formatDay('2027-01-01', 'id')).toBe('1 Januari 2027');
    expect(formatDay('2027-08-17', 'en')).toBe('17 August 2027');
    expect(toTypedDay('2027-01-05')).toBe('05/01/2027');
  });

  it('words a refused calendar day as officers write it, without a time or zone', () => {
    const refusal = { code: 'BAD_USER_INPUT', key: 'calendar.dateOutsideYear', params: { date: '2028-03-10', year: 2027 }, message: '2028-03-10 is not in 2027' };
    expect(wordRefusal(refusal, { lang: 'id', zone: WIB })).toBe('Tanggal 10 Maret 2028 tidak berada pada tahun 2027.');
    expect(wordRefusal(refusal, { lang: 'en', zone: WIB })).toBe('10 March 2028 is not in 2027.');
  });
});
